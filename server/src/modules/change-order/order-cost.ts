import { inventoryKey, type CustomerFacts } from '../catalog/customer-facts.js';
import type { ChangeOrder, ChangeOrderLine } from './change-order.entity.js';
import { costPreview, type CostFigures } from './cost-preview.js';

/**
 * An order's monthly cost figures. While it is a draft, "before" is today's inventory; once
 * submitted it is what the customer held then (heldAtSubmission and the lines' frozen
 * counts), so the figures an order was decided on stay the same after Final Confirm.
 */
export function orderCostFigures(
  order: ChangeOrder,
  lines: readonly ChangeOrderLine[],
  available: (line: ChangeOrderLine) => number,
  facts: CustomerFacts,
): CostFigures {
  const onLine = new Map(
    lines.map((line) => [inventoryKey(line.product.id, line.billingAccount.id), line]),
  );
  const frozen = order.heldAtSubmission;
  return costPreview({
    lines: lines.map((line) => ({
      productId: line.product.id,
      billingAccountId: line.billingAccount.id,
      delta: line.delta,
      available: available(line),
    })),
    productChange: {
      mode: order.productChangeMode,
      productId: order.productChangeProduct?.id ?? null,
      replacesProductId: order.productChangeReplaces?.id ?? null,
    },
    held: (productId) => (frozen ? (frozen[productId] ?? 0) : facts.heldQuantity(productId)),
    live: (productId, billingAccountId) => {
      if (!frozen) return facts.inventory.get(inventoryKey(productId, billingAccountId)) ?? 0;
      const line = onLine.get(inventoryKey(productId, billingAccountId));
      return line ? available(line) : 0;
    },
    productOrder: facts.catalogue.map((product) => product.id),
    prices: facts.prices,
  });
}
