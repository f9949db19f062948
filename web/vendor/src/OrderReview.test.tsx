import { cleanup, render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from './documents';
import { submittedOrder } from './fixtures';
import { OrderReview } from './OrderReview';
import { fakeClient } from './test-client';

afterEach(cleanup);

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('the order to decide', () => {
  it('shows items, cost and history, approves, then shows the decided order', async () => {
    let order: Order = submittedOrder();
    const server = fakeClient({
      VendorOrder: () => ({ changeOrder: order }),
      ApproveOrder: () => {
        order = submittedOrder({ status: 'APPROVED', approvalComment: 'Fine by us', version: 4 });
        return {
          approveChangeOrder: { order: { id: 'order-1', status: 'APPROVED' }, userErrors: [] },
        };
      },
    });
    const user = userEvent.setup();
    render(() => <OrderReview client={server.client} orderId="order-1" />);

    const cost = await screen.findByRole('table', { name: 'Cost' });
    const [, line, total] = within(cost).getAllByRole('row');
    expect(cells(line!)).toEqual([
      'Premium PLUS IPECS ONE USER',
      '100.00 USD',
      '12',
      '15',
      '1,200.00 USD',
      '1,500.00 USD',
    ]);
    expect(within(total!).getByRole('rowheader').textContent).toBe(
      'Total monthly (change +300.00 USD)',
    );
    expect(cells(total!)).toEqual(['1,200.00 USD', '1,500.00 USD']);
    const history = screen.getByRole('table', { name: 'History' });
    expect(within(history).getByText('Draft → Submitted')).toBeTruthy();
    expect(within(history).getByText('Rich Balazsi')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Items of order 500001' })).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Fine by us');
    await user.click(screen.getByRole('button', { name: 'Approve' }));

    expect((await screen.findByText('Order 500001 is approved.')).getAttribute('role')).toBe(
      'status',
    );
    expect(server.callsOf('ApproveOrder')[0]?.variables).toEqual({
      input: { orderId: 'order-1', expectedVersion: 3, comment: 'Fine by us' },
    });
    // Decided: the form is gone and the Approval Comment shows.
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getAllByText('Fine by us').length).toBeGreaterThan(0);
  });

  it('follows the order live: a reseller cancelling it removes the form', async () => {
    let order: Order = submittedOrder();
    const server = fakeClient({ VendorOrder: () => ({ changeOrder: order }) });
    render(() => <OrderReview client={server.client} orderId="order-1" />);
    await screen.findByRole('button', { name: 'Reject' });

    order = submittedOrder({ status: 'CANCELLED', version: 4 });
    server.push('VendorOrderUpdated', {
      changeOrderUpdated: { id: 'order-1', version: 4, status: 'CANCELLED' },
    });
    await screen.findByText('Cancelled');
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
  });

  it("names a primary product change in the wizard's words, and no change at all", async () => {
    const ess = { id: 'p-ess', name: 'Email Security Essentials' };
    const adv = { id: 'p-adv', name: 'Email Security Advanced' };
    const order = submittedOrder({
      productChange: { mode: 'REPLACE', product: adv, replaces: ess },
    });
    const server = fakeClient({ VendorOrder: () => ({ changeOrder: order }) });
    render(() => <OrderReview client={server.client} orderId="order-1" />);
    const label = await screen.findByText('Primary product');
    expect(label.nextElementSibling?.textContent).toBe(`Select New: ${ess.name} → ${adv.name}`);

    cleanup();
    const keep = fakeClient({ VendorOrder: () => ({ changeOrder: submittedOrder() }) });
    render(() => <OrderReview client={keep.client} orderId="order-1" />);
    await screen.findByRole('button', { name: 'Reject' });
    expect(screen.queryByText('Primary product')).toBeNull();
  });

  it('rejects, then shows the comment as the rejection reason', async () => {
    let order: Order = submittedOrder();
    const server = fakeClient({
      VendorOrder: () => ({ changeOrder: order }),
      RejectOrder: () => {
        order = submittedOrder({ status: 'REJECTED', approvalComment: 'Over budget', version: 4 });
        return {
          rejectChangeOrder: { order: { id: 'order-1', status: 'REJECTED' }, userErrors: [] },
        };
      },
    });
    const user = userEvent.setup();
    render(() => <OrderReview client={server.client} orderId="order-1" />);
    expect((await screen.findByText('Approval Comment')).nextElementSibling?.textContent).toBe('—');

    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Over budget');
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    await screen.findByText('Order 500001 is rejected.');
    const reason = await screen.findByText('Rejection reason');
    expect(reason.nextElementSibling?.textContent).toBe('Over budget');
    expect(screen.queryByText('Approval Comment')).toBeNull();
  });
});
