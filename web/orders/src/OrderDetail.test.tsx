import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { CombinedError, type Client } from '@urql/core';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Order } from './documents';
import { addendum, approvedOrder } from './fixtures';
import { OrderDetail } from './OrderDetail';
import { fakeClient } from './test-client';
import { recordLinkClicks, signedLink } from '@portal/web-shared/test-downloads';

afterEach(cleanup);

/** For views whose test follows no link of theirs. */
const noNavigation = () => undefined;

/** The page of order-1, for a reseller unless told, following no link unless given. */
function renderOrder(
  server: { client: Client },
  options: Partial<Pick<Parameters<typeof OrderDetail>[0], 'viewerKind' | 'navigate'>> = {},
) {
  const { viewerKind = 'RESELLER', navigate = noNavigation } = options;
  return render(() => (
    <OrderDetail
      client={server.client}
      orderId="order-1"
      viewerKind={viewerKind}
      navigate={navigate}
    />
  ));
}

const ISSUED = new Date('2026-11-24T09:00:00.000Z').getTime();

describe('an order', () => {
  it("follows the order live: the vendor's approval brings Order Final Confirm", async () => {
    let order: Order = approvedOrder({ status: 'SUBMITTED', approvalComment: null });
    const server = fakeClient({ OrderDetail: () => ({ changeOrder: order }) });
    const { unmount } = renderOrder(server);

    await screen.findByRole('heading', { name: 'Order 500001 · More premium users' });
    expect(screen.queryByRole('link', { name: 'Order Final Confirm' })).toBeNull();
    expect(server.openSubscriptions('OrderUpdated')).toBe(1);

    order = approvedOrder();
    server.push('OrderUpdated', {
      changeOrderUpdated: { id: 'order-1', version: 4, status: 'APPROVED' },
    });
    const link = await screen.findByRole('link', { name: 'Order Final Confirm' });
    expect(link.getAttribute('href')).toBe('/orders/order-1/confirm');
    const facts = screen.getByText('Approval Comment').parentElement!;
    expect(within(facts).getByText('Fine by us')).toBeTruthy();

    unmount();
    expect(server.openSubscriptions('OrderUpdated')).toBe(0);
  });

  it('reloads the order when the live connection comes back: what changed meanwhile was not sent', async () => {
    let order: Order = approvedOrder({ status: 'SUBMITTED', approvalComment: null });
    const server = fakeClient({ OrderDetail: () => ({ changeOrder: order }) });
    const { unmount } = renderOrder(server);
    await screen.findByRole('heading', { name: 'Order 500001 · More premium users' });
    expect(server.callsOf('OrderDetail')).toHaveLength(1);

    order = approvedOrder(); // approved while the socket was down: no event reached the page
    server.reconnect();
    await screen.findByRole('link', { name: 'Order Final Confirm' });
    expect(server.callsOf('OrderDetail')).toHaveLength(2);

    unmount();
    server.reconnect(); // an unmounted page asks for nothing
    expect(server.callsOf('OrderDetail')).toHaveLength(2);
  });

  it('lets the reseller cancel a submitted order, after asking, and shows it cancelled', async () => {
    let order: Order = approvedOrder({ status: 'SUBMITTED', approvalComment: null });
    const server = fakeClient({
      OrderDetail: () => ({ changeOrder: order }),
      CancelOrder: () => {
        order = { ...order, status: 'CANCELLED', version: order.version + 1 };
        return { cancelChangeOrder: { order, userErrors: [] } };
      },
    });
    const user = userEvent.setup();
    renderOrder(server);

    await user.click(await screen.findByRole('button', { name: 'Cancel order' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel order 500001?' });
    expect(dialog.textContent).toContain('withdrawn from the vendor’s review');
    await user.click(within(dialog).getByRole('button', { name: 'Keep order' }));
    expect(server.callsOf('CancelOrder')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Cancel order' }));
    const confirm = screen.getByRole('dialog', { name: 'Cancel order 500001?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel order' }));
    expect(server.callsOf('CancelOrder')).toEqual([
      { name: 'CancelOrder', variables: { input: { orderId: 'order-1', expectedVersion: 4 } } },
    ]);
    await screen.findByText('Cancelled');
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });

  it('shows why an order was not cancelled', async () => {
    const order = approvedOrder({ status: 'DRAFT', approvalComment: null });
    const server = fakeClient({
      OrderDetail: () => ({ changeOrder: order }),
      CancelOrder: () => ({
        cancelChangeOrder: {
          order: null,
          userErrors: [
            {
              code: 'STALE_VERSION',
              field: ['expectedVersion'],
              message: 'Order 500001 has changed (version 5, you had 4); reload it.',
            },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    renderOrder(server);
    await user.click(await screen.findByRole('button', { name: 'Cancel order' }));
    expect(screen.getByRole('dialog').textContent).toContain('The draft is set aside');
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel order' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Order 500001 was not cancelled.');
    expect(alert.textContent).toContain('has changed (version 5, you had 4)');
  });

  it('offers no cancel where the viewer may not (a vendor), nor once the order is approved', async () => {
    const server = fakeClient({
      OrderDetail: () => ({ changeOrder: approvedOrder({ status: 'SUBMITTED' }) }),
    });
    renderOrder(server, { viewerKind: 'VENDOR' });
    await screen.findByRole('heading', { name: 'Order 500001 · More premium users' });
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
    cleanup();

    const approved = fakeClient({ OrderDetail: () => ({ changeOrder: approvedOrder() }) });
    renderOrder(approved);
    await screen.findByRole('link', { name: 'Order Final Confirm' });
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });

  it("names a rejected order's comment the rejection reason; an approval's stays the Approval Comment", async () => {
    const rejected = fakeClient({
      OrderDetail: () => ({
        changeOrder: approvedOrder({ status: 'REJECTED', approvalComment: 'Over budget' }),
      }),
    });
    renderOrder(rejected);
    const reason = await screen.findByText('Rejection reason');
    expect(reason.nextElementSibling?.textContent).toBe('Over budget');
    expect(screen.queryByText('Approval Comment')).toBeNull();
    cleanup();

    const approved = fakeClient({ OrderDetail: () => ({ changeOrder: approvedOrder() }) });
    renderOrder(approved);
    const comment = await screen.findByText('Approval Comment');
    expect(comment.nextElementSibling?.textContent).toBe('Fine by us');
    expect(screen.queryByText('Rejection reason')).toBeNull();
  });

  it("names a primary product change in the wizard's words: the held product, then the new", async () => {
    const ess = { id: 'p-ess', name: 'Email Security Essentials', itemGroup: 'Email Security' };
    const adv = { id: 'p-adv', name: 'Email Security Advanced', itemGroup: 'Email Security' };
    const server = fakeClient({
      OrderDetail: () => ({
        changeOrder: approvedOrder({
          productChange: { mode: 'REPLACE', product: adv, replaces: ess },
        }),
      }),
    });
    renderOrder(server);
    const label = await screen.findByText('Primary product');
    expect(label.nextElementSibling?.textContent).toBe(`Select New: ${ess.name} → ${adv.name}`);
  });

  it('copies a rejected order into a new draft and opens it in the wizard', async () => {
    const navigate = vi.fn();
    let fail = true;
    const server = fakeClient({
      OrderDetail: () => ({
        changeOrder: approvedOrder({ status: 'REJECTED', approvalComment: 'Over budget' }),
      }),
      CopyOrder: () => {
        // The first answer never comes: the click again must not make a second draft.
        if (fail) {
          fail = false;
          throw new CombinedError({ networkError: new TypeError('Failed to fetch') });
        }
        return { copyChangeOrder: { order: { id: 'order-2' }, userErrors: [] } };
      },
    });
    const user = userEvent.setup();
    renderOrder(server, { navigate });
    const copy = await screen.findByRole('button', { name: 'Copy into a new order' });
    expect(copy.className).not.toContain('secondary'); // the rejected order's main step
    await user.click(copy);
    expect((await screen.findByRole('alert')).textContent).toContain('cannot be reached');
    expect(navigate).not.toHaveBeenCalled();

    await user.click(copy);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/change-order/order-2'));
    const [first, again] = server.callsOf('CopyOrder').map((call) => call.variables);
    const input = first?.input as { orderId: string; idempotencyKey: string };
    expect(input.orderId).toBe('order-1');
    expect(input.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(again).toEqual(first);
  });

  it('says why an order was not copied, and stays on it', async () => {
    const navigate = vi.fn();
    const server = fakeClient({
      OrderDetail: () => ({ changeOrder: approvedOrder({ status: 'CANCELLED' }) }),
      CopyOrder: () => ({
        copyChangeOrder: {
          order: null,
          userErrors: [
            { code: 'FORBIDDEN', field: null, message: 'This API key may not write orders.' },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    renderOrder(server, { navigate });
    await user.click(await screen.findByRole('button', { name: 'Copy into a new order' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The order was not copied.');
    expect(alert.textContent).toContain('This API key may not write orders.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it.each([
    ['RESELLER', 'DRAFT', false],
    ['RESELLER', 'SUBMITTED', false],
    ['RESELLER', 'APPROVED', false],
    ['RESELLER', 'CONFIRMED', true],
    ['RESELLER', 'CANCELLED', true],
    ['VENDOR', 'REJECTED', false],
  ] as const)(
    'a %s viewer of a %s order is offered a copy: %s',
    async (viewerKind, status, offered) => {
      const server = fakeClient({
        OrderDetail: () => ({ changeOrder: approvedOrder({ status }) }),
      });
      renderOrder(server, { viewerKind });
      await screen.findByRole('heading', { name: /Order 500001/ });
      const copy = screen.queryByRole('button', { name: 'Copy into a new order' });
      expect(copy !== null).toBe(offered);
      if (copy) expect(copy.className).toContain('secondary');
    },
  );

  it("shows a vendor none of the reseller's steps, and sends it to decide a submitted order", async () => {
    const approved = fakeClient({ OrderDetail: () => ({ changeOrder: approvedOrder() }) });
    renderOrder(approved, { viewerKind: 'VENDOR' });
    await screen.findByRole('heading', { name: 'Order 500001 · More premium users' });
    expect(screen.queryByRole('link', { name: 'Order Final Confirm' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Approve or Reject' })).toBeNull();
    cleanup();

    const submitted = fakeClient({
      OrderDetail: () => ({ changeOrder: approvedOrder({ status: 'SUBMITTED' }) }),
    });
    renderOrder(submitted, { viewerKind: 'VENDOR' });
    const decide = await screen.findByRole('link', { name: 'Approve or Reject' });
    expect(decide.getAttribute('href')).toBe('/vendor/orders/order-1');
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });

  it("folds a draft's autosaves into one row per person, keeping the other events", async () => {
    // Local times, so that the page (which shows the viewer's time zone) reads 10:30… 10:42.
    const at = (minute: number) => new Date(2026, 10, 23, 10, minute).toISOString();
    const rich = { id: 'user-1', name: 'Rich Balazsi' };
    const ann = { id: 'user-2', name: 'Ann Agent' };
    const event = (n: number, type: string, actor = rich) => ({
      id: `e-${n}`,
      type,
      fromStatus: type === 'CREATED' ? null : 'DRAFT',
      toStatus: type === 'SUBMITTED' ? 'SUBMITTED' : 'DRAFT',
      comment: null,
      at: at(30 + n),
      actor,
    });
    const history = [
      event(0, 'CREATED'),
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => event(n, 'UPDATED')),
      event(13, 'UPDATED', ann),
      event(14, 'SUBMITTED'),
    ] as Order['history'];
    const server = fakeClient({
      OrderDetail: () => ({ changeOrder: approvedOrder({ status: 'SUBMITTED', history }) }),
    });
    renderOrder(server);

    const table = await screen.findByRole('table', { name: 'History' });
    const rows = within(table).getAllByRole<HTMLTableRowElement>('row').slice(1);
    expect(rows.map((row) => [row.cells[1]?.textContent, row.cells[3]?.textContent])).toEqual([
      ['Created', 'Rich Balazsi'],
      ['Updated · 12 edits, last at 10:42', 'Rich Balazsi'],
      ['Updated', 'Ann Agent'],
      ['Submitted', 'Rich Balazsi'],
    ]);
    expect(rows[1]?.cells[0]?.textContent).toBe('2026-11-23 10:31');
  });

  it('downloads a document through a fresh link once the page has been open past its expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: ISSUED });
    try {
      const document = { ...addendum, downloadUrl: signedLink(ISSUED, 'old') };
      const server = fakeClient({
        OrderDetail: () => ({
          changeOrder: approvedOrder({ status: 'CONFIRMED', documents: [document] }),
        }),
        FreshDownloadLink: () => ({
          node: { __typename: 'Attachment', downloadUrl: signedLink(Date.now(), 'new') },
        }),
      });
      renderOrder(server);
      const link = await screen.findByRole('link', { name: addendum.fileName });

      vi.advanceTimersByTime(16 * 60 * 1000); // the page was left open
      const clicks = recordLinkClicks();
      fireEvent.click(link);
      await waitFor(() =>
        expect(clicks.followed()).toEqual([signedLink(ISSUED + 16 * 60 * 1000, 'new')]),
      );
      clicks.stop();
      expect(server.callsOf('FreshDownloadLink')[0]?.variables).toEqual({ id: addendum.id });
    } finally {
      vi.useRealTimers();
    }
  });
});
