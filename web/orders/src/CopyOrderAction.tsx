import type { Client } from '@urql/core';
import { createSignal, For, Show } from 'solid-js';
import { ErrorMessage, Loading, mutate, newIdempotencyKey } from '@portal/web-shared';
import { COPY_ORDER, type UserError } from './documents';

/**
 * "Copy into a new order": a new DRAFT with this order's title, site, note, lead, items and
 * product change, opened in the Change Order wizard to be amended and submitted. How a
 * rejected order is sent again (REJECTED is final). No confirmation: the draft can be
 * cancelled. One idempotency key per order shown, so a click again after an answer that
 * never came opens the draft the first click made rather than a second one.
 */
export function CopyOrderAction(props: {
  client: Client;
  orderId: string;
  navigate: (path: string) => void;
  /** The button's look: the page's main step (a rejected order), or a lesser one. */
  secondary?: boolean;
}) {
  const [busy, setBusy] = createSignal(false);
  const [refusals, setRefusals] = createSignal<readonly UserError[]>([]);
  const [failure, setFailure] = createSignal<unknown>();
  const idempotencyKey = newIdempotencyKey();

  async function copy() {
    setBusy(true);
    setRefusals([]);
    setFailure(undefined);
    try {
      const data = await mutate(props.client, COPY_ORDER, {
        input: { orderId: props.orderId, idempotencyKey },
      });
      const draft = data.copyChangeOrder.order;
      if (draft) props.navigate(`/change-order/${encodeURIComponent(draft.id)}`);
      else setRefusals(data.copyChangeOrder.userErrors);
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
          onClick={() => void copy()}
        >
          Copy into a new order
        </button>
        <Show when={busy()}>
          <Loading label="Copying…" />
        </Show>
      </div>
      <Show when={refusals().length > 0}>
        <div class="error" role="alert">
          <strong>The order was not copied.</strong>
          <ul>
            <For each={refusals()}>{(refusal) => <li>{refusal.message}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={failure()}>{(error) => <ErrorMessage error={error()} />}</Show>
    </>
  );
}
