import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { ErrorMessage } from '@portal/web-shared';
import type { Decision, UserError } from './documents';

const COMMENT_REQUIRED = 'Enter a comment to reject the order: the reseller reads it.';

/**
 * Approve or Reject with a comment (required to reject). `onDecide` runs the mutation and
 * resolves with its userErrors (empty on success). Errors about the comment are shown next
 * to the field; any other refusal below the buttons.
 */
export function DecisionForm(props: {
  orderNumber: number;
  onDecide: (decision: Decision, comment: string) => Promise<readonly UserError[]>;
}) {
  const id = createUniqueId();
  const [comment, setComment] = createSignal('');
  const [missingComment, setMissingComment] = createSignal(false);
  const [busy, setBusy] = createSignal<Decision>();
  const [refusals, setRefusals] = createSignal<readonly UserError[]>([]);
  const [failure, setFailure] = createSignal<unknown>();
  let field: HTMLTextAreaElement | undefined;

  const isCommentError = (error: UserError) => error.field?.includes('comment') ?? false;
  const fieldErrors = createMemo(() => [
    ...(missingComment() ? [COMMENT_REQUIRED] : []),
    ...refusals()
      .filter(isCommentError)
      .map((error) => error.message),
  ]);
  const otherRefusals = createMemo(() => refusals().filter((error) => !isCommentError(error)));

  async function decide(decision: Decision) {
    const text = comment().trim();
    setRefusals([]);
    setFailure(undefined);
    setMissingComment(decision === 'reject' && text === '');
    if (missingComment()) {
      field?.focus();
      return;
    }
    setBusy(decision);
    try {
      setRefusals(await props.onDecide(decision, text));
    } catch (error) {
      setFailure(() => error);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <form
      aria-label={`Decision on order ${props.orderNumber}`}
      onSubmit={(event) => event.preventDefault()}
    >
      <div class="field">
        <label for={`${id}-comment`}>Comment</label>
        <textarea
          ref={(element) => (field = element)}
          id={`${id}-comment`}
          rows={3}
          style={{ width: '100%' }}
          value={comment()}
          aria-invalid={fieldErrors().length > 0}
          aria-describedby={fieldErrors().length > 0 ? `${id}-comment-error` : `${id}-comment-hint`}
          onInput={(event) => {
            setComment(event.currentTarget.value);
            if (event.currentTarget.value.trim()) setMissingComment(false);
          }}
        />
        <Show
          when={fieldErrors().length > 0}
          fallback={
            <small id={`${id}-comment-hint`}>
              Becomes the Approval Comment; optional to approve, required to reject.
            </small>
          }
        >
          <p id={`${id}-comment-error`} class="field-error" role="alert">
            {fieldErrors().join(' ')}
          </p>
        </Show>
      </div>
      <div class="actions">
        <button type="button" disabled={!!busy()} onClick={() => void decide('approve')}>
          Approve
        </button>
        <button
          type="button"
          class="danger"
          disabled={!!busy()}
          onClick={() => void decide('reject')}
        >
          Reject
        </button>
        <Show when={busy()}>
          <span role="status">{busy() === 'approve' ? 'Approving…' : 'Rejecting…'}</span>
        </Show>
      </div>
      <Show when={otherRefusals().length > 0}>
        <div class="error" role="alert">
          <p>
            <strong>Order {props.orderNumber} was not decided; nothing was changed.</strong>
          </p>
          <ul>
            <For each={otherRefusals()}>{(refusal) => <li>{refusal.message}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={failure() !== undefined}>
        <ErrorMessage error={failure()} />
      </Show>
    </form>
  );
}
