import { rowKey, type GridRow } from './grid-math';

/** The billing account of every test row. */
export const TEST_ACCOUNT_ID = 'ba-1';

/** A grid row of a Vertical Demo product (an ITEM unless `extra` says otherwise), for tests. */
export const gridRow = (
  name: string,
  available: number,
  extra: Partial<GridRow> = {},
): GridRow => ({
  key: rowKey(name, TEST_ACCOUNT_ID),
  productId: name,
  billingAccountId: TEST_ACCOUNT_ID,
  itemGroup: 'User License',
  itemName: name,
  billingAccount: 'Vertical Demo',
  kind: 'ITEM',
  available,
  disabledReason: null,
  ...extra,
});
