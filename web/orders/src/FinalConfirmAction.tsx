import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage, Loading } from '@portal/web-shared';
import { ConfirmDialog } from './ConfirmDialog';
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
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [refusals, setRefusals] = createSignal<readonly UserError[]>([]);
  const [failure, setFailure] = createSignal<unknown>();

  async function confirm() {
    setOpen(false);
    setBusy(true);
    setRefusals([]);
    setFailure(undefined);
    try {
      setRefusals(await props.onConfirm());
    } catch (error) {
      setFailure(() => error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div class="actions">
        <button type="button" disabled={busy()} onClick={() => setOpen(true)}>
          Final Confirm
        </button>
        <Show when={busy()}>
          <Loading label="Confirming…" />
        </Show>
      </div>
      <Show when={refusals().length > 0}>
        <div class="error" role="alert">
          <p>
            <strong>Order {props.orderNumber} was not confirmed; nothing was changed.</strong>
          </p>
          <ul>
            <For each={refusals()}>
              {(refusal) => (
                <li>
                  {refusal.message} <span class="badge">{refusal.code}</span>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={failure() !== undefined}>
        <ErrorMessage error={failure()} />
      </Show>
      <Show when={open()}>
        <ConfirmDialog
          title={`Final Confirm order ${props.orderNumber}?`}
          onConfirm={() => void confirm()}
          onCancel={() => setOpen(false)}
        >
          <p>
            The customer's inventory changes now, the order addendum is created and e-mailed. This
            cannot be undone.
          </p>
        </ConfirmDialog>
      </Show>
    </>
  );
}
