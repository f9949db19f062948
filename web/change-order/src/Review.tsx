import { createMemo, For, Show } from 'solid-js';
import {
  Empty,
  formatMoney,
  ItemsTable,
  type ItemsTableRow,
  describedBy,
  FieldErrors,
} from '@portal/web-shared';
import { LeadPicker, type ContactOption } from './LeadPicker';
import { errorsAt, unplacedErrors, type FieldError } from './errors';
import type { CostPreview } from './queries';

/** A changed line as the review lists it. */
export type ReviewLine = ItemsTableRow;

/** Step 1's answers, as the review repeats them. */
export interface ReviewHeader {
  title: string;
  /** The site's name, or null when none is chosen. */
  site: string | null;
  note: string;
}

export interface ReviewProps {
  header: ReviewHeader;
  onEditHeader: () => void;
  cost: CostPreview | undefined;
  /** A save is still on its way, so the figures may be a moment behind. */
  updating: boolean;
  lines: readonly ReviewLine[];
  /** "Select New: Email Security Essentials → Email Security Advanced", or null for Keep Existing. */
  productChange: string | null;
  contacts: readonly ContactOption[];
  leadId: string | null;
  onLead: (contactId: string) => void;
  onAddContact: (name: string, email: string) => Promise<readonly FieldError[]>;
  msaAccepted: boolean;
  onMsaAccepted: (ticked: boolean) => void;
  authorized: boolean;
  onAuthorized: (ticked: boolean) => void;
  /** What stands in the way: submit's userErrors, the draft's rule violations. */
  errors: readonly FieldError[];
  submitting: boolean;
  onSubmit: () => void;
  onEditItems: () => void;
}

const money = (cents: number, currency: string) => formatMoney({ cents, currency });

/**
 * Step 3, "Review": what is about to be submitted (the title, site and note, the changed
 * items), the monthly cost at the contracted price (before, after and the change, per
 * product and in total), the Primary Implementation Lead, the two tick boxes, and Save &
 * Submit Order. Every error sits next to its field; the rest are listed on top.
 */
export function Review(props: ReviewProps) {
  const msaErrors = createMemo(() => errorsAt(props.errors, 'msaAccepted'));
  const authErrors = createMemo(() => errorsAt(props.errors, 'authorizationConfirmed'));
  const leadErrors = createMemo(() => errorsAt(props.errors, 'implementationLeadId'));
  const otherErrors = createMemo(() =>
    unplacedErrors(props.errors, [
      ['msaAccepted'],
      ['authorizationConfirmed'],
      ['implementationLeadId'],
    ]),
  );

  return (
    <>
      <Show when={otherErrors().length > 0}>
        <div class="error" role="alert" aria-labelledby="review-problems">
          <p id="review-problems">
            <strong>Before you submit:</strong>
          </p>
          <ul>
            <For each={otherErrors()}>{(error) => <li>{error.message}</li>}</For>
          </ul>
          <button type="button" class="secondary" onClick={() => props.onEditItems()}>
            Edit Order Items
          </button>
        </div>
      </Show>

      <h3 id="review-order">Order</h3>
      <dl class="facts" aria-labelledby="review-order">
        <dt>Order Title</dt>
        <dd>{props.header.title.trim()}</dd>
        <dt>Customer Site</dt>
        <dd>{props.header.site ?? 'None chosen'}</dd>
        <Show when={props.header.note.trim()}>
          {(note) => (
            <>
              <dt>Note</dt>
              <dd class="text">{note()}</dd>
            </>
          )}
        </Show>
      </dl>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => props.onEditHeader()}>
          Edit title and site
        </button>
      </div>

      <h3>Order Items</h3>
      <Show
        when={props.lines.length > 0 || props.productChange}
        fallback={<Empty>Nothing is ordered yet.</Empty>}
      >
        <Show when={props.productChange}>{(text) => <p>Primary product: {text()}</p>}</Show>
        <ItemsTable rows={props.lines} caption="Changed items" />
      </Show>

      <h3 id="cost-title">Monthly cost at your contracted price</h3>
      <Show when={props.cost} fallback={<Empty>The cost appears once the order is saved.</Empty>}>
        {(cost) => (
          <div class="table-wrap" aria-busy={props.updating}>
            <table class="stack-narrow" aria-labelledby="cost-title">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col" class="num">
                    Quantity before
                  </th>
                  <th scope="col" class="num">
                    Quantity after
                  </th>
                  <th scope="col" class="num">
                    Unit price
                  </th>
                  <th scope="col" class="num">
                    Monthly before
                  </th>
                  <th scope="col" class="num">
                    Monthly after
                  </th>
                  <th scope="col" class="num">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={cost().lines}>
                  {(line) => (
                    <tr>
                      <th scope="row" data-label="Product">
                        {line.product.name}
                      </th>
                      <td class="num" data-label="Quantity before">
                        {line.quantityBefore}
                      </td>
                      <td class="num" data-label="Quantity after">
                        {line.quantityAfter}
                      </td>
                      <td class="num" data-label="Unit price">
                        {formatMoney(line.unitPrice)}
                      </td>
                      <td class="num" data-label="Monthly before">
                        {formatMoney(line.monthlyBefore)}
                      </td>
                      <td class="num" data-label="Monthly after">
                        {formatMoney(line.monthlyAfter)}
                      </td>
                      <td class="num" data-label="Change">
                        {money(
                          line.monthlyAfter.cents - line.monthlyBefore.cents,
                          line.monthlyAfter.currency,
                        )}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
              <tfoot>
                <tr class="total">
                  <th scope="row" colSpan={4}>
                    Total per month
                  </th>
                  <td class="num" data-label="Monthly before">
                    {formatMoney(cost().currentMonthly)}
                  </td>
                  <td class="num" data-label="Monthly after">
                    {formatMoney(cost().newMonthly)}
                  </td>
                  <td class="num" data-label="Change">
                    {formatMoney(cost().deltaMonthly)}
                  </td>
                </tr>
              </tfoot>
            </table>
            <Show when={props.updating}>
              <p class="hint" role="status">
                Updating…
              </p>
            </Show>
          </div>
        )}
      </Show>

      <LeadPicker
        contacts={props.contacts}
        leadId={props.leadId}
        onLead={(id) => props.onLead(id)}
        onAddContact={(name, email) => props.onAddContact(name, email)}
        errors={leadErrors()}
      />

      <h3>Confirm</h3>
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            checked={props.msaAccepted}
            aria-invalid={msaErrors().length > 0 ? 'true' : undefined}
            aria-describedby={describedBy('msa-error', msaErrors())}
            onChange={(event) => props.onMsaAccepted(event.currentTarget.checked)}
          />{' '}
          The order is governed by the MSA in effect
        </label>
        <FieldErrors id="msa-error" errors={msaErrors()} />
      </div>
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            checked={props.authorized}
            aria-invalid={authErrors().length > 0 ? 'true' : undefined}
            aria-describedby={describedBy('authorized-error', authErrors())}
            onChange={(event) => props.onAuthorized(event.currentTarget.checked)}
          />{' '}
          I am authorized to place this order
        </label>
        <FieldErrors id="authorized-error" errors={authErrors()} />
      </div>
      <div class="actions">
        <button
          type="button"
          disabled={props.submitting}
          aria-busy={props.submitting}
          onClick={() => props.onSubmit()}
        >
          Save & Submit Order
        </button>
        <Show when={props.submitting}>
          <span role="status">Submitting…</span>
        </Show>
      </div>
    </>
  );
}
