import { cleanup, render, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ItemsTable, orderLineRows, type ItemsTableRow } from './items-table';

const row = (overrides: Partial<ItemsTableRow>): ItemsTableRow => ({
  key: 'premium|main',
  itemGroup: 'User License',
  itemName: 'Premium IPECS ONE USER',
  billingAccount: 'Main',
  available: 11,
  delta: 2,
  toBe: 13,
  ...overrides,
});

const texts = (element: HTMLElement) =>
  [...element.querySelectorAll('th, td')].map((cell) => cell.textContent);

afterEach(cleanup);

describe('ItemsTable', () => {
  it("shows the seed portal's six columns, named by its caption, with signed deltas", () => {
    render(() => (
      <ItemsTable
        caption="Items of order 500001"
        rows={[row({}), row({ key: 'vm|main', itemName: 'Stand Alone VM', delta: -1, toBe: 3 })]}
      />
    ));
    const table = screen.getByRole('table', { name: 'Items of order 500001' });
    const [header, first, second] = within(table).getAllByRole('row');
    expect(texts(header!)).toEqual([
      'Item Group',
      'Item Name',
      'Billing Account',
      'Available',
      'Order(+/-)',
      'To Be(EA)',
    ]);
    expect(texts(first!)).toEqual([
      'User License',
      'Premium IPECS ONE USER',
      'Main',
      '11',
      '+2',
      '13',
    ]);
    expect(texts(second!)).toEqual(['User License', 'Stand Alone VM', 'Main', '11', '-1', '3']);
    expect(within(first!).getByRole('rowheader').textContent).toBe('Premium IPECS ONE USER');
  });

  it('flags a row whose To Be(EA) falls below zero', () => {
    render(() => (
      <ItemsTable
        caption="Items"
        rows={[row({}), row({ key: 'vm|main', itemName: 'Stand Alone VM', delta: -5, toBe: -1 })]}
      />
    ));
    const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(name) });
    expect(rowOf('Stand Alone VM').classList.contains('negative')).toBe(true);
    expect(rowOf('Premium IPECS').classList.contains('negative')).toBe(false);
  });

  it('says what is empty instead of an empty table, or shows nothing', () => {
    const { unmount } = render(() => (
      <ItemsTable caption="Licences" rows={[]} empty="No licences yet." />
    ));
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No licences yet.')).toBeTruthy();
    unmount();

    const { container } = render(() => <ItemsTable caption="Changed items" rows={[]} />);
    expect(container.textContent).toBe('');
  });

  it("makes rows of an order's lines, keyed by product and billing account", () => {
    expect(
      orderLineRows([
        {
          product: { id: 'p1', name: 'Archive', itemGroup: 'Add-on' },
          billingAccount: { id: 'b1', name: 'Acme Mail' },
          available: 0,
          delta: 50,
          toBe: 50,
        },
      ]),
    ).toEqual([
      {
        key: 'p1|b1',
        itemGroup: 'Add-on',
        itemName: 'Archive',
        billingAccount: 'Acme Mail',
        available: 0,
        delta: 50,
        toBe: 50,
      },
    ]);
  });
});
