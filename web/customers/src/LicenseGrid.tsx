import { For, Show } from 'solid-js';
import { Empty } from '@portal/web-shared';

/** One row of the licence grid, as the customer query returns it. */
export interface LicenseRow {
  available: number;
  billingAccount: { id: string; name: string };
  product: { id: string; name: string; itemGroup: string; kind: string };
}

/**
 * The customer's licences in the seed portal's grid (Item Group · Item Name · Billing
 * Account · Available · Order(+/-) · To Be(EA)). Read-only here: nothing is ordered yet,
 * so Order(+/-) is 0 and To Be(EA) equals Available; the wizard has the editable grid.
 */
export function LicenseGrid(props: { licenses: readonly LicenseRow[] }) {
  return (
    <Show when={props.licenses.length > 0} fallback={<Empty>No licences yet.</Empty>}>
      <div class="table-wrap">
        <table class="stack-narrow">
          <caption class="visually-hidden">Licences</caption>
          <thead>
            <tr>
              <th scope="col">Item Group</th>
              <th scope="col">Item Name</th>
              <th scope="col">Billing Account</th>
              <th scope="col" class="num">
                Available
              </th>
              <th scope="col" class="num">
                Order(+/-)
              </th>
              <th scope="col" class="num">
                To Be(EA)
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.licenses}>
              {(line) => (
                <tr>
                  <td data-label="Item Group">{line.product.itemGroup}</td>
                  <th scope="row" data-label="Item Name">
                    {line.product.name}
                  </th>
                  <td data-label="Billing Account">{line.billingAccount.name}</td>
                  <td class="num" data-label="Available">
                    {line.available}
                  </td>
                  <td class="num" data-label="Order(+/-)">
                    0
                  </td>
                  <td class="num" data-label="To Be(EA)">
                    {line.available}
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
