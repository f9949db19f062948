import { createSignal, For, Show, type JSX } from 'solid-js';
import { ErrorMessage, Loading } from '@portal/web-shared';
import type { UserError } from './documents';

/**
 * A button for one step of an order (Final Confirm, cancel, copy) and what came of it:
 * busy while `run` is under way, then its refusals under `refusedTitle`, or the failure of
 * the request. `run` resolves with the mutation's userErrors (empty on success: the caller
 * then shows what is now). A click runs the step at once, unless `onClick` takes it (to
 * ask first; it then calls `run` itself).
 */
export function StepButton(props: {
  label: string;
  busyLabel: string;
  refusedTitle: string;
  /** The button's look: the page's main step, or a lesser one beside it. */
  secondary?: boolean;
  /** What the user can do about these refusals, shown under them (if anything). */
  advice?: (refusals: readonly UserError[]) => JSX.Element;
  run: () => Promise<readonly UserError[]>;
  onClick?: (run: () => void) => void;
}) {
  const [busy, setBusy] = createSignal(false);
  const [refusals, setRefusals] = createSignal<readonly UserError[]>([]);
  const [failure, setFailure] = createSignal<unknown>();

  async function run() {
    setBusy(true);
    setRefusals([]);
    setFailure(undefined);
    try {
      setRefusals(await props.run());
    } catch (error) {
      setFailure(() => error);
    } finally {
      setBusy(false);
    }
  }
  const start = () => void run();

  return (
    <>
      <div class="actions">
        <button
          type="button"
          class={props.secondary ? 'secondary' : undefined}
          disabled={busy()}
          onClick={() => (props.onClick ? props.onClick(start) : start())}
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
    </>
  );
}
