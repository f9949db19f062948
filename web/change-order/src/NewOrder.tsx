import type { Client } from '@urql/core';
import { createSignal, Show, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ErrorMessage, mutate, newIdempotencyKey } from '@portal/web-shared';
import type { FieldError } from './errors';
import { CREATE, type WizardCustomer } from './queries';
import { StepHeader, STEPS } from './StepHeader';
import { checkTitle, TitleSite, type TitleSiteValue } from './TitleSite';

/**
 * Step 1 of a new Change Order. "Next" creates the draft (createChangeOrder) and moves to
 * its own address, /change-order/<id>, where the wizard goes on and can be resumed.
 */
export function NewOrder(props: {
  client: Client;
  customer: WizardCustomer;
  navigate: (path: string) => void;
}) {
  // One site is the site; with several the user picks.
  const sites = untrack(() => props.customer.sites);
  const [value, setValue] = createStore<TitleSiteValue>({
    title: '',
    siteId: sites.length === 1 ? sites[0]!.id : null,
    note: '',
  });
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);

  // One idempotency key per distinct request: "Next" again after an answer that never came
  // gets the draft the first attempt made, not a second one; a changed title is a new request.
  let keyed: { request: string; key: string } | undefined;
  const idempotencyKeyFor = (request: object) => {
    const text = JSON.stringify(request);
    if (keyed?.request !== text) keyed = { request: text, key: newIdempotencyKey() };
    return keyed.key;
  };

  let titleInput: HTMLInputElement | undefined;

  async function create() {
    // A title the server would refuse is said at once, where it is typed.
    const titleErrors = checkTitle(value.title);
    if (titleErrors.length > 0) {
      setErrors(titleErrors);
      titleInput?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const request = {
        customerId: props.customer.id,
        title: value.title,
        siteId: value.siteId,
        note: value.note.trim() === '' ? null : value.note,
      };
      const data = await mutate(props.client, CREATE, {
        input: { ...request, idempotencyKey: idempotencyKeyFor(request) },
      });
      const order = data.createChangeOrder.order;
      if (order) props.navigate(`/change-order/${encodeURIComponent(order.id)}`);
      else setErrors(data.createChangeOrder.userErrors);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <StepHeader current={0} reachable={0} onStep={() => undefined} />
      <form
        class="panel step-panel"
        aria-labelledby="step-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <h2 id="step-title">{STEPS[0]}</h2>
        <Show when={failure()}>{(error) => <ErrorMessage error={error()} />}</Show>
        <Show when={errors().some((error) => error.field?.[0] === 'customerId')}>
          <div class="error" role="alert">
            {errors().find((error) => error.field?.[0] === 'customerId')?.message}
          </div>
        </Show>
        <TitleSite
          value={value}
          sites={props.customer.sites}
          errors={errors()}
          onChange={(change) => setValue(change)}
          titleRef={(element) => (titleInput = element)}
        />
        <div class="actions">
          <a class="button secondary" href={`/customers/${encodeURIComponent(props.customer.id)}`}>
            Cancel
          </a>
          <button type="submit" disabled={busy()} aria-busy={busy()}>
            Next: {STEPS[1]}
          </button>
        </div>
      </form>
    </>
  );
}
