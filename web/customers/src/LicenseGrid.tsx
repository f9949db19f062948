import { ItemsTable } from '@portal/web-shared';

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
  const rows = () =>
    props.licenses.map((line) => ({
      key: `${line.product.id}|${line.billingAccount.id}`,
      itemGroup: line.product.itemGroup,
      itemName: line.product.name,
      billingAccount: line.billingAccount.name,
      available: line.available,
      delta: 0,
      toBe: line.available,
    }));
  return <ItemsTable rows={rows()} caption="Licences" empty="No licences yet." />;
}
