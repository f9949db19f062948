import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { routeOf } from './App';
import { OrderList } from './OrderList';
import { fakeClient } from './test-client';

afterEach(cleanup);

const row = (number: number, status: string) => ({
  node: {
    id: `order-${number}`,
    number,
    title: `Order ${number}`,
    status,
    submittedAt: status === 'DRAFT' ? null : '2026-11-23T18:37:00.000Z',
    customer: { id: 'customer-1', name: 'Vertical Demo' },
    requestTo: { id: 'vendor-1', name: 'Vertical' },
    orderUser: { id: 'user-1', name: 'Rich Balazsi' },
  },
});

const page = (edges: ReturnType<typeof row>[], endCursor: string | null, totalCount: number) => ({
  changeOrders: {
    totalCount,
    pageInfo: { endCursor, hasNextPage: endCursor !== null },
    edges: edges.map((edge) => ({ cursor: String(edge.node.number), ...edge })),
  },
});

describe('Order Management', () => {
  it('lists orders linking to their detail, filters by status and pages with after', async () => {
    const server = fakeClient({
      OrderManagement: (variables) => {
        if (variables.after === 'c1') return page([row(500001, 'APPROVED')], null, 2);
        if (variables.filter) return page([], null, 0);
        return page([row(500002, 'DRAFT')], 'c1', 2);
      },
    });
    const user = userEvent.setup();
    render(() => <OrderList client={server.client} />);

    const table = await screen.findByRole('table', { name: 'Orders' });
    expect(within(table).getByRole('link', { name: '500002' }).getAttribute('href')).toBe(
      '/orders/order-500002',
    );
    expect(server.callsOf('OrderManagement')[0]?.variables).toEqual({
      filter: null,
      after: null,
      first: 20,
    });

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    const link = await screen.findByRole('link', { name: 'Order Final Confirm' });
    expect(link.getAttribute('href')).toBe('/orders/order-500001/confirm');
    expect(server.callsOf('OrderManagement').at(-1)?.variables).toMatchObject({ after: 'c1' });
    expect(screen.getByRole('status').textContent).toContain('Orders 21–21 of 2');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Approved');
    expect(await screen.findByText('No approved orders.')).toBeTruthy();
    // A new filter starts again at the first page.
    expect(server.callsOf('OrderManagement').at(-1)?.variables).toEqual({
      filter: { status: ['APPROVED'] },
      after: null,
      first: 20,
    });
  });

  it('shows a failed load with Try again', async () => {
    let fail = true;
    const server = fakeClient({
      OrderManagement: () => {
        if (fail) throw new Error('[Network] Failed to fetch');
        return page([row(500003, 'SUBMITTED')], null, 1);
      },
    });
    const user = userEvent.setup();
    render(() => <OrderList client={server.client} />);

    expect((await screen.findByRole('alert')).textContent).toContain('Failed to fetch');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: '500003' })).toBeTruthy();
  });
});

describe('routes', () => {
  it('names the screen of each path', () => {
    expect(routeOf('/orders')).toEqual({ screen: 'list' });
    expect(routeOf('/orders/abc')).toEqual({ screen: 'detail', orderId: 'abc' });
    expect(routeOf('/orders/abc/confirm')).toEqual({ screen: 'confirm', orderId: 'abc' });
    expect(routeOf('/orders/abc/other')).toEqual({ screen: 'unknown' });
  });

  it("shows a vendor's decision without a reload: the page follows its orders' events", async () => {
    let status = 'SUBMITTED';
    const server = fakeClient({ OrderManagement: () => page([row(500001, status)], null, 1) });
    const { unmount } = render(() => <OrderList client={server.client} />);
    const order = await screen.findByRole('row', { name: /500001/ });
    expect(within(order).getByText('Submitted')).toBeTruthy();
    expect(server.openSubscriptions('OrderListEvents')).toBe(1);

    status = 'APPROVED';
    server.push('OrderListEvents', { orderEvents: { id: 'e1', sequence: 7, type: 'APPROVED' } });
    await waitFor(() =>
      expect(
        within(screen.getByRole('row', { name: /500001/ })).getByText('Approved'),
      ).toBeTruthy(),
    );

    unmount();
    expect(server.openSubscriptions('OrderListEvents')).toBe(0);
  });
});
