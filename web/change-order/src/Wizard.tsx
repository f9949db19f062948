import type { Client } from '@urql/core';
import { createEffect, createMemo, createSignal, Match, on, Show, Switch, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  ADD_CONTACT,
  ErrorMessage,
  mutate,
  newIdempotencyKey,
  signed,
  statusLabel,
} from '@portal/web-shared';
import { createAutosave } from './autosave';
import { errorsByRow, errorsUnder, prefixed, type FieldError } from './errors';
import { deltaProblem, deltasOf, gridSummary, orderLines, rowKey, toBe } from './grid-math';
import { keepEdits } from './keep-edits';
import type { ContactOption } from './LeadPicker';
import { gridRows, primaryOptions, productChangeText } from './model';
import { OrderItems } from './OrderItems';
import type { ProductChangeValue } from './PrimaryProduct';
import {
  SET_LINES,
  SET_PRODUCT_CHANGE,
  SUBMIT,
  UPDATE,
  type WizardCustomer,
  type WizardOrder,
} from './queries';
import { Review } from './Review';
import { StepHeader, STEPS } from './StepHeader';
import { checkTitle, TitleSite, type TitleSiteValue } from './TitleSite';

/** How long edits pause before the draft is saved. */
export const SAVE_DELAY_MS = 400;

type Payload = { order: WizardOrder | null; userErrors: readonly FieldError[] };

/**
 * The Change Order wizard on a saved draft: Order Title & Customer Site → Order Items →
 * Review. Edits are UI state (stores and signals) saved as the user goes, each save
 * passing the version the last one returned; the server's answer (version, rule
 * violations, cost preview) is kept as the latest `order`.
 */
export function Wizard(props: {
  client: Client;
  order: WizardOrder;
  customer: WizardCustomer;
  /** The order is submitted (as the server now has it): the wizard's work is done. */
  onSubmitted: (order: WizardOrder) => void;
  /** Loads the order afresh (after someone else changed it). */
  onReload: () => void;
}) {
  const initial = untrack(() => props.order);
  const [order, setOrder] = createSignal<WizardOrder>(initial);
  const [step, setStep] = createSignal(1);

  // What the user edits.
  const [header, setHeader] = createStore<TitleSiteValue>({
    title: initial.title,
    siteId: initial.site?.id ?? null,
    note: initial.note ?? '',
  });
  const [deltas, setDeltas] = createStore<Record<string, number>>(deltasOf(initial.lines));
  const [productChange, setProductChange] = createStore<ProductChangeValue>({
    mode: initial.productChange.mode,
    productId: initial.productChange.product?.id ?? null,
    replacesProductId: initial.productChange.replaces?.id ?? null,
  });
  const [leadId, setLeadId] = createSignal(initial.implementationLead?.id ?? null);
  const [addedContacts, setAddedContacts] = createSignal<ContactOption[]>([]);
  const [msaAccepted, setMsaAccepted] = createSignal(false);
  const [authorized, setAuthorized] = createSignal(false);

  // What the server said about the last save of each part.
  const [headerErrors, setHeaderErrors] = createSignal<readonly FieldError[]>([]);
  const [lineErrors, setLineErrors] = createSignal<{
    errors: readonly FieldError[];
    sent: readonly { productId: string; billingAccountId: string }[];
  }>({ errors: [], sent: [] });
  const [productErrors, setProductErrors] = createSignal<readonly FieldError[]>([]);
  const [leadErrors, setLeadErrors] = createSignal<readonly FieldError[]>([]);
  const [submitErrors, setSubmitErrors] = createSignal<readonly FieldError[]>([]);
  const [conflict, setConflict] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [submitting, setSubmitting] = createSignal(false);
  // Set when "Next" (or a step) was refused, so the reason shows until it is fixed.
  const [titleChecked, setTitleChecked] = createSignal(false);
  const [reviewHeld, setReviewHeld] = createSignal(false);

  const rows = createMemo(() => gridRows(props.customer.licenses));
  const primaries = createMemo(() => primaryOptions(props.customer.licenses));
  const contacts = createMemo(() => [
    ...props.customer.contacts,
    ...addedContacts().filter((added) => !props.customer.contacts.some((c) => c.id === added.id)),
  ]);
  const summary = createMemo(() => gridSummary(rows(), deltas));

  // The header's errors: the server's answer to its last save and, once the user tried to
  // leave the step, the title as the server would judge it (the same message only once).
  const headerFieldErrors = createMemo(() => {
    const checked = titleChecked() ? checkTitle(header.title) : [];
    const fromServer = headerErrors().filter(
      (error) => !checked.some((mine) => mine.message === error.message),
    );
    return [...checked, ...fromServer];
  });

  /** Applies a mutation's answer: the new draft, or its errors (a stale version is a conflict). */
  function take(payload: Payload, show: (errors: readonly FieldError[]) => void) {
    setFailure(null);
    const stale = payload.userErrors.find((error) => error.code === 'STALE_VERSION');
    if (stale) return setConflict(stale.message);
    if (payload.order) setOrder(payload.order);
    show(payload.userErrors);
  }

  /** Runs one save; a failure is shown, and thrown on so the autosave keeps it to retry. */
  async function save<T>(run: () => Promise<T>): Promise<T | undefined> {
    if (conflict()) return undefined;
    try {
      return await run();
    } catch (error) {
      setFailure(error);
      throw error;
    }
  }

  /** Whether the server refused the last save of some part (it then changed nothing). */
  const refusedFields = () =>
    [headerErrors(), lineErrors().errors, productErrors(), leadErrors()].some(
      (errors) => errors.length > 0,
    );

  const base = () => ({ orderId: order().id, expectedVersion: order().version });
  const autosave = createAutosave(
    {
      header: () =>
        save(async () => {
          const data = await mutate(props.client, UPDATE, {
            input: {
              ...base(),
              title: header.title,
              note: header.note,
              ...(header.siteId ? { siteId: header.siteId } : {}),
            },
          });
          take(data.updateChangeOrder, setHeaderErrors);
        }).then(() => undefined),
      lines: () =>
        save(async () => {
          // The rows that can be saved are; one whose delta cannot be sent (1.5, beyond the
          // limit) keeps what the server holds for it, so the draft has its last valid value
          // rather than losing the row or a value nobody typed. The row stays flagged, says
          // what the draft keeps, and the status says the flagged rows are not saved; Review
          // and submit stay closed until it is fixed, so that value is never submitted unseen.
          const lines = orderLines(rows(), deltas, deltasOf(order().lines));
          const data = await mutate(props.client, SET_LINES, { input: { ...base(), lines } });
          take(data.setChangeOrderLines, (errors) => setLineErrors({ errors, sent: lines }));
        }).then(() => undefined),
      product: () =>
        save(async () => {
          const data = await mutate(props.client, SET_PRODUCT_CHANGE, {
            input: { ...base(), ...productChange },
          });
          take(data.setProductChange, (errors) =>
            // setProductChange names its own fields; the order calls them productChange.*
            setProductErrors(prefixed(errors, 'productChange')),
          );
        }).then(() => undefined),
      lead: () =>
        save(async () => {
          const id = leadId();
          if (!id) return;
          const data = await mutate(props.client, UPDATE, {
            input: { ...base(), implementationLeadId: id },
          });
          take(data.updateChangeOrder, setLeadErrors);
        }).then(() => undefined),
    },
    SAVE_DELAY_MS,
  );
  keepEdits({
    client: () => props.client,
    unsaved: () => autosave.busy() || autosave.failed(),
    saveNow: () => void autosave.flush(),
    // Only what failed: a pending save keeps its delay, one under way its turn.
    retry: () => {
      if (autosave.failed()) void autosave.flush();
    },
  });

  /** An edit of the order's content makes the last submit's content errors out of date. */
  const edited = () =>
    setSubmitErrors((errors) =>
      errors.filter((error) =>
        ['msaAccepted', 'authorizationConfirmed', 'implementationLeadId'].includes(
          error.field?.[0] ?? '',
        ),
      ),
    );

  // Errors about a row: what the last save of the lines refused, and the draft's rule
  // violations (and submit's) while the row still holds the delta they were about.
  const rowErrors = createMemo(() => {
    const saved = order().lines.map((line) => ({
      productId: line.product.id,
      billingAccountId: line.billingAccount.id,
    }));
    const savedDelta = new Map(
      order().lines.map((line) => [rowKey(line.product.id, line.billingAccount.id), line.delta]),
    );
    const byRow = errorsByRow(lineErrors().errors, lineErrors().sent);
    const ruled = errorsByRow([...order().ruleViolations, ...submitErrors()], saved);
    // A row that cannot be saved says what the draft keeps for it instead, if anything.
    for (const row of rows()) {
      const kept = savedDelta.get(row.key) ?? 0;
      if (kept === 0 || deltaProblem(deltas[row.key] ?? 0) === null) continue;
      byRow.set(row.key, [
        ...(byRow.get(row.key) ?? []),
        { code: 'NOT_SAVED', message: `Not saved: the draft keeps ${signed(kept)}.` },
      ]);
    }
    for (const [key, errors] of ruled) {
      if (savedDelta.get(key) !== (deltas[key] ?? 0)) continue;
      const known = byRow.get(key) ?? [];
      const fresh = errors.filter((e) => !known.some((k) => k.message === e.message));
      byRow.set(key, [...known, ...fresh]);
    }
    return byRow;
  });

  const reviewLines = createMemo(() =>
    rows()
      .filter((row) => (deltas[row.key] ?? 0) !== 0 && deltaProblem(deltas[row.key]!) === null)
      .map((row) => ({
        key: row.key,
        itemGroup: row.itemGroup,
        itemName: row.itemName,
        billingAccount: row.billingAccount,
        available: row.available,
        delta: deltas[row.key]!,
        toBe: toBe(row.available, deltas[row.key]!),
      })),
  );

  const reviewErrors = createMemo(() => {
    const all = [...submitErrors(), ...order().ruleViolations, ...leadErrors()];
    return all.filter(
      (error, index) =>
        all.findIndex((other) => other.code === error.code && other.message === error.message) ===
        index,
    );
  });

  async function addContact(name: string, email: string): Promise<readonly FieldError[]> {
    const data = await mutate(props.client, ADD_CONTACT, {
      input: { customerId: props.customer.id, name, email },
    });
    const contact = data.addContact.contact;
    if (!contact) return data.addContact.userErrors;
    setAddedContacts((list) => [...list, contact]);
    setLeadId(contact.id);
    autosave.schedule('lead', 0);
    return [];
  }

  let submitKey: string | undefined;
  async function submit() {
    setSubmitting(true);
    try {
      await autosave.flush();
      // Submitting now would submit the draft without the edits that did not save.
      if (conflict() || autosave.failed()) return;
      if (summary().invalid > 0) {
        setSubmitErrors([
          { code: 'VALIDATION', field: ['lines'], message: 'Fix the rows flagged in Order Items.' },
        ]);
        return;
      }
      // The same key again only where the last attempt got no answer (a network failure).
      submitKey ??= newIdempotencyKey();
      const data = await mutate(props.client, SUBMIT, {
        input: {
          ...base(),
          msaAccepted: msaAccepted(),
          authorizationConfirmed: authorized(),
          implementationLeadId: leadId(),
          idempotencyKey: submitKey,
        },
      });
      submitKey = undefined;
      const payload = data.submitChangeOrder;
      if (payload.order && payload.userErrors.length === 0) {
        props.onSubmitted(payload.order);
        return;
      }
      take(payload, setSubmitErrors);
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  }

  let heading: HTMLHeadingElement | undefined;
  let panel!: HTMLElement;
  let titleInput: HTMLInputElement | undefined;
  createEffect(on(step, () => heading?.focus(), { defer: true }));

  /**
   * Opens a step, unless what the user has typed stands in the way; it then opens the step
   * to fix instead, says why, and focuses the field. Past Order Title & Customer Site only
   * with a title the server takes; Review only while every row can be saved, so that Review
   * shows exactly what will be submitted (an unsaved row would be missing from the cost
   * and from the submit).
   */
  function goTo(index: number) {
    if (index > 0 && checkTitle(header.title).length > 0) {
      setTitleChecked(true);
      setStep(0);
      titleInput?.focus();
      return;
    }
    if (index === 2 && summary().invalid > 0) {
      setReviewHeld(true);
      setStep(1);
      panel.querySelector<HTMLInputElement>('tr.unusable input')?.focus();
      return;
    }
    setStep(index);
    if (index === 2) void autosave.flush();
  }

  return (
    <>
      <p class="order-meta">
        Order No. {order().number} · <span class="badge">{statusLabel(order().status)}</span>{' '}
        <span class="save-state" role="status">
          <Switch fallback="Draft saved">
            <Match when={autosave.saving()}>Saving…</Match>
            <Match when={conflict()}>Not saved: the order changed elsewhere</Match>
            <Match when={autosave.failed()}>Not saved</Match>
            <Match when={autosave.busy()}>Unsaved changes</Match>
            {/* A refused save changed nothing, so it comes before "Saved, except…". */}
            <Match when={refusedFields()}>Not saved: fix the flagged fields</Match>
            <Match when={summary().invalid > 0}>Saved, except the flagged rows</Match>
          </Switch>
        </span>
      </p>
      <Show when={conflict()}>
        {(message) => (
          <div class="error" role="alert">
            <p>{message()}</p>
            <button type="button" onClick={() => props.onReload()}>
              Reload the order
            </button>
          </div>
        )}
      </Show>
      <Show when={failure()}>
        {(error) => <ErrorMessage error={error()} retry={() => void autosave.flush()} />}
      </Show>

      <StepHeader current={step()} reachable={2} onStep={goTo} />
      <section
        class="panel step-panel"
        aria-labelledby="step-title"
        ref={(element) => (panel = element)}
      >
        <h2 id="step-title" tabindex="-1" ref={(element) => (heading = element)}>
          {STEPS[step()]}
        </h2>
        <Switch>
          <Match when={step() === 0}>
            <TitleSite
              value={header}
              sites={props.customer.sites}
              errors={headerFieldErrors()}
              titleRef={(element) => (titleInput = element)}
              onChange={(value) => {
                setHeader(value);
                autosave.schedule('header');
              }}
            />
          </Match>
          <Match when={step() === 1}>
            <OrderItems
              rows={rows()}
              deltas={deltas}
              onDelta={(key, delta) => {
                setDeltas(key, delta);
                if (summary().invalid === 0) setReviewHeld(false);
                edited();
                autosave.schedule('lines');
              }}
              rowErrors={(key) => rowErrors().get(key) ?? []}
              summary={summary()}
              reviewHeld={reviewHeld()}
              primaries={primaries()}
              productChange={productChange}
              onProductChange={(value) => {
                setProductChange(value);
                edited();
                autosave.schedule('product', 0);
              }}
              productErrors={[
                ...productErrors(),
                ...errorsUnder(order().ruleViolations, 'productChange'),
              ]}
            />
          </Match>
          <Match when={step() === 2}>
            <Review
              header={{
                title: header.title,
                site: props.customer.sites.find((site) => site.id === header.siteId)?.name ?? null,
                note: header.note,
              }}
              onEditHeader={() => goTo(0)}
              cost={order().costPreview}
              updating={autosave.busy()}
              lines={reviewLines()}
              productChange={productChangeText(productChange, primaries())}
              contacts={contacts()}
              leadId={leadId()}
              onLead={(id) => {
                setLeadId(id);
                setSubmitErrors((errors) =>
                  errors.filter((e) => e.field?.[0] !== 'implementationLeadId'),
                );
                autosave.schedule('lead', 0);
              }}
              onAddContact={addContact}
              msaAccepted={msaAccepted()}
              onMsaAccepted={(ticked) => {
                setMsaAccepted(ticked);
                setSubmitErrors((errors) => errors.filter((e) => e.field?.[0] !== 'msaAccepted'));
              }}
              authorized={authorized()}
              onAuthorized={(ticked) => {
                setAuthorized(ticked);
                setSubmitErrors((errors) =>
                  errors.filter((e) => e.field?.[0] !== 'authorizationConfirmed'),
                );
              }}
              errors={reviewErrors()}
              submitting={submitting()}
              onSubmit={() => void submit()}
              onEditItems={() => goTo(1)}
            />
          </Match>
        </Switch>
      </section>

      <div class="actions wizard-nav">
        <Show when={step() > 0}>
          <button type="button" class="secondary" onClick={() => goTo(step() - 1)}>
            Back
          </button>
        </Show>
        <Show when={step() < 2}>
          <button type="button" onClick={() => goTo(step() + 1)}>
            Next: {STEPS[step() + 1]}
          </button>
        </Show>
      </div>
    </>
  );
}
