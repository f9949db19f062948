import { ConfirmedAction } from './ConfirmedAction';
import type { UserError } from './documents';

/**
 * The Final Confirm button, its confirmation dialog, and what came of it: `onConfirm` runs
 * the mutation and resolves with its userErrors (empty on success; the caller then shows
 * the confirmed order). A refusal such as INVENTORY_CHANGED is shown with its message.
 */
export function FinalConfirmAction(props: {
  orderNumber: number;
  onConfirm: () => Promise<readonly UserError[]>;
}) {
  return (
    <ConfirmedAction
      label="Final Confirm"
      busyLabel="Confirming…"
      dialogTitle={`Final Confirm order ${props.orderNumber}?`}
      refusedTitle={`Order ${props.orderNumber} was not confirmed; nothing was changed.`}
      onConfirm={props.onConfirm}
    >
      <p>
        The customer's inventory changes now, the order addendum is created and e-mailed. This
        cannot be undone.
      </p>
    </ConfirmedAction>
  );
}
