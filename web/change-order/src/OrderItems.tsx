import { createMemo, For, Show } from 'solid-js';
import { Empty } from '@portal/web-shared';
import type { FieldError } from './errors';
import { MAX_DELTA, type GridRow, type GridSummary } from './grid-math';
import { ItemsGrid } from './ItemsGrid';
import { PrimaryProduct, type PrimaryOption, type ProductChangeValue } from './PrimaryProduct';

/**
 * Step 2, "Order Items": the primary product (where the vendor sells primary products)
 * and the grid of every item the customer can order, with a summary of the change.
 */
export function OrderItems(props: {
  rows: readonly GridRow[];
  deltas: Readonly<Record<string, number>>;
  onDelta: (key: string, delta: number) => void;
  rowErrors: (key: string) => readonly FieldError[];
  summary: GridSummary;
  /** The user asked for Review while some rows cannot be saved: say why it did not open. */
  reviewHeld: boolean;
  primaries: readonly PrimaryOption[];
  productChange: ProductChangeValue;
  onProductChange: (value: ProductChangeValue) => void;
  productErrors: readonly FieldError[];
}) {
  return (
    <>
      <Show when={props.primaries.length > 0}>
        <PrimaryProduct
          primaries={props.primaries}
          value={props.productChange}
          onChange={(value) => props.onProductChange(value)}
          errors={props.productErrors}
        />
      </Show>
      <h3>Change Current Order Items</h3>
      <Show
        when={props.rows.length > 0}
        fallback={<Empty>This customer's vendor offers nothing to order.</Empty>}
      >
        <Show when={props.reviewHeld && props.summary.invalid > 0}>
          <div class="error" role="alert">
            Fix the flagged rows first: Review shows exactly what will be submitted, and these rows
            cannot be saved as they are.
          </div>
        </Show>
        <SummaryLine summary={props.summary} />
        <ItemsGrid
          rows={props.rows}
          deltas={props.deltas}
          onDelta={(key, delta) => props.onDelta(key, delta)}
          rowErrors={(key) => props.rowErrors(key)}
        />
      </Show>
    </>
  );
}

/**
 * "3 items change · 1 below zero in To Be(EA) · 1 not a whole number": each problem by
 * the name its rows give it, so the count leads to the rows.
 */
function SummaryLine(props: { summary: GridSummary }) {
  const problems = createMemo(() =>
    [
      { count: props.summary.negative, text: 'below zero in To Be(EA)' },
      { count: props.summary.notWhole, text: 'not a whole number' },
      { count: props.summary.outOfRange, text: `outside -${MAX_DELTA} to ${MAX_DELTA}` },
    ].filter((problem) => problem.count > 0),
  );
  return (
    <p class="hint" aria-live="polite">
      {props.summary.changed} {props.summary.changed === 1 ? 'item changes' : 'items change'}
      <For each={problems()}>
        {(problem) => (
          <>
            {' · '}
            <strong class="field-error">
              {problem.count} {problem.text}
            </strong>
          </>
        )}
      </For>
    </p>
  );
}
