import { cleanup, render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldError } from './errors';
import type { CostPreview } from './queries';
import { Review, type ReviewProps } from './Review';

afterEach(cleanup);

const usd = (cents: number) => ({ cents, currency: 'USD' });
const COST: CostPreview = {
  currentMonthly: usd(17500),
  newMonthly: usd(21000),
  deltaMonthly: usd(3500),
  lines: [
    {
      product: { id: 'ess', name: 'Email Security Essentials' },
      quantityBefore: 50,
      quantityAfter: 60,
      unitPrice: usd(350),
      monthlyBefore: usd(17500),
      monthlyAfter: usd(21000),
    },
  ],
};

const CONTACTS = [{ id: 'dana', name: 'Dana Lead', email: 'lead@acme-mail.example' }];

function renderReview(overrides: Partial<ReviewProps> = {}) {
  const [errors, setErrors] = createSignal<readonly FieldError[]>(overrides.errors ?? []);
  const props: ReviewProps = {
    header: { title: 'Ten more seats', site: 'Head Office', note: '' },
    onEditHeader: vi.fn(),
    cost: COST,
    updating: false,
    lines: [
      {
        key: 'ess|acme',
        itemGroup: 'Email Security',
        itemName: 'Email Security Essentials',
        billingAccount: 'Acme Mail',
        available: 50,
        delta: 10,
        toBe: 60,
      },
    ],
    productChange: null,
    contacts: CONTACTS,
    leadId: 'dana',
    onLead: vi.fn(),
    onAddContact: vi.fn(async () => []),
    msaAccepted: false,
    onMsaAccepted: vi.fn(),
    authorized: false,
    onAuthorized: vi.fn(),
    submitting: false,
    onSubmit: vi.fn(),
    onEditItems: vi.fn(),
    ...overrides,
    errors: [],
  };
  render(() => <Review {...props} errors={errors()} />);
  return { props, setErrors, user: userEvent.setup() };
}

const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

const MSA = 'The order is governed by the MSA in effect';
const AUTHORIZED = 'I am authorized to place this order';

describe('Review', () => {
  it("repeats step 1's title, site and note, and goes back to change them", async () => {
    const { props, user } = renderReview({
      header: {
        title: '  Ten more seats ',
        site: 'Head Office',
        note: 'Start on Monday.\nCall first.',
      },
    });
    const order = screen.getByText('Order Title').closest('dl')!;
    const facts = [...order.querySelectorAll('dt')].map((term) => [
      term.textContent,
      term.nextElementSibling?.textContent,
    ]);
    expect(facts).toEqual([
      ['Order Title', 'Ten more seats'],
      ['Customer Site', 'Head Office'],
      ['Note', 'Start on Monday.\nCall first.'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Edit title and site' }));
    expect(props.onEditHeader).toHaveBeenCalledTimes(1);
  });

  it('says when no site is chosen, and leaves out an empty note', () => {
    renderReview({ header: { title: 'Seats', site: null, note: '   ' } });
    const order = screen.getByText('Order Title').closest('dl')!;
    expect([...order.querySelectorAll('dt')].map((term) => term.textContent)).toEqual([
      'Order Title',
      'Customer Site',
    ]);
    expect(within(order).getByText('None chosen')).toBeTruthy();
  });

  it('shows the monthly cost before, after and the change, per product and in total', () => {
    renderReview();
    const table = screen.getByRole('table', { name: 'Monthly cost at your contracted price' });
    const product = within(table).getByRole('row', { name: /Email Security Essentials/ });
    expect(
      within(product)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['50', '60', '3.50 USD', '175.00 USD', '210.00 USD', '35.00 USD']);
    const total = within(table).getByRole('row', { name: /Total per month/ });
    expect(
      within(total)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['175.00 USD', '210.00 USD', '35.00 USD']);
  });

  it('shows each userError next to its field and the rest above', async () => {
    const { setErrors } = renderReview();
    const msa = screen.getByRole('checkbox', { name: MSA });
    const authorized = screen.getByRole('checkbox', { name: AUTHORIZED });
    const lead = screen.getByRole('combobox', { name: 'Primary Implementation Lead' });
    expect(msa.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();

    setErrors([
      {
        code: 'MSA_NOT_ACCEPTED',
        field: ['msaAccepted'],
        message: 'Confirm that the order is governed by the MSA already in effect.',
      },
      {
        code: 'AUTHORIZATION_NOT_CONFIRMED',
        field: ['authorizationConfirmed'],
        message: 'Confirm that you are authorized to place this order.',
      },
      {
        code: 'VALIDATION',
        field: ['implementationLeadId'],
        message: 'No such contact for this customer.',
      },
      {
        code: 'EMPTY_ORDER',
        field: ['lines'],
        message: 'The order changes nothing: add a line or a product change.',
      },
    ]);

    expect(msa.getAttribute('aria-invalid')).toBe('true');
    expect(description(msa)).toBe(
      'Confirm that the order is governed by the MSA already in effect.',
    );
    expect(authorized.getAttribute('aria-invalid')).toBe('true');
    expect(description(authorized)).toBe('Confirm that you are authorized to place this order.');
    expect(description(lead)).toBe('No such contact for this customer.');
    // Placed errors are not repeated in the summary; the others are listed there.
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('The order changes nothing');
    expect(summary.textContent).not.toContain('MSA');
  });

  it('reports the tick boxes, the lead and the submit to its owner', async () => {
    const { props, user } = renderReview();
    await user.click(screen.getByRole('checkbox', { name: MSA }));
    expect(props.onMsaAccepted).toHaveBeenCalledWith(true);
    await user.click(screen.getByRole('checkbox', { name: AUTHORIZED }));
    expect(props.onAuthorized).toHaveBeenCalledWith(true);
    await user.click(screen.getByRole('button', { name: 'Save & Submit Order' }));
    expect(props.onSubmit).toHaveBeenCalledTimes(1);
  });

  it('creates a lead on the spot, showing addContact errors next to their fields', async () => {
    const onAddContact = vi
      .fn<ReviewProps['onAddContact']>()
      .mockResolvedValueOnce([
        { code: 'VALIDATION', field: ['email'], message: '"pat" is not an e-mail address.' },
      ])
      .mockResolvedValueOnce([]);
    const { user } = renderReview({ onAddContact });
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Pat Lead');
    const email = screen.getByRole('textbox', { name: 'E-mail' });
    await user.type(email, 'pat');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(onAddContact).toHaveBeenLastCalledWith('Pat Lead', 'pat');
    await screen.findByText('"pat" is not an e-mail address.');
    expect(description(email)).toBe('"pat" is not an e-mail address.');

    await user.clear(email);
    await user.type(email, 'pat@acme-mail.example');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(onAddContact).toHaveBeenLastCalledWith('Pat Lead', 'pat@acme-mail.example');
    await screen.findByRole('button', { name: 'New contact' });
    expect(screen.queryByRole('textbox', { name: 'E-mail' })).toBeNull();
  });
});
