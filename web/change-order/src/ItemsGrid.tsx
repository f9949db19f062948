import { createEffect, createMemo, createUniqueId, For, Show } from 'solid-js';
import { ItemHeadCells, describedBy, FieldErrors } from '@portal/web-shared';
import type { FieldError } from './errors';
import { deltaProblem, parseDelta, stepDelta, toBe, type GridRow } from './grid-math';

export interface ItemsGridProps {
  rows: readonly GridRow[];
  /** Order(+/-) by row key; a missing key is 0. */
  deltas: Readonly<Record<string, number>>;
  onDelta: (key: string, delta: number) => void;
  /** The server's errors about a row (setChangeOrderLines, ruleViolations, submit). */
  rowErrors?: (key: string) => readonly FieldError[];
}

/**
 * The editable licence grid (iPECS "Change Current Order Items"): Item Group · Item Name ·
 * Billing Account · Available · Order(+/-) · To Be(EA). Order(+/-) takes −/+ presses, the
 * arrow keys or typing; To Be(EA) follows at once; a row whose To Be would fall below zero
 * is flagged on the row. Tab stops once per row, at the field: the −/+ buttons are for the
 * pointer, and the keyboard steps the field with its arrow keys (as the WAI-ARIA spin
 * button pattern's own buttons do), so a long grid is not three Tab presses a row.
 */
export function ItemsGrid(props: ItemsGridProps) {
  // Button names carry the billing account only where an item appears on several.
  const severalAccounts = createMemo(
    () => new Set(props.rows.map((row) => row.billingAccountId)).size > 1,
  );
  return (
    <div class="table-wrap">
      <table class="items-grid stack-narrow">
        <caption class="visually-hidden">Order Items</caption>
        <thead>
          <tr>
            <ItemHeadCells />
            <th scope="col">Order(+/-)</th>
            <th scope="col" class="num">
              To Be(EA)
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <ItemRow
                row={row}
                delta={props.deltas[row.key] ?? 0}
                onDelta={(delta) => props.onDelta(row.key, delta)}
                errors={props.rowErrors?.(row.key) ?? []}
                nameWithAccount={severalAccounts()}
              />
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function ItemRow(props: {
  row: GridRow;
  delta: number;
  onDelta: (delta: number) => void;
  errors: readonly FieldError[];
  nameWithAccount: boolean;
}) {
  let input!: HTMLInputElement;
  const after = createMemo(() => toBe(props.row.available, props.delta));
  const problem = createMemo(() => deltaProblem(props.delta));
  const messages = createMemo<FieldError[]>(() => [
    ...(problem() ? [{ code: 'VALIDATION', message: problem()! }] : []),
    ...(after() < 0
      ? [
          {
            code: 'NEGATIVE_TO_BE',
            message: `To Be(EA) would be ${after()}: the customer has ${props.row.available}.`,
          },
        ]
      : []),
    // The local check above says the same as the server's NEGATIVE_TO_BE, sooner.
    ...props.errors.filter((error) => error.code !== 'NEGATIVE_TO_BE'),
  ]);
  const locked = createMemo(() => !!props.row.disabledReason && props.delta === 0);
  const buttonName = createMemo(() =>
    props.nameWithAccount
      ? `${props.row.itemName} ${props.row.billingAccount}`
      : props.row.itemName,
  );
  const errorId = `row-error-${createUniqueId()}`;

  // The field shows what the user typed ("-" while typing a negative number); it is
  // rewritten only when the delta changes otherwise (−/+, a resumed draft).
  createEffect(() => {
    const delta = props.delta;
    const shown = parseDelta(input.value);
    if (input.value === '' ? document.activeElement !== input : !Object.is(shown, delta))
      input.value = Number.isNaN(delta) ? '' : String(delta);
  });

  return (
    <tr
      classList={{
        negative: after() < 0,
        invalid: messages().length > 0,
        // A delta that cannot be sent at all (the wizard takes the user to the first one).
        unusable: problem() !== null,
      }}
    >
      <td data-label="Item Group">{props.row.itemGroup}</td>
      <th scope="row" data-label="Item Name">
        {props.row.itemName}
        <Show when={props.row.kind === 'ADD_ON'}>
          {' '}
          <span class="badge">Add-on</span>
        </Show>
        <Show when={props.row.disabledReason}>
          {(reason) => <div class="hint">{reason()}</div>}
        </Show>
      </th>
      <td data-label="Billing Account">{props.row.billingAccount}</td>
      <td class="num" data-label="Available">
        {props.row.available}
      </td>
      <td class="order-cell" data-label="Order(+/-)">
        <div class="stepper">
          <button
            type="button"
            class="secondary"
            aria-label={`Decrease ${buttonName()}`}
            tabindex={-1}
            disabled={locked()}
            onClick={() => props.onDelta(stepDelta(props.delta, -1))}
          >
            −
          </button>
          <input
            ref={(element) => (input = element)}
            type="number"
            inputmode="numeric"
            step="1"
            aria-label={`Order(+/-) ${props.row.itemName} ${props.row.billingAccount}`}
            aria-invalid={messages().length > 0 ? 'true' : undefined}
            aria-describedby={describedBy(errorId, messages())}
            disabled={locked()}
            onInput={(event) => props.onDelta(parseDelta(event.currentTarget.value))}
            onBlur={(event) => {
              if (event.currentTarget.value.trim() === '' && !Number.isNaN(props.delta))
                event.currentTarget.value = String(props.delta);
            }}
          />
          <button
            type="button"
            class="secondary"
            aria-label={`Increase ${buttonName()}`}
            tabindex={-1}
            disabled={locked()}
            onClick={() => props.onDelta(stepDelta(props.delta, 1))}
          >
            +
          </button>
        </div>
        <FieldErrors id={errorId} errors={messages()} />
      </td>
      <td class="num to-be" data-label="To Be(EA)">
        {after()}
      </td>
    </tr>
  );
}
