import { readFileSync } from 'node:fs';
import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceReconnected, type SessionInfo } from '@portal/web-shared';
import { App } from './App';
import type { WizardCustomer, WizardOrder } from './queries';
import { fakeClient } from '@portal/web-shared/fetch-test-client';

afterEach(cleanup);

/** Saves wait for a pause in the edits (SAVE_DELAY_MS); give them room on a slow machine. */
const SAVED = { timeout: 3000 };

const usd = (cents: number) => ({ cents, currency: 'USD' });
const product = (
  id: string,
  name: string,
  kind: 'PRIMARY' | 'ADD_ON' | 'ITEM',
  cents: number | null,
) => ({
  id,
  name,
  kind,
  itemGroup: kind === 'ADD_ON' ? 'Add-on' : 'Email Security',
  unitPrice: cents === null ? null : usd(cents),
  upgradesTo: id === 'ess' ? [{ id: 'adv', name: 'Email Security Advanced' }] : [],
});
const ACCOUNT = { id: 'acme', name: 'Acme Mail' };
/**
 * Every line orderable, Awareness Training included: as if the grid had been read while the
 * agreement still enabled it, so that the server's ADD_ON_NOT_ENABLED reaches the row.
 */
const CUSTOMER: WizardCustomer = {
  id: 'c1',
  name: 'Acme Mail',
  vendor: { id: 'mimecast', name: 'Mimecast' },
  sites: [{ id: 's1', name: 'Acme Mail Office', address: '2 Harbour Road' }],
  contacts: [{ id: 'dana', name: 'Dana Lead', email: 'lead@acme-mail.example' }],
  licenses: [
    {
      available: 50,
      orderable: true,
      billingAccount: ACCOUNT,
      product: product('ess', 'Email Security Essentials', 'PRIMARY', 350),
    },
    {
      available: 0,
      orderable: true,
      billingAccount: ACCOUNT,
      product: product('adv', 'Email Security Advanced', 'PRIMARY', 550),
    },
    {
      available: 0,
      orderable: true,
      billingAccount: ACCOUNT,
      product: product('arc', 'Archive', 'ADD_ON', 150),
    },
    {
      available: 0,
      orderable: true,
      billingAccount: ACCOUNT,
      product: product('awa', 'Awareness Training', 'ADD_ON', 200),
    },
  ],
};
const SESSION: SessionInfo = {
  token: 't',
  name: 'Rich Balazsi',
  email: 'rich@rs-vertical.example',
  role: 'RESELLER_ADMIN',
  organization: { id: 'rs', name: 'RS-Vertical', kind: 'RESELLER' },
};

/**
 * A server keeping one draft: it bumps the version on each write, refuses a stale
 * expectedVersion and a blank title, reports Awareness Training as not enabled, and refuses
 * a submit whose tick boxes are not ticked.
 */
function fakeServer(customer: WizardCustomer = CUSTOMER) {
  let version = 3;
  let title = 'More seats';
  let lostOnce = false;
  let linesToFail = 0;
  let lines: { productId: string; billingAccountId: string; delta: number }[] = [];
  const draft = (): WizardOrder => ({
    id: 'o1',
    number: 500001,
    title,
    note: null,
    status: 'DRAFT',
    version,
    site: { id: 's1' },
    customer: { id: 'c1' },
    requestTo: { id: 'mimecast', name: 'Mimecast' },
    implementationLead: { id: 'dana' },
    lines: lines.map((line) => {
      const available = line.productId === 'ess' ? 50 : 0;
      return {
        delta: line.delta,
        available,
        toBe: available + line.delta,
        product: { id: line.productId },
        billingAccount: { id: line.billingAccountId },
      };
    }),
    productChange: { mode: 'KEEP', product: null, replaces: null },
    ruleViolations: lines.flatMap((line, index) =>
      line.productId === 'awa'
        ? [
            {
              code: 'ADD_ON_NOT_ENABLED' as const,
              field: ['lines', String(index), 'productId'],
              message: 'Awareness Training is not enabled in your agreement with this vendor.',
            },
          ]
        : [],
    ),
    costPreview: {
      currentMonthly: usd(17500),
      newMonthly: usd(17500 + 350 * (lines.find((l) => l.productId === 'ess')?.delta ?? 0)),
      deltaMonthly: usd(350 * (lines.find((l) => l.productId === 'ess')?.delta ?? 0)),
      lines: [],
    },
  });
  const stale = () => ({
    order: null,
    userErrors: [
      { code: 'STALE_VERSION', field: ['expectedVersion'], message: 'Order 500001 has changed.' },
    ],
  });

  const fake = fakeClient((operation, variables) => {
    const input = variables.input as Record<string, unknown>;
    switch (operation) {
      case 'WizardDraft':
        return { changeOrder: draft() };
      case 'WizardCustomer':
        return { customer };
      case 'CreateChangeOrder':
        // The first answer to 'Lost answer' fails, as if the network had dropped it.
        if (input.title === 'Lost answer' && !lostOnce) {
          lostOnce = true;
          throw new Error('Network error');
        }
        return String(input.title).trim()
          ? { createChangeOrder: { order: draft(), userErrors: [] } }
          : {
              createChangeOrder: {
                order: null,
                userErrors: [
                  { code: 'VALIDATION', field: ['title'], message: 'Give the order a title.' },
                ],
              },
            };
      case 'UpdateChangeOrder':
        if (input.expectedVersion !== version) return { updateChangeOrder: stale() };
        if (typeof input.title === 'string' && !input.title.trim())
          return {
            updateChangeOrder: {
              order: null,
              userErrors: [
                { code: 'VALIDATION', field: ['title'], message: 'Give the order a title.' },
              ],
            },
          };
        version += 1;
        if (typeof input.title === 'string') title = input.title;
        return { updateChangeOrder: { order: draft(), userErrors: [] } };
      case 'SetChangeOrderLines':
        if (linesToFail > 0) {
          linesToFail -= 1;
          throw new Error('The portal is starting; try again shortly.');
        }
        if (input.expectedVersion !== version) return { setChangeOrderLines: stale() };
        version += 1;
        lines = input.lines as typeof lines;
        return { setChangeOrderLines: { order: draft(), userErrors: [] } };
      case 'SubmitChangeOrder': {
        if (input.expectedVersion !== version) return { submitChangeOrder: stale() };
        const userErrors = [
          ...(input.msaAccepted
            ? []
            : [
                {
                  code: 'MSA_NOT_ACCEPTED',
                  field: ['msaAccepted'],
                  message: 'Confirm that the order is governed by the MSA already in effect.',
                },
              ]),
          ...(input.authorizationConfirmed
            ? []
            : [
                {
                  code: 'AUTHORIZATION_NOT_CONFIRMED',
                  field: ['authorizationConfirmed'],
                  message: 'Confirm that you are authorized to place this order.',
                },
              ]),
        ];
        if (userErrors.length > 0) return { submitChangeOrder: { order: null, userErrors } };
        version += 1;
        return {
          submitChangeOrder: { order: { ...draft(), status: 'SUBMITTED' }, userErrors: [] },
        };
      }
      default:
        throw new Error(`unexpected ${operation}`);
    }
  });
  return {
    ...fake,
    bumpVersion: () => (version += 1),
    /** The next `count` saves of the lines fail without changing anything. */
    failLines: (count: number) => (linesToFail = count),
    lines: () => lines,
    sent: (operation: string) =>
      fake.calls
        .filter((call) => call.operationName === operation)
        .map((call) => call.variables.input as Record<string, unknown>),
  };
}

function renderApp(path: string, customer?: WizardCustomer) {
  const server = fakeServer(customer);
  const navigate = vi.fn<(path: string) => void>();
  render(() => (
    <App client={server.client} session={SESSION} path={() => path} navigate={navigate} />
  ));
  return { server, navigate, user: userEvent.setup() };
}

/**
 * Writes the design tokens (var(--danger-bg)…) of every style element as their values, as
 * jsdom's getComputedStyle does not resolve var() in a shorthand such as `background`.
 */
function inlineCustomProperties() {
  const root = getComputedStyle(document.documentElement);
  for (const style of document.querySelectorAll('style'))
    style.textContent = (style.textContent ?? '').replace(
      /var\((--[\w-]+)\)/g,
      (text, name: string) => root.getPropertyValue(name).trim() || text,
    );
}

const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('the Change Order wizard', () => {
  it('says a pasted title is too long, rather than cutting it at 200 characters unseen', async () => {
    const { server, user } = renderApp('/customers/c1/change-order');
    const title = await screen.findByRole('textbox', { name: 'Order Title' });
    await user.click(title);
    await user.paste('x'.repeat(250));
    expect((title as HTMLInputElement).value).toHaveLength(250);
    await user.click(screen.getByRole('button', { name: 'Next: Order Items' }));
    await waitFor(() =>
      expect(description(title)).toContain('The title is longer than 200 characters.'),
    );
    expect(server.sent('CreateChangeOrder')).toEqual([]);
  });

  it('keeps a new order on step 1 while its title is blank, saying so at Order Title, and creates the draft once it has one', async () => {
    const { server, navigate, user } = renderApp('/customers/c1/change-order');
    const title = await screen.findByRole('textbox', { name: 'Order Title' });
    // The customer's only site is chosen already.
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Customer Site' }).value).toBe(
      's1',
    );

    await user.type(title, '   ');
    await user.click(screen.getByRole('button', { name: 'Next: Order Items' }));
    expect(description(title)).toBe('Give the order a title.');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(title);
    // Said at once, in the server's words, without asking it.
    expect(server.sent('CreateChangeOrder')).toHaveLength(0);
    expect(navigate).not.toHaveBeenCalled();

    await user.clear(title);
    await user.type(title, 'More seats');
    await user.click(screen.getByRole('button', { name: 'Next: Order Items' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/change-order/o1'));
    const [made] = server.sent('CreateChangeOrder');
    const { idempotencyKey, ...input } = made!;
    expect(input).toEqual({ customerId: 'c1', title: 'More seats', siteId: 's1', note: null });
    expect(idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('sends Next again after a failed answer with the same idempotency key, so the draft is made once', async () => {
    const { server, navigate, user } = renderApp('/customers/c1/change-order');
    await user.type(await screen.findByRole('textbox', { name: 'Order Title' }), 'Lost answer');
    await user.click(screen.getByRole('button', { name: 'Next: Order Items' }));
    await screen.findByRole('alert');
    expect(navigate).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Next: Order Items' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/change-order/o1'));
    const [lost, retried] = server.sent('CreateChangeOrder');
    expect(retried!.idempotencyKey).toBe(lost!.idempotencyKey);
  });

  it('sends another title after a failed answer as another request, with a key of its own', async () => {
    const { server, navigate, user } = renderApp('/customers/c1/change-order');
    const title = await screen.findByRole('textbox', { name: 'Order Title' });
    await user.type(title, 'Lost answer');
    await user.click(screen.getByRole('button', { name: 'Next: Order Items' }));
    await screen.findByRole('alert');

    await user.type(title, ' (2)');
    await user.click(screen.getByRole('button', { name: 'Next: Order Items' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/change-order/o1'));
    const [lost, other] = server.sent('CreateChangeOrder');
    expect(other!.title).toBe('Lost answer (2)');
    expect(other!.idempotencyKey).not.toBe(lost!.idempotencyKey);
  });

  it('keeps a draft on Order Title & Customer Site while its title is blank, and moves on once it has one', async () => {
    const { user } = renderApp('/change-order/o1');
    await screen.findByRole('heading', { level: 2, name: 'Order Items' });
    await user.click(screen.getByRole('button', { name: 'Back' }));
    const title = await screen.findByRole('textbox', { name: 'Order Title' });
    await user.clear(title);
    await user.type(title, '  ');

    await user.click(screen.getByRole('button', { name: 'Next: Order Items' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Order Title & Customer Site',
    );
    expect(description(title)).toBe('Give the order a title.');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(title);
    // The step buttons cannot skip it either.
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Order Title & Customer Site',
    );

    await user.type(title, 'More seats');
    // Once saved, nothing is said against it any more.
    await waitFor(() => expect(description(title)).toBe(''), SAVED);
    await user.click(screen.getByRole('button', { name: 'Next: Order Items' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Order Items');
  });

  it('saves the grid as the user edits, passing the version, and submits once both boxes are ticked, saying to whom', async () => {
    const { server, navigate, user } = renderApp('/change-order/o1');
    const seats = await screen.findByRole('spinbutton', {
      name: 'Order(+/-) Email Security Essentials Acme Mail',
    });
    await user.clear(seats);
    await user.type(seats, '10');
    // The edits of one burst are saved once, with the version the draft was loaded at.
    await waitFor(() => expect(server.sent('SetChangeOrderLines')).toHaveLength(1), SAVED);
    expect(server.sent('SetChangeOrderLines')[0]).toEqual({
      orderId: 'o1',
      expectedVersion: 3,
      lines: [{ productId: 'ess', billingAccountId: 'acme', delta: 10 }],
    });
    await screen.findByText('Draft saved');

    // The server's rule violations appear on the row they are about.
    await user.click(screen.getByRole('button', { name: 'Increase Awareness Training' }));
    await waitFor(() => expect(server.sent('SetChangeOrderLines')).toHaveLength(2), SAVED);
    expect(server.sent('SetChangeOrderLines')[1]!.expectedVersion).toBe(4);
    const awareness = screen.getByRole('spinbutton', {
      name: 'Order(+/-) Awareness Training Acme Mail',
    });
    await waitFor(() => expect(description(awareness)).toContain('is not enabled'));
    await user.click(screen.getByRole('button', { name: 'Decrease Awareness Training' }));
    await waitFor(() => expect(server.sent('SetChangeOrderLines')).toHaveLength(3), SAVED);
    await waitFor(() => expect(description(awareness)).toBe(''));

    await user.click(screen.getByRole('button', { name: 'Next: Review' }));
    const cost = await screen.findByRole('table', {
      name: 'Monthly cost at your contracted price',
    });
    expect(within(cost).getByRole('row', { name: /Total per month/ }).textContent).toContain(
      '35.00 USD',
    );
    // Step 1's answers, the site by its name.
    const order = screen.getByText('Order Title').closest('dl')!;
    expect(order.textContent).toBe('Order TitleMore seatsCustomer SiteAcme Mail Office');

    await user.click(screen.getByRole('button', { name: 'Save & Submit Order' }));
    const msa = screen.getByRole('checkbox', {
      name: 'The order is governed by the MSA in effect',
    });
    const authorized = screen.getByRole('checkbox', {
      name: 'I am authorized to place this order',
    });
    await waitFor(() =>
      expect(description(msa)).toBe(
        'Confirm that the order is governed by the MSA already in effect.',
      ),
    );
    expect(description(authorized)).toBe('Confirm that you are authorized to place this order.');
    expect(navigate).not.toHaveBeenCalled();

    await user.click(msa);
    await user.click(authorized);
    expect(description(msa)).toBe('');
    await user.click(screen.getByRole('button', { name: 'Save & Submit Order' }));
    // The confirmation takes the wizard's place, where the user is, and takes the focus.
    const done = await screen.findByRole('heading', {
      name: 'Order No. 500001 submitted to Mimecast for approval.',
    });
    expect(document.activeElement).toBe(done);
    expect(screen.getByRole('link', { name: 'Open order 500001' }).getAttribute('href')).toBe(
      '/orders/o1',
    );
    expect(screen.queryByRole('button', { name: 'Save & Submit Order' })).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
    const submitted = server.sent('SubmitChangeOrder').at(-1)!;
    expect(submitted).toMatchObject({
      orderId: 'o1',
      expectedVersion: 6,
      msaAccepted: true,
      authorizationConfirmed: true,
      implementationLeadId: 'dana',
    });
    expect(typeof submitted.idempotencyKey).toBe('string');
  });

  it('offers no +/− on a line the agreement does not let an order change, and says why', async () => {
    const notEnabled: WizardCustomer = {
      ...CUSTOMER,
      licenses: CUSTOMER.licenses.map((line) =>
        line.product.id === 'awa' ? { ...line, orderable: false } : line,
      ),
    };
    const { server, user } = renderApp('/change-order/o1', notEnabled);
    const awareness = await screen.findByRole('spinbutton', {
      name: 'Order(+/-) Awareness Training Acme Mail',
    });
    const row = awareness.closest('tr')!;
    expect(within(row).getByText('Not in your agreement with this vendor.')).toBeTruthy();
    expect(awareness).toHaveProperty('disabled', true);
    for (const name of ['Increase Awareness Training', 'Decrease Awareness Training']) {
      expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    }
    // The enabled add-on beside it is offered as usual.
    await user.click(screen.getByRole('button', { name: 'Increase Archive' }));
    await waitFor(() => expect(server.sent('SetChangeOrderLines')).toHaveLength(1), SAVED);
    expect(server.sent('SetChangeOrderLines')[0]!.lines).toEqual([
      { productId: 'arc', billingAccountId: 'acme', delta: 1 },
    ]);
  });

  it('keeps Review closed while a row cannot be saved, so that Review shows what will be submitted', async () => {
    const { server, user } = renderApp('/change-order/o1');
    const seats = await screen.findByRole('spinbutton', {
      name: 'Order(+/-) Email Security Essentials Acme Mail',
    });
    await user.clear(seats);
    await user.type(seats, '10');
    await waitFor(() => expect(server.sent('SetChangeOrderLines')).toHaveLength(1), SAVED);
    await screen.findByText('Draft saved');
    const archive = screen.getByRole('spinbutton', { name: 'Order(+/-) Archive Acme Mail' });
    await user.clear(archive);
    await user.type(archive, '1.5');

    await user.click(screen.getByRole('button', { name: 'Next: Review' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Order Items');
    expect(screen.getByRole('alert').textContent).toContain('Fix the flagged rows first');
    expect(document.activeElement).toBe(archive);
    // Nor through the step buttons.
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Order Items');
    expect(
      screen.queryByRole('table', { name: 'Monthly cost at your contracted price' }),
    ).toBeNull();

    await user.clear(archive);
    await user.type(archive, '2');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next: Review' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Review');
    // What Review lists is what the server now holds.
    await waitFor(
      () =>
        expect(server.lines()).toEqual([
          { productId: 'ess', billingAccountId: 'acme', delta: 10 },
          { productId: 'arc', billingAccountId: 'acme', delta: 2 },
        ]),
      SAVED,
    );
    const changed = screen.getByRole('table', { name: 'Changed items' });
    expect(
      within(changed)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      expect.stringContaining('Item Group'),
      expect.stringContaining('Email Security Essentials'),
      expect.stringContaining('Archive'),
    ]);
  });

  it('says so when someone else changed the draft, and offers to reload it', async () => {
    const { server, user } = renderApp('/change-order/o1');
    const seats = await screen.findByRole<HTMLInputElement>('spinbutton', {
      name: 'Order(+/-) Email Security Essentials Acme Mail',
    });
    server.bumpVersion();
    await user.click(screen.getByRole('button', { name: 'Increase Email Security Essentials' }));
    expect((await screen.findByRole('alert', {}, SAVED)).textContent).toContain(
      'Order 500001 has changed.',
    );
    await screen.findByText('Not saved: the order changed elsewhere');
    expect(seats.value).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Reload the order' }));
    const reloaded = await screen.findByRole<HTMLInputElement>('spinbutton', {
      name: 'Order(+/-) Email Security Essentials Acme Mail',
    });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(reloaded.value).toBe('0');
  });

  it('says "Not saved" when a save fails, saves on "Try again", and submits nothing meanwhile', async () => {
    const { server, navigate, user } = renderApp('/change-order/o1');
    await screen.findByRole('spinbutton', {
      name: 'Order(+/-) Email Security Essentials Acme Mail',
    });
    server.failLines(3);
    await user.click(screen.getByRole('button', { name: 'Increase Email Security Essentials' }));
    expect((await screen.findByRole('alert', {}, SAVED)).textContent).toContain(
      'The portal is starting',
    );
    await screen.findByText('Not saved');

    // Going to Review saves again, and so does submitting. Both fail here, so the draft is
    // not submitted without the edit.
    await user.click(screen.getByRole('button', { name: 'Next: Review' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'The order is governed by the MSA in effect' }),
    );
    await user.click(screen.getByRole('checkbox', { name: 'I am authorized to place this order' }));
    await user.click(screen.getByRole('button', { name: 'Save & Submit Order' }));
    await waitFor(() => expect(server.sent('SetChangeOrderLines')).toHaveLength(3));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save & Submit Order' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
    expect(server.sent('SubmitChangeOrder')).toHaveLength(0);
    expect(screen.getByText('Not saved')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Draft saved', {}, SAVED);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(server.lines()).toEqual([{ productId: 'ess', billingAccountId: 'acme', delta: 1 }]);
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('the Change Order wizard keeping edits', () => {
  it('saves the rows that can be saved while another row cannot be, keeping its last saved value and saying so', async () => {
    const { server, user } = renderApp('/change-order/o1');
    const seats = await screen.findByRole('spinbutton', {
      name: 'Order(+/-) Email Security Essentials Acme Mail',
    });
    await user.clear(seats);
    await user.type(seats, '3');
    await waitFor(
      () =>
        expect(server.lines()).toEqual([{ productId: 'ess', billingAccountId: 'acme', delta: 3 }]),
      SAVED,
    );
    await screen.findByText('Draft saved');

    await user.clear(seats);
    await user.type(seats, '1.5');
    const advanced = screen.getByRole('spinbutton', {
      name: 'Order(+/-) Email Security Advanced Acme Mail',
    });
    await user.clear(advanced);
    await user.type(advanced, '200000');
    await user.click(screen.getByRole('button', { name: 'Increase Archive' }));
    await user.click(screen.getByRole('button', { name: 'Increase Archive' }));

    // Archive's +2 is saved; Essentials keeps the +3 it had, and its row says so.
    await waitFor(
      () =>
        expect(server.lines()).toEqual([
          { productId: 'ess', billingAccountId: 'acme', delta: 3 },
          { productId: 'arc', billingAccountId: 'acme', delta: 2 },
        ]),
      SAVED,
    );
    await screen.findByText('Saved, except the flagged rows', {}, SAVED);
    expect(description(seats)).toContain('Enter a whole number.');
    expect(description(seats)).toContain('Not saved: the draft keeps +3.');
    expect(description(advanced)).toContain('Enter a number between');
    expect(description(advanced)).not.toContain('Not saved');
    // Review stays closed while they are flagged.
    await user.click(screen.getByRole('button', { name: 'Next: Review' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Order Items');
  });

  it('asks before the tab closes while an edit is not saved, and not once it is or the wizard is gone', async () => {
    const { server, user } = renderApp('/change-order/o1');
    await screen.findByRole('spinbutton', {
      name: 'Order(+/-) Email Security Essentials Acme Mail',
    });
    const leaving = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leaving()).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Increase Email Security Essentials' }));
    expect(leaving()).toBe(true);
    await screen.findByText('Draft saved', {}, SAVED);
    expect(leaving()).toBe(false);

    server.failLines(1);
    await user.click(screen.getByRole('button', { name: 'Increase Email Security Essentials' }));
    await screen.findByText('Not saved', {}, SAVED);
    expect(leaving()).toBe(true);

    cleanup();
    expect(leaving()).toBe(false);
  });

  it('saves at once when the page is hidden or left, without waiting for the pause', async () => {
    const { server, user } = renderApp('/change-order/o1');
    await screen.findByRole('spinbutton', {
      name: 'Order(+/-) Email Security Essentials Acme Mail',
    });
    // Well under SAVE_DELAY_MS: only the flush can have sent it.
    const AT_ONCE = { timeout: 150 };

    await user.click(screen.getByRole('button', { name: 'Increase Email Security Essentials' }));
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => expect(server.sent('SetChangeOrderLines')).toHaveLength(1), AT_ONCE);

    await user.click(screen.getByRole('button', { name: 'Increase Archive' }));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
    await waitFor(() => expect(server.sent('SetChangeOrderLines')).toHaveLength(2), AT_ONCE);
    expect(server.sent('SetChangeOrderLines')[1]!.lines).toEqual([
      { productId: 'ess', billingAccountId: 'acme', delta: 1 },
      { productId: 'arc', billingAccountId: 'acme', delta: 1 },
    ]);
  });

  it('saves a failed edit again once the live socket is back or the browser is online', async () => {
    const { server, user } = renderApp('/change-order/o1');
    await screen.findByRole('spinbutton', {
      name: 'Order(+/-) Email Security Essentials Acme Mail',
    });

    server.failLines(1);
    await user.click(screen.getByRole('button', { name: 'Increase Email Security Essentials' }));
    await screen.findByText('Not saved', {}, SAVED);
    announceReconnected(server.client);
    await screen.findByText('Draft saved', {}, SAVED);
    expect(server.lines()).toEqual([{ productId: 'ess', billingAccountId: 'acme', delta: 1 }]);
    expect(screen.queryByRole('alert')).toBeNull();

    server.failLines(1);
    await user.click(screen.getByRole('button', { name: 'Increase Email Security Essentials' }));
    await screen.findByText('Not saved', {}, SAVED);
    window.dispatchEvent(new Event('online'));
    await screen.findByText('Draft saved', {}, SAVED);
    expect(server.lines()).toEqual([{ productId: 'ess', billingAccountId: 'acme', delta: 2 }]);
  });

  it('tints every flagged row as it tints a row below zero', async () => {
    // The shell serves the shared styles; vitest does not load CSS imports, so read the file.
    const shared = document.createElement('style');
    shared.textContent = readFileSync(`${import.meta.dirname}/../../shared/src/styles.css`, 'utf8');
    document.head.append(shared);
    try {
      const { server, user } = renderApp('/change-order/o1');
      const field = (name: string) =>
        screen.getByRole('spinbutton', { name: `Order(+/-) ${name} Acme Mail` });
      await screen.findByRole('spinbutton', {
        name: 'Order(+/-) Email Security Essentials Acme Mail',
      });
      inlineCustomProperties();
      // Awareness Training breaks a rule the server names once saved.
      await user.click(screen.getByRole('button', { name: 'Increase Awareness Training' }));
      await waitFor(() => expect(server.lines()).toHaveLength(1), SAVED);
      await waitFor(() =>
        expect(description(field('Awareness Training'))).toContain('is not enabled'),
      );
      await user.clear(field('Email Security Essentials'));
      await user.type(field('Email Security Essentials'), '-60');
      await user.clear(field('Email Security Advanced'));
      await user.type(field('Email Security Advanced'), '1.5');
      await user.clear(field('Archive'));
      await user.type(field('Archive'), '200000');

      const tint = (name: string) =>
        getComputedStyle(field(name).closest('tr')!.querySelector('td')!).backgroundColor;
      const negative = tint('Email Security Essentials');
      expect(negative).toBe('rgb(253, 236, 234)');
      for (const name of ['Email Security Advanced', 'Archive', 'Awareness Training'])
        expect([name, tint(name)]).toEqual([name, negative]);
      // A row with nothing wrong is not tinted.
      await user.clear(field('Archive'));
      expect(tint('Archive')).not.toBe(negative);
    } finally {
      shared.remove();
    }
  });
});
