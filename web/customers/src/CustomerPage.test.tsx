import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerPage } from './CustomerPage';
import { fakeClient } from '@portal/web-shared/fetch-test-client';
import { recordLinkClicks, signedLink } from '@portal/web-shared/test-downloads';

afterEach(cleanup);

const ACCOUNT = { id: 'ba', name: 'Vertical Demo' };
const line = (name: string, available: number, itemGroup = 'User License') => ({
  available,
  billingAccount: ACCOUNT,
  product: { id: name, name, itemGroup, kind: 'ITEM' },
});
const CUSTOMER = {
  id: 'c1',
  name: 'Vertical Demo',
  customerType: 'Normal',
  servicePlan: 'Standard Plan',
  vendor: { id: 'v', name: 'Vertical' },
  reseller: { id: 'r', name: 'RS-Vertical' },
  implementationLead: null,
  contacts: [] as { id: string; name: string; email: string }[],
  sites: [{ id: 's', name: 'Vertical Demo HQ', address: '1 Main Street' }],
  licenses: [
    line('Premium PLUS IPECS ONE USER', 12),
    line('Skype for Business 2010 RCCV', 0, 'Soft Client'),
  ],
  attachments: [
    {
      id: 'a1',
      kind: 'ADDENDUM',
      fileName: 'Vertical Demo_Addendum [500001].pdf',
      byteSize: 2048,
      createdAt: '2026-11-23T18:37:00.000Z',
      downloadUrl: '/files/a1?sig=abc',
    },
  ],
};
const order = (id: string, number: number, status: string) => ({
  node: {
    id,
    number,
    title: `Order ${number}`,
    status,
    createdAt: '2026-11-23T18:37:00.000Z',
    submittedAt: status === 'DRAFT' ? null : '2026-11-23T18:40:00.000Z',
    orderUser: { id: 'u', name: 'Rich Balazsi' },
  },
});

const ORDERS = {
  customer: {
    id: 'c1',
    changeOrders: {
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [order('o2', 500002, 'DRAFT'), order('o1', 500001, 'CONFIRMED')],
    },
  },
};

/** The page, its server answering the customer, its orders, and `other` operations. */
function renderPage(
  customer: unknown = CUSTOMER,
  canOrder = true,
  other: (operation: string) => unknown = (operation) => {
    throw new Error(`No answer for ${operation}`);
  },
) {
  const { client, calls } = fakeClient((operation) =>
    operation === 'Customer'
      ? { customer }
      : operation === 'CustomerOrders'
        ? ORDERS
        : other(operation),
  );
  const navigate = vi.fn<(path: string) => void>();
  render(() => (
    <CustomerPage client={client} customerId="c1" canOrder={canOrder} navigate={navigate} />
  ));
  return { navigate, calls, user: userEvent.setup() };
}

describe('a customer page', () => {
  it('shows the licence grid with the seed portal columns', async () => {
    renderPage();
    const grid = await screen.findByRole('table', { name: 'Licences' });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Item Group',
      'Item Name',
      'Billing Account',
      'Available',
      'Order(+/-)',
      'To Be(EA)',
    ]);
    const row = within(grid).getByRole('row', { name: /Premium PLUS IPECS ONE USER/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['User License', 'Vertical Demo', '12', '0', '12']);
  });

  it('offers the attachments for download', async () => {
    renderPage();
    const link = await screen.findByRole('link', { name: 'Vertical Demo_Addendum [500001].pdf' });
    expect(link.getAttribute('href')).toBe('/files/a1?sig=abc');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('downloads an attachment through a fresh link once the page has been open past its expiry', async () => {
    const issued = new Date('2026-11-24T09:00:00.000Z').getTime();
    vi.useFakeTimers({ toFake: ['Date'], now: issued });
    const clicks = recordLinkClicks();
    try {
      const attachment = { ...CUSTOMER.attachments[0]!, downloadUrl: signedLink(issued, 'old') };
      const { calls } = renderPage({ ...CUSTOMER, attachments: [attachment] }, true, () => ({
        node: { __typename: 'Attachment', downloadUrl: signedLink(Date.now(), 'new') },
      }));
      const link = await screen.findByRole('link', { name: attachment.fileName });

      vi.advanceTimersByTime(16 * 60 * 1000); // the page was left open
      fireEvent.click(link);
      await waitFor(() =>
        expect(clicks.followed()).toEqual([signedLink(issued + 16 * 60 * 1000, 'new')]),
      );
      expect(calls.find((call) => call.operationName === 'FreshDownloadLink')?.variables).toEqual({
        id: 'a1',
      });
    } finally {
      clicks.stop();
      vi.useRealTimers();
    }
  });

  it("lists the customer's orders, a draft opening in the wizard", async () => {
    renderPage();
    const draft = await screen.findByRole('link', { name: 'Resume draft 500002' });
    expect(draft.getAttribute('href')).toBe('/change-order/o2');
    expect(screen.getByRole('link', { name: 'Order 500001' }).getAttribute('href')).toBe(
      '/orders/o1',
    );
  });

  it('opens the Change Order wizard for this customer', async () => {
    const { navigate, user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Change Order' }));
    expect(navigate).toHaveBeenCalledWith('/customers/c1/change-order');
  });

  it('has no Change Order button for a vendor', async () => {
    renderPage(CUSTOMER, false);
    await screen.findByRole('heading', { name: 'Vertical Demo' });
    expect(screen.queryByRole('button', { name: 'Change Order' })).toBeNull();
  });

  it("lists the customer's contacts, marking the implementation lead", async () => {
    const dana = { id: 'k1', name: 'Dana Lead', email: 'lead@vertical.example' };
    const sam = { id: 'k2', name: 'Sam Other', email: 'sam@vertical.example' };
    renderPage({ ...CUSTOMER, implementationLead: dana, contacts: [dana, sam] });
    const table = await screen.findByRole('table', { name: 'Contacts' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((cell) => cell.textContent),
        ),
    ).toEqual([
      ['Dana Lead Implementation lead', 'lead@vertical.example'],
      ['Sam Other', 'sam@vertical.example'],
    ]);
  });

  it('adds a contact, its errors next to their fields, and lists it at once', async () => {
    const answers = [
      {
        contact: null,
        userErrors: [
          {
            code: 'VALIDATION',
            field: ['email'],
            message: 'Sam Newlead already has this e-mail address.',
          },
        ],
      },
      {
        contact: { id: 'k9', name: 'Sam Dup', email: 'sam.dup@vertical.example' },
        userErrors: [],
      },
    ];
    const { calls, user } = renderPage(CUSTOMER, true, (operation) => {
      if (operation !== 'AddContact') throw new Error(`No answer for ${operation}`);
      return { addContact: answers.shift() };
    });
    await screen.findByText('No contacts yet.');
    const form = screen.getByRole('form', { name: 'Add contact' });
    const name = within(form).getByLabelText('Name');
    const email = within(form).getByLabelText('E-mail');
    await user.type(name, 'Sam Dup');
    await user.type(email, ' sam@acme-mail.example ');
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));

    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const described = document.getElementById(email.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Sam Newlead already has this e-mail address.');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(calls.find((call) => call.operationName === 'AddContact')?.variables).toEqual({
      input: { customerId: 'c1', name: 'Sam Dup', email: 'sam@acme-mail.example' },
    });
    expect(screen.queryByRole('table', { name: 'Contacts' })).toBeNull();

    await user.clear(email);
    await user.type(email, 'sam.dup@vertical.example');
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));
    const table = await screen.findByRole('table', { name: 'Contacts' });
    expect(within(table).getByRole('row', { name: /Sam Dup/ }).textContent).toContain(
      'sam.dup@vertical.example',
    );
    expect(email.getAttribute('aria-invalid')).toBeNull();
    expect((name as HTMLInputElement).value).toBe('');
    expect(within(form).getByRole('status').textContent).toBe('Sam Dup is now a contact.');
  });

  it('lists contacts to a vendor without a form to add one', async () => {
    const dana = { id: 'k1', name: 'Dana Lead', email: 'lead@vertical.example' };
    renderPage({ ...CUSTOMER, contacts: [dana] }, false);
    await screen.findByRole('table', { name: 'Contacts' });
    expect(screen.queryByRole('form', { name: 'Add contact' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add contact' })).toBeNull();
  });

  it('says so when the customer is not there', async () => {
    renderPage(null);
    await screen.findByRole('heading', { name: 'Customer not found' });
  });
});
