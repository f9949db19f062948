import { cleanup, render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FinalConfirm } from './FinalConfirm';
import { addendum, approvedOrder, inventoryAfter } from './fixtures';
import { fakeClient } from './test-client';

afterEach(cleanup);

/** A row's texts, its row header (the item's name) included. */
const cells = (row: HTMLElement) =>
  [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);

describe('Order Final Confirm', () => {
  it('reviews the items, confirms, then shows the new inventory and the addendum', async () => {
    const server = fakeClient({
      OrderDetail: () => ({ changeOrder: approvedOrder() }),
      FinalConfirm: () => ({
        finalConfirmChangeOrder: {
          order: {
            id: 'order-1',
            status: 'CONFIRMED',
            confirmedAt: '2026-11-24T09:00:00.000Z',
            documents: [addendum],
          },
          userErrors: [],
        },
      }),
      CustomerInventory: () => ({
        customer: { id: 'customer-1', name: 'Vertical Demo', licenses: inventoryAfter },
      }),
    });
    const user = userEvent.setup();
    render(() => <FinalConfirm client={server.client} orderId="order-1" />);

    const items = await screen.findByRole('table', { name: 'Items of order 500001' });
    expect(
      within(items)
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
    expect(cells(within(items).getAllByRole('row')[1]!)).toEqual([
      'User License',
      'Premium PLUS IPECS ONE USER',
      'Vertical Demo',
      '12',
      '+3',
      '15',
    ]);
    expect(server.callsOf('FinalConfirm')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Final Confirm' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Confirm' }));

    const inventory = await screen.findByRole('table', { name: 'New inventory' });
    const [confirm] = server.callsOf('FinalConfirm');
    const input = confirm?.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ orderId: 'order-1', expectedVersion: 4 });
    expect(input.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(server.callsOf('CustomerInventory')[0]?.variables).toEqual({ id: 'customer-1' });
    expect(cells(within(inventory).getAllByRole('row')[1]!)).toEqual([
      'User License',
      'Premium PLUS IPECS ONE USER',
      'Vertical Demo',
      '15',
      '+3',
    ]);
    expect(within(inventory).getAllByRole('row')).toHaveLength(1 + inventoryAfter.length);
    expect(screen.getByRole('status').textContent).toContain('Order 500001 is confirmed');

    const link = screen.getByRole('link', { name: addendum.fileName });
    expect(link.getAttribute('href')).toBe(addendum.downloadUrl);
    expect(link.hasAttribute('download')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Final Confirm' })).toBeNull();
  });

  it('shows INVENTORY_CHANGED and changes nothing on screen', async () => {
    const server = fakeClient({
      OrderDetail: () => ({ changeOrder: approvedOrder() }),
      FinalConfirm: () => ({
        finalConfirmChangeOrder: {
          order: null,
          userErrors: [
            {
              code: 'INVENTORY_CHANGED',
              field: ['lines', '1', 'delta'],
              message: 'The inventory changed since submission: Stand Alone VM would be -1.',
            },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    render(() => <FinalConfirm client={server.client} orderId="order-1" />);

    await user.click(await screen.findByRole('button', { name: 'Final Confirm' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Stand Alone VM would be -1');
    expect(screen.queryByRole('table', { name: 'New inventory' })).toBeNull();
    expect(server.callsOf('CustomerInventory')).toHaveLength(0);
  });

  it('offers no Final Confirm for an order that is not approved', async () => {
    const server = fakeClient({
      OrderDetail: () => ({ changeOrder: approvedOrder({ status: 'SUBMITTED' }) }),
    });
    render(() => <FinalConfirm client={server.client} orderId="order-1" />);
    expect(await screen.findByText(/only approved orders can be Final Confirmed/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Final Confirm' })).toBeNull();
  });

  it('shows a confirmed order with its documents and the inventory', async () => {
    const server = fakeClient({
      OrderDetail: () => ({
        changeOrder: approvedOrder({
          status: 'CONFIRMED',
          confirmedAt: '2026-11-24T09:00:00.000Z',
          documents: [addendum],
        }),
      }),
      CustomerInventory: () => ({
        customer: { id: 'customer-1', name: 'Vertical Demo', licenses: inventoryAfter },
      }),
    });
    render(() => <FinalConfirm client={server.client} orderId="order-1" />);
    await screen.findByRole('table', { name: 'New inventory' });
    expect(screen.getByRole('link', { name: addendum.fileName })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Final Confirm' })).toBeNull();
  });

  it("shows where a Select New moved the seats, not only the replaced product's delta", async () => {
    const ess = { id: 'p-ess', name: 'Email Security Essentials', itemGroup: 'Email Security' };
    const adv = { id: 'p-adv', name: 'Email Security Advanced', itemGroup: 'Email Security' };
    const acme = { id: 'ba-acme', name: 'Acme Mail' };
    const server = fakeClient({
      OrderDetail: () => ({
        changeOrder: approvedOrder({
          status: 'CONFIRMED',
          confirmedAt: '2026-11-24T09:00:00.000Z',
          productChange: { mode: 'REPLACE', product: adv, replaces: ess },
          lines: [{ available: 50, delta: 5, toBe: 55, product: ess, billingAccount: acme }],
        }),
      }),
      CustomerInventory: () => ({
        customer: {
          id: 'customer-1',
          name: 'Acme Mail',
          licenses: [
            { available: 0, product: ess, billingAccount: acme },
            { available: 55, product: adv, billingAccount: acme },
          ],
        },
      }),
    });
    render(() => <FinalConfirm client={server.client} orderId="order-1" />);
    const inventory = await screen.findByRole('table', { name: 'New inventory' });
    expect(within(inventory).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['Email Security', ess.name, 'Acme Mail', '0', `+5, moved to ${adv.name}`],
      ['Email Security', adv.name, 'Acme Mail', '55', `moved from ${ess.name}`],
    ]);
  });

  it('says so when the order is not there', async () => {
    const server = fakeClient({ OrderDetail: () => ({ changeOrder: null }) });
    render(() => <FinalConfirm client={server.client} orderId="nope" />);
    expect(await screen.findByText('This order does not exist or is not yours.')).toBeTruthy();
  });
});
