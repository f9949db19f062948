/**
 * Where a userError belongs on screen. The server gives each one a field path
 * (['lines', '2', 'delta'], ['msaAccepted'], ['productChange', 'productId']); these helpers
 * turn paths into the grid row or form field that shows the message.
 */
import { rowKey } from './grid-math';

export interface FieldError {
  code: string;
  field?: readonly string[] | null;
  message: string;
}

/** The errors whose path is exactly `path`. */
export function errorsAt(errors: readonly FieldError[], ...path: string[]): FieldError[] {
  return errors.filter(
    (error) =>
      (error.field ?? []).length === path.length &&
      path.every((part, index) => error.field?.[index] === part),
  );
}

/** The errors whose path starts with `prefix` (e.g. every ['productChange', …]). */
export function errorsUnder(errors: readonly FieldError[], ...prefix: string[]): FieldError[] {
  return errors.filter((error) => prefix.every((part, index) => error.field?.[index] === part));
}

/** The errors none of the given paths (or their sub-paths) claims: shown in a summary. */
export function unplacedErrors(
  errors: readonly FieldError[],
  placed: readonly (readonly string[])[],
): FieldError[] {
  return errors.filter(
    (error) =>
      !placed.some((prefix) => prefix.every((part, index) => error.field?.[index] === part)),
  );
}

/** Puts a payload's errors under a path: setProductChange says ['productId'], the order says ['productChange', 'productId']. */
export function prefixed(errors: readonly FieldError[], ...prefix: string[]): FieldError[] {
  return errors.map((error) => ({
    ...error,
    field: error.field ? [...prefix, ...error.field] : [...prefix],
  }));
}

/**
 * Errors about lines, by grid row. `['lines', i, …]` counts in `lines`: the input sent
 * (setChangeOrderLines) or the order's saved lines (ruleViolations, submit), whichever
 * the errors came with.
 */
export function errorsByRow(
  errors: readonly FieldError[],
  lines: readonly { productId: string; billingAccountId: string }[],
): Map<string, FieldError[]> {
  const byRow = new Map<string, FieldError[]>();
  for (const error of errors) {
    if (error.field?.[0] !== 'lines' || error.field.length < 2) continue;
    const line = lines[Number(error.field[1])];
    if (!line) continue;
    const key = rowKey(line.productId, line.billingAccountId);
    byRow.set(key, [...(byRow.get(key) ?? []), error]);
  }
  return byRow;
}

/** Whether any error is of one of these codes. */
export function hasCode(errors: readonly FieldError[], ...codes: string[]): boolean {
  return errors.some((error) => codes.includes(error.code));
}
