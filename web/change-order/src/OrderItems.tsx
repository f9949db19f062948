import { Show } from 'solid-js';
import { Empty } from '@portal/web-shared';
import type { FieldError } from './errors';
import type { GridRow } from './grid-math';
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
  summary: { changed: number; negative: number; invalid: number };
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
        <p class="hint" aria-live="polite">
          {props.summary.changed} {props.summary.changed === 1 ? 'item changes' : 'items change'}
          <Show when={props.summary.negative > 0}>
            {' · '}
            <strong class="field-error">{props.summary.negative} below zero in To Be(EA)</strong>
          </Show>
          <Show when={props.summary.invalid > 0}>
            {' · '}
            <strong class="field-error">{props.summary.invalid} not a whole number</strong>
          </Show>
        </p>
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
