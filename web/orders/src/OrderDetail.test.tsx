import { cleanup, render, screen, within } from '@solidjs/testing-library';
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
});
