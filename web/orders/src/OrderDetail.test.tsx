import { cleanup, render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from './documents';
import { approvedOrder } from './fixtures';
import { OrderDetail } from './OrderDetail';
import { fakeClient } from './test-client';

afterEach(cleanup);

describe('an order', () => {
  it("follows the order live: the vendor's approval brings Order Final Confirm", async () => {
    let order: Order = approvedOrder({ status: 'SUBMITTED', approvalComment: null });
    const server = fakeClient({ OrderDetail: () => ({ changeOrder: order }) });
    const { unmount } = render(() => <OrderDetail client={server.client} orderId="order-1" />);

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
    const { unmount } = render(() => <OrderDetail client={server.client} orderId="order-1" />);
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
    render(() => <OrderDetail client={server.client} orderId="order-1" canCancel />);

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
    render(() => <OrderDetail client={server.client} orderId="order-1" canCancel />);
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
    render(() => <OrderDetail client={server.client} orderId="order-1" />);
    await screen.findByRole('heading', { name: 'Order 500001 · More premium users' });
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
    cleanup();

    const approved = fakeClient({ OrderDetail: () => ({ changeOrder: approvedOrder() }) });
    render(() => <OrderDetail client={approved.client} orderId="order-1" canCancel />);
    await screen.findByRole('link', { name: 'Order Final Confirm' });
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });
});
