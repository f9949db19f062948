/**
 * The monthly cost of an order at the reseller's contracted prices (Mimecast's
 * "Review Upgrade"): per product, quantity and cost before and after, and the totals.
 * Pure integer-cent arithmetic.
 */
import { sum, times } from '../../common/money.js';
import { ProductChangeMode } from './change-order.enums.js';

export interface PreviewLine {
  productId: string;
  billingAccountId: string;
  delta: number;
  available: number;
}

export interface PreviewInput {
  lines: readonly PreviewLine[];
  productChange: {
    mode: ProductChangeMode;
    productId: string | null;
    replacesProductId: string | null;
  };
  /** Quantity held today per product, across billing accounts. */
  held: (productId: string) => number;
  /** Quantity held today of one product on one billing account. */
  live: (productId: string, billingAccountId: string) => number;
  /** Products in display order. */
  productOrder: readonly string[];
  prices: ReadonlyMap<string, number>;
}

export interface CostLineFigures {
  productId: string;
  quantityBefore: number;
  quantityAfter: number;
  unitPriceCents: number;
  monthlyBeforeCents: number;
  monthlyAfterCents: number;
}

export interface CostFigures {
  lines: CostLineFigures[];
  currentMonthlyCents: number;
  newMonthlyCents: number;
  deltaMonthlyCents: number;
}

/** Quantities per product before and after the order, REPLACE moving the seats across. */
export function quantitiesAfter(
  input: Omit<PreviewInput, 'prices' | 'productOrder'> & { productIds: readonly string[] },
) {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const productId of input.productIds) before.set(productId, input.held(productId));
  // A line carries the figure the order saw (frozen at submission): it stands in for
  // today's quantity on its billing account.
  for (const line of input.lines) {
    const today = input.live(line.productId, line.billingAccountId);
    before.set(line.productId, (before.get(line.productId) ?? 0) - today + line.available);
  }
  for (const [productId, quantity] of before) after.set(productId, quantity);
  for (const line of input.lines) {
    after.set(line.productId, (after.get(line.productId) ?? 0) + line.delta);
  }
  const { mode, productId, replacesProductId } = input.productChange;
  if (mode === ProductChangeMode.REPLACE && productId && replacesProductId) {
    after.set(productId, (after.get(productId) ?? 0) + (after.get(replacesProductId) ?? 0));
    after.set(replacesProductId, 0);
  }
  return { before, after };
}

export function costPreview(input: PreviewInput): CostFigures {
  const { before, after } = quantitiesAfter({ ...input, productIds: input.productOrder });
  const lines: CostLineFigures[] = [];
  for (const productId of input.productOrder) {
    const unitPriceCents = input.prices.get(productId);
    const quantityBefore = before.get(productId) ?? 0;
    const quantityAfter = after.get(productId) ?? 0;
    if (unitPriceCents === undefined || (quantityBefore === 0 && quantityAfter === 0)) continue;
    lines.push({
      productId,
      quantityBefore,
      quantityAfter,
      unitPriceCents,
      monthlyBeforeCents: times(unitPriceCents, quantityBefore),
      monthlyAfterCents: times(unitPriceCents, quantityAfter),
    });
  }
  const currentMonthlyCents = sum(lines.map((line) => line.monthlyBeforeCents));
  const newMonthlyCents = sum(lines.map((line) => line.monthlyAfterCents));
  return {
    lines,
    currentMonthlyCents,
    newMonthlyCents,
    deltaMonthlyCents: newMonthlyCents - currentMonthlyCents,
  };
}
