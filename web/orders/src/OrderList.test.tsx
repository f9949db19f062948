import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import type { Client } from '@urql/core';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MountProps } from '@portal/web-shared';
import { App, routeOf } from './App';
import { approvedOrder } from './fixtures';
import { listHref, listLocationOf } from './list-location';
import { OrderList } from './OrderList';
import { fakeClient } from './test-client';

afterEach(cleanup);

/**
 * Order Management at an address, as the shell mounts it: its query string is `search`, and
 * `navigate` moves the address (as the shell's router does), which the list then follows.
 */
function renderList(
  client: Client,
  options: { search?: string; viewerKind?: 'RESELLER' | 'VENDOR' } = {},
) {
  const [search, setSearch] = createSignal(options.search ?? '');
  const navigate = vi.fn((to: string) => setSearch(new URL(to, 'http://portal').search));
  const result = render(() => (
    <OrderList
      client={client}
      search={search()}
      navigate={navigate}
      viewerKind={options.viewerKind ?? 'RESELLER'}
    />
  ));
  return { ...result, navigate };
}

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
    const { navigate } = renderList(server.client);

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
    expect(navigate).toHaveBeenLastCalledWith('/orders?after=c1');
    const link = await screen.findByRole('link', { name: 'Order Final Confirm' });
    expect(link.getAttribute('href')).toBe('/orders/order-500001/confirm');
    expect(server.callsOf('OrderManagement').at(-1)?.variables).toMatchObject({ after: 'c1' });
    expect(screen.getByRole('status').textContent).toContain('Orders 21–21 of 2');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Approved');
    expect(navigate).toHaveBeenLastCalledWith('/orders?status=APPROVED');
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
    renderList(server.client);

    expect((await screen.findByRole('alert')).textContent).toContain('Failed to fetch');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: '500003' })).toBeTruthy();
  });

  it('opens at the filter and page its address names: a reload, a shared link, the back button', async () => {
    const server = fakeClient({
      OrderManagement: (variables) =>
        variables.after === 'c2'
          ? page([row(500001, 'APPROVED')], null, 41)
          : page([row(500021, 'APPROVED')], 'c2', 41),
    });
    const user = userEvent.setup();
    const { navigate } = renderList(server.client, {
      search: '?status=APPROVED&after=c1&after=c2',
    });

    await screen.findByRole('link', { name: '500001' });
    expect(server.callsOf('OrderManagement')[0]?.variables).toEqual({
      filter: { status: ['APPROVED'] },
      after: 'c2',
      first: 20,
    });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Status' }).value).toBe(
      'APPROVED',
    );
    expect(screen.getByRole('status').textContent).toContain('Orders 41–41 of 41');

    // Previous page goes back a page, keeping the filter, though this page was opened cold.
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(navigate).toHaveBeenLastCalledWith('/orders?status=APPROVED&after=c1');
    await screen.findByRole('link', { name: '500021' });
    expect(server.callsOf('OrderManagement').at(-1)?.variables).toMatchObject({ after: 'c1' });
    expect(screen.getByRole('status').textContent).toContain('Orders 21–21 of 41');
  });

  it("shows a vendor its orders without the reseller's steps", async () => {
    const server = fakeClient({ OrderManagement: () => page([row(500001, 'APPROVED')], null, 1) });
    renderList(server.client, { viewerKind: 'VENDOR' });
    await screen.findByRole('link', { name: '500001' });
    expect(screen.queryByRole('link', { name: 'Order Final Confirm' })).toBeNull();
    // Drafts are the reseller's own: a vendor has none to filter by.
    expect(screen.queryByRole('option', { name: 'Draft' })).toBeNull();
    expect(screen.getByRole('option', { name: 'Approved' })).toBeTruthy();
  });
});

describe("Order Management's address", () => {
  it('reads and writes the status and the trail of page cursors', () => {
    expect(listLocationOf('')).toEqual({ status: '', cursors: [] });
    expect(listLocationOf('?status=APPROVED&after=c1&after=c2')).toEqual({
      status: 'APPROVED',
      cursors: ['c1', 'c2'],
    });
    expect(listLocationOf('?status=NONSENSE')).toEqual({ status: '', cursors: [] });
    expect(listHref({ status: '', cursors: [] })).toBe('/orders');
    expect(listHref({ status: 'REJECTED', cursors: ['c1'] })).toBe(
      '/orders?status=REJECTED&after=c1',
    );
  });
});

describe('routes', () => {
  it('names the screen of each path', () => {
    expect(routeOf('/orders')).toEqual({ screen: 'list' });
    expect(routeOf('/orders/abc')).toEqual({ screen: 'detail', orderId: 'abc' });
    expect(routeOf('/orders/abc/confirm')).toEqual({ screen: 'confirm', orderId: 'abc' });
    expect(routeOf('/orders/abc/other')).toEqual({ screen: 'unknown' });
  });

  it("gives Order Management the shell's query string, and a vendor the order, not Final Confirm", async () => {
    const server = fakeClient({
      OrderManagement: () => page([], null, 0),
      OrderDetail: () => ({ changeOrder: approvedOrder() }),
    });
    const vendor = { organization: { id: 'vendor-1', name: 'Vertical', kind: 'VENDOR' } };
    const [path, setPath] = createSignal('/orders');
    render(() => (
      <App
        client={server.client}
        session={vendor as MountProps['session']}
        path={path}
        search={() => (path() === '/orders' ? '?status=REJECTED' : '')}
        navigate={() => undefined}
      />
    ));
    expect(await screen.findByText('No rejected orders.')).toBeTruthy();
    expect(server.callsOf('OrderManagement')[0]?.variables).toMatchObject({
      filter: { status: ['REJECTED'] },
    });

    setPath('/orders/order-1/confirm');
    await screen.findByRole('heading', { name: 'Order 500001 · More premium users' });
    expect(screen.queryByRole('button', { name: 'Final Confirm' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Order Final Confirm' })).toBeNull();
  });

  it("shows a vendor's decision without a reload: the page follows its orders' events", async () => {
    let status = 'SUBMITTED';
    const server = fakeClient({ OrderManagement: () => page([row(500001, status)], null, 1) });
    const { unmount } = renderList(server.client);
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
