import { createSignal, For, Show, type JSX } from 'solid-js';
import { ErrorMessage, Loading } from '@portal/web-shared';
import { ConfirmDialog } from './ConfirmDialog';
import type { UserError } from './documents';

/**
 * A button for a step that cannot be undone (Final Confirm, cancelling an order), its
 * confirmation dialog, and what came of it: `onConfirm` runs the mutation and resolves with
 * its userErrors (empty on success; the caller then shows the order as it is now). A
 * refusal is shown with its message under `refusedTitle`.
 */
export function ConfirmedAction(props: {
  label: string;
  busyLabel: string;
  dialogTitle: string;
  /** What the step does, in the dialog. */
  children: JSX.Element;
  confirmLabel?: string;
  cancelLabel?: string;
  refusedTitle: string;
  /** The button's look: the page's main step, or a lesser one beside it. */
  secondary?: boolean;
  /** What the user can do about these refusals, shown under them (if anything). */
  advice?: (refusals: readonly UserError[]) => JSX.Element;
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
        <button
          type="button"
          class={props.secondary ? 'secondary' : undefined}
          disabled={busy()}
          onClick={() => setOpen(true)}
        >
          {props.label}
        </button>
        <Show when={busy()}>
          <Loading label={props.busyLabel} />
        </Show>
      </div>
      <Show when={refusals().length > 0}>
        <div class="error" role="alert">
          <p>
            <strong>{props.refusedTitle}</strong>
          </p>
          <ul>
            <For each={refusals()}>{(refusal) => <li>{refusal.message}</li>}</For>
          </ul>
          {props.advice?.(refusals())}
        </div>
      </Show>
      <Show when={failure() !== undefined}>
        <ErrorMessage error={failure()} />
      </Show>
      <Show when={open()}>
        <ConfirmDialog
          title={props.dialogTitle}
          confirmLabel={props.confirmLabel}
          cancelLabel={props.cancelLabel}
          onConfirm={() => void confirm()}
          onCancel={() => setOpen(false)}
        >
          {props.children}
        </ConfirmDialog>
      </Show>
    </>
  );
}
