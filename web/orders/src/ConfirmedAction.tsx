import { createSignal, Show, type JSX } from 'solid-js';
import { ConfirmDialog } from './ConfirmDialog';
import type { UserError } from './documents';
import { StepButton } from './StepButton';

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
  /** The step, held while the dialog asks. */
  const [asking, setAsking] = createSignal<() => void>();

  return (
    <>
      <StepButton
        label={props.label}
        busyLabel={props.busyLabel}
        refusedTitle={props.refusedTitle}
        secondary={props.secondary}
        advice={props.advice}
        run={() => props.onConfirm()}
        onClick={(run) => setAsking(() => run)}
      />
      <Show when={asking()}>
        {(run) => (
          <ConfirmDialog
            title={props.dialogTitle}
            confirmLabel={props.confirmLabel}
            cancelLabel={props.cancelLabel}
            onConfirm={() => {
              const step = run(); // read before the dialog closes: then there is none
              setAsking(undefined);
              step();
            }}
            onCancel={() => setAsking(undefined)}
          >
            {props.children}
          </ConfirmDialog>
        )}
      </Show>
    </>
  );
}
