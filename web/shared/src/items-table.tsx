import { For, Show } from 'solid-js';
import { Empty } from './ui.js';

/** One row of a read-only items table. */
export interface ItemsTableRow {
  /** Unique within the table (product and billing account). */
  key: string;
  itemGroup: string;
  itemName: string;
  billingAccount: string;
  available: number;
  /** Order(+/-). */
  delta: number;
  /** To Be(EA); a negative one flags its row. */
  toBe: number;
}

/** "+3", "-2", "0". */
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** An order's line as the order queries select it. */
export interface OrderLineLike {
  product: { id: string; name: string; itemGroup: string };
  billingAccount: { id: string; name: string };
  available: number;
  delta: number;
  toBe: number;
}

/** An order's lines as rows of the items table. */
export function orderLineRows(lines: readonly OrderLineLike[]): ItemsTableRow[] {
  return lines.map((line) => ({
    key: `${line.product.id}|${line.billingAccount.id}`,
    itemGroup: line.product.itemGroup,
    itemName: line.product.name,
    billingAccount: line.billingAccount.name,
    available: line.available,
    delta: line.delta,
    toBe: line.toBe,
  }));
}

/**
 * The column headers every items table starts with (ItemsTable, the wizard's editable grid,
 * the new inventory), so that they read the same everywhere.
 */
export function ItemHeadCells() {
  return (
    <>
      <th scope="col">Item Group</th>
      <th scope="col">Item Name</th>
      <th scope="col">Billing Account</th>
      <th scope="col" class="num">
        Available
      </th>
    </>
  );
}

/**
 * The seed portal's items table, read-only: Item Group · Item Name · Billing Account ·
 * Available · Order(+/-) · To Be(EA). The customer's licences, an order's items and the
 * wizard's review all show it; the wizard's editable grid is its own component. Named by
 * its caption; on narrow screens each row stacks with its labels (`stack-narrow`).
 */
export function ItemsTable(props: {
  rows: readonly ItemsTableRow[];
  caption: string;
  /** Shown instead of an empty table; without it, an empty table shows nothing. */
  empty?: string;
}) {
  return (
    <Show
      when={props.rows.length > 0}
      fallback={<Show when={props.empty}>{(text) => <Empty>{text()}</Empty>}</Show>}
    >
      <div class="table-wrap">
        <table class="stack-narrow">
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <ItemHeadCells />
              <th scope="col" class="num">
                Order(+/-)
              </th>
              <th scope="col" class="num">
                To Be(EA)
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr classList={{ negative: row.toBe < 0 }}>
                  <td data-label="Item Group">{row.itemGroup}</td>
                  <th scope="row" data-label="Item Name">
                    {row.itemName}
                  </th>
                  <td data-label="Billing Account">{row.billingAccount}</td>
                  <td class="num" data-label="Available">
                    {row.available}
                  </td>
                  <td class="num" data-label="Order(+/-)">
                    {signed(row.delta)}
                  </td>
                  <td class="num" data-label="To Be(EA)">
                    {row.toBe}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
