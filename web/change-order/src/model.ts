/**
 * From the customer query to what the wizard's parts take: grid rows, the primary
 * products, a readable product change. Pure, like grid-math.ts.
 */
import { productChangeLabel } from '@portal/web-shared';
import { rowKey, type GridRow } from './grid-math';
import type { PrimaryOption, ProductChangeValue } from './PrimaryProduct';
import type { WizardCustomer } from './queries';

/** One grid row per licence line (every product on every billing account, zeros included). */
export function gridRows(licenses: WizardCustomer['licenses']): GridRow[] {
  return licenses.map((line) => ({
    key: rowKey(line.product.id, line.billingAccount.id),
    productId: line.product.id,
    billingAccountId: line.billingAccount.id,
    itemGroup: line.product.itemGroup,
    itemName: line.product.name,
    billingAccount: line.billingAccount.name,
    kind: line.product.kind,
    available: line.available,
    // The server says which lines an order may change (an add-on only where the agreement
    // enables it), so the grid does not offer a line that submitting would refuse.
    disabledReason: line.orderable ? null : 'Not in your agreement with this vendor.',
  }));
}

/** The vendor's primary products, with the seats the customer holds across billing accounts. */
export function primaryOptions(licenses: WizardCustomer['licenses']): PrimaryOption[] {
  const byId = new Map<string, PrimaryOption>();
  for (const line of licenses) {
    if (line.product.kind !== 'PRIMARY') continue;
    const known = byId.get(line.product.id);
    byId.set(line.product.id, {
      id: line.product.id,
      name: line.product.name,
      held: (known?.held ?? 0) + line.available,
      upgradesTo: line.product.upgradesTo,
    });
  }
  return [...byId.values()];
}

/** The product change in words (`productChangeLabel`), or null for Keep Existing. */
export function productChangeText(
  value: ProductChangeValue,
  primaries: readonly PrimaryOption[],
): string | null {
  const name = (id: string | null) => primaries.find((product) => product.id === id)?.name;
  return productChangeLabel(value.mode, name(value.productId), name(value.replacesProductId));
}
