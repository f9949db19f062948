import { Show } from 'solid-js';
import { ConfirmedAction } from './ConfirmedAction';
import type { UserError } from './documents';

/**
 * The Final Confirm button, its confirmation dialog, and what came of it: `onConfirm` runs
 * the mutation and resolves with its userErrors (empty on success; the caller then shows
 * the confirmed order). A refusal such as INVENTORY_CHANGED is shown with its message.
 */
export function FinalConfirmAction(props: {
  orderNumber: number;
  /** The order's customer: where to go when the inventory has moved under the order. */
  customerId: string;
  onConfirm: () => Promise<readonly UserError[]>;
}) {
  return (
    <ConfirmedAction
      label="Final Confirm"
      busyLabel="Confirming…"
      dialogTitle={`Final Confirm order ${props.orderNumber}?`}
      refusedTitle={`Order ${props.orderNumber} was not confirmed; nothing was changed.`}
      onConfirm={props.onConfirm}
      advice={(refusals) => (
        <Show when={refusals.some((refusal) => refusal.code === 'INVENTORY_CHANGED')}>
          <p>
            The inventory changed after the vendor approved this order, so it cannot be confirmed as
            it stands.{' '}
            <a href={`/customers/${encodeURIComponent(props.customerId)}`}>
              See what the customer has now
            </a>{' '}
            and make a new change order for the difference.
          </p>
        </Show>
      )}
    >
      <p>
        The customer's inventory changes now, the order addendum is created and e-mailed. This
        cannot be undone.
      </p>
    </ConfirmedAction>
  );
}
