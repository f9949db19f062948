import { cleanup, render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { routeOf } from './App';
import { queuePage, queueRow } from './fixtures';
import { Queue } from './Queue';
import { fakeClient } from './test-client';

afterEach(cleanup);

describe('the approval dashboard', () => {
  it('lists submitted orders and refetches on each order event, without reload', async () => {
    let rows = [queueRow(500001)];
    const server = fakeClient({ ApprovalQueue: () => queuePage(rows) });
    const { unmount } = render(() => <Queue client={server.client} />);

    const table = await screen.findByRole('table', { name: 'Submitted orders' });
    expect(within(table).getByRole('link', { name: '500001' }).getAttribute('href')).toBe(
      '/vendor/orders/order-500001',
    );
    expect(screen.getByRole('status').textContent).toBe('1 order to decide');
    expect(server.openSubscriptions('ApprovalQueueEvents')).toBe(1);

    rows = [queueRow(500002), queueRow(500001)];
    server.push('ApprovalQueueEvents', {
      orderEvents: { id: 'e-9', sequence: 9, type: 'SUBMITTED' },
    });
    expect(await screen.findByRole('link', { name: '500002' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('2 orders to decide');
    expect(server.callsOf('ApprovalQueue')).toHaveLength(2);

    rows = [];
    server.push('ApprovalQueueEvents', {
      orderEvents: { id: 'e-10', sequence: 10, type: 'APPROVED' },
    });
    expect(await screen.findByText(/No submitted orders are waiting/)).toBeTruthy();

    unmount();
    expect(server.openSubscriptions('ApprovalQueueEvents')).toBe(0);
  });

  it('pages with after', async () => {
    const server = fakeClient({
      ApprovalQueue: (variables) =>
        variables.after === 'c1'
          ? queuePage([queueRow(500001)])
          : queuePage([queueRow(500002)], 'c1'),
    });
    const user = userEvent.setup();
    render(() => <Queue client={server.client} />);
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: '500001' })).toBeTruthy();
    expect(server.callsOf('ApprovalQueue').at(-1)?.variables).toEqual({ after: 'c1', first: 20 });
  });
});

describe('routes', () => {
  it('names the screen of each path', () => {
    expect(routeOf('/vendor')).toEqual({ screen: 'queue' });
    expect(routeOf('/vendor/orders/abc')).toEqual({ screen: 'order', orderId: 'abc' });
    expect(routeOf('/vendor/other')).toEqual({ screen: 'unknown' });
  });
});
