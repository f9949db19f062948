/**
 * The arithmetic of the Order Items grid, kept pure so it is tested on its own:
 * To Be(EA) = Available + Order(+/-), what a typed Order(+/-) means, and which lines an
 * order sends. The server checks the same rules; these give the answer as the user types.
 */

/** The server refuses a delta beyond ±MAX_DELTA (VALIDATION). */
export const MAX_DELTA = 100_000;

/** One row of the grid: one product on one billing account. */
export interface GridRow {
  key: string;
  productId: string;
  billingAccountId: string;
  itemGroup: string;
  itemName: string;
  billingAccount: string;
  kind: string;
  available: number;
  /**
   * Why the row cannot be ordered (an add-on no agreement covers), or null. Such a row is
   * still sent while it holds a delta, so the server's rules name it and it can be undone.
   */
  disabledReason: string | null;
}

/** The key of a (product, billing account) pair: a grid row, an order line. */
export function rowKey(productId: string, billingAccountId: string): string {
  return `${productId}|${billingAccountId}`;
}

/**
 * What a typed Order(+/-) means: a number, 0 while the field is empty or holds only a
 * sign (the user is still typing), NaN for anything else.
 */
export function parseDelta(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-' || trimmed === '+') return 0;
  return /^[+-]?\d+(\.\d*)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What is wrong with a delta that cannot be ordered: not a whole number, or beyond ±MAX_DELTA. */
export type DeltaFault = 'notWhole' | 'outOfRange';

/** What is wrong with a delta, or null when it can be ordered. */
export function deltaFault(delta: number): DeltaFault | null {
  if (!Number.isInteger(delta)) return 'notWhole';
  if (Math.abs(delta) > MAX_DELTA) return 'outOfRange';
  return null;
}

const FAULT_MESSAGES: Record<DeltaFault, string> = {
  notWhole: 'Enter a whole number.',
  outOfRange: `Enter a number between -${MAX_DELTA} and ${MAX_DELTA}.`,
};

/** Why a delta cannot be ordered, as the row says it, or null when it can. */
export function deltaProblem(delta: number): string | null {
  const fault = deltaFault(delta);
  return fault ? FAULT_MESSAGES[fault] : null;
}

/** To Be(EA): what the customer will have; an unusable delta counts as no change. */
export function toBe(available: number, delta: number): number {
  return available + (deltaProblem(delta) === null ? delta : 0);
}

/** The delta after a −/+ press, kept within the allowed range. */
export function stepDelta(delta: number, by: 1 | -1): number {
  const base = deltaProblem(delta) === null ? delta : 0;
  return Math.max(-MAX_DELTA, Math.min(MAX_DELTA, base + by));
}

/**
 * The order's lines as setChangeOrderLines takes them: the rows with a non-zero delta, in grid
 * order. A row whose delta cannot be ordered (1.5, beyond ±MAX_DELTA) sends what the server
 * holds for it (`saved`, by row key; none: no line), so that saving the other rows neither
 * takes it out of the draft nor changes it: the row stays as last saved, and flagged, until
 * the user fixes it.
 */
export function orderLines(
  rows: readonly GridRow[],
  deltas: Readonly<Record<string, number>>,
  saved: Readonly<Record<string, number>> = {},
): { productId: string; billingAccountId: string; delta: number }[] {
  return rows
    .map((row) => {
      const delta = deltas[row.key] ?? 0;
      return { row, delta: deltaProblem(delta) === null ? delta : (saved[row.key] ?? 0) };
    })
    .filter(({ delta }) => delta !== 0)
    .map(({ row, delta }) => ({
      productId: row.productId,
      billingAccountId: row.billingAccountId,
      delta,
    }));
}

/** What the grid's summary counts: each row under one problem at most (`invalid` totals two). */
export interface GridSummary {
  /** Rows with a usable, non-zero delta. */
  changed: number;
  /** Rows whose To Be(EA) would fall below zero. */
  negative: number;
  /** Rows whose delta is not a whole number. */
  notWhole: number;
  /** Rows whose delta is beyond ±MAX_DELTA. */
  outOfRange: number;
  /** Rows whose delta cannot be sent at all (notWhole + outOfRange): the lines are not saved. */
  invalid: number;
}

/** How many rows change, fall below zero, or hold a delta that cannot be ordered (and why). */
export function gridSummary(
  rows: readonly GridRow[],
  deltas: Readonly<Record<string, number>>,
): GridSummary {
  const summary = { changed: 0, negative: 0, notWhole: 0, outOfRange: 0, invalid: 0 };
  for (const row of rows) {
    const delta = deltas[row.key] ?? 0;
    const fault = deltaFault(delta);
    if (fault) {
      summary[fault] += 1;
      summary.invalid += 1;
    } else if (delta !== 0) summary.changed += 1;
    // An unusable delta counts as no change, so such a row is never also below zero.
    if (toBe(row.available, delta) < 0) summary.negative += 1;
  }
  return summary;
}

/** The deltas of a saved order's lines, by row key: how a resumed draft fills the grid. */
export function deltasOf(
  lines: readonly { product: { id: string }; billingAccount: { id: string }; delta: number }[],
): Record<string, number> {
  return Object.fromEntries(
    lines.map((line) => [rowKey(line.product.id, line.billingAccount.id), line.delta]),
  );
}
