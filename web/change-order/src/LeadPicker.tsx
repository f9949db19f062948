import { createMemo, createSignal, For, Show } from 'solid-js';
import { type FieldError } from './errors';
import {
  ContactFields,
  describedBy,
  errorsBesideContactFields,
  FieldErrors,
} from '@portal/web-shared';

export interface ContactOption {
  id: string;
  name: string;
  email: string;
}

/**
 * The Primary Implementation Lead: one of the customer's contacts, or a new contact
 * created on the spot (addContact) and chosen at once.
 */
export function LeadPicker(props: {
  contacts: readonly ContactOption[];
  leadId: string | null;
  onLead: (contactId: string) => void;
  /** Creates the contact and makes it the lead; resolves with its userErrors (none: done). */
  onAddContact: (name: string, email: string) => Promise<readonly FieldError[]>;
  /** Errors about the lead (['implementationLeadId']). */
  errors: readonly FieldError[];
}) {
  const [adding, setAdding] = createSignal(false);
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [addErrors, setAddErrors] = createSignal<readonly FieldError[]>([]);
  const otherErrors = createMemo(() => errorsBesideContactFields(addErrors()));

  async function add() {
    setBusy(true);
    try {
      const errors = await props.onAddContact(name().trim(), email().trim());
      setAddErrors(errors);
      if (errors.length === 0) {
        setAdding(false);
        setName('');
        setEmail('');
      }
    } catch (error) {
      setAddErrors([{ code: 'NETWORK', message: (error as Error).message }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="lead">
      <div class="field">
        <label for="lead">Primary Implementation Lead</label>
        <select
          id="lead"
          aria-invalid={props.errors.length > 0 ? 'true' : undefined}
          aria-describedby={describedBy('lead-error', props.errors)}
          onChange={(event) => event.currentTarget.value && props.onLead(event.currentTarget.value)}
        >
          <Show when={!props.leadId}>
            <option value="" selected>
              {props.contacts.length > 0 ? 'Choose a contact' : 'No contacts yet: add one'}
            </option>
          </Show>
          <For each={props.contacts}>
            {(contact) => (
              <option value={contact.id} selected={contact.id === props.leadId}>
                {contact.name} &lt;{contact.email}&gt;
              </option>
            )}
          </For>
        </select>
        <FieldErrors id="lead-error" errors={props.errors} />
      </div>
      <Show
        when={adding()}
        fallback={
          <button type="button" class="secondary" onClick={() => setAdding(true)}>
            New contact
          </button>
        }
      >
        <form
          class="panel new-contact"
          novalidate
          aria-label="New contact"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <ContactFields
            idPrefix="contact"
            name={name()}
            email={email()}
            onName={setName}
            onEmail={setEmail}
            errors={addErrors()}
          />
          <FieldErrors id="contact-error" errors={otherErrors()} />
          <div class="actions">
            <button type="submit" disabled={busy()}>
              {busy() ? 'Adding…' : 'Add contact'}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setAdding(false);
                setAddErrors([]);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
