import type { Client } from '@urql/core';
import { createMemo, createSignal, For, Show } from 'solid-js';
import {
  ADD_CONTACT,
  ContactFields,
  Empty,
  errorsBesideContactFields,
  mutate,
} from '@portal/web-shared';

export interface ContactRow {
  id: string;
  name: string;
  email: string;
}

interface FieldError {
  code: string;
  field?: readonly string[] | null;
  message: string;
}

/**
 * The customer's contacts (its people; one may be the implementation lead), and for a
 * reseller a form that adds one (addContact), its userErrors shown next to their fields.
 * A contact added here is listed at once, without reloading the customer.
 */
export function Contacts(props: {
  client: Client;
  customerId: string;
  contacts: readonly ContactRow[];
  leadId: string | null;
  /** Resellers add contacts; a vendor only looks (SPEC, "People and what they may do"). */
  canAdd: boolean;
}) {
  const [added, setAdded] = createSignal<ContactRow[]>([]);
  const shown = createMemo(() => [
    ...props.contacts,
    ...added().filter((contact) => !props.contacts.some((c) => c.id === contact.id)),
  ]);
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [done, setDone] = createSignal('');
  const otherErrors = createMemo(() => errorsBesideContactFields(errors()));

  async function add() {
    setBusy(true);
    setDone('');
    try {
      const data = await mutate(props.client, ADD_CONTACT, {
        input: { customerId: props.customerId, name: name().trim(), email: email().trim() },
      });
      const contact = data.addContact.contact;
      setErrors(data.addContact.userErrors);
      if (contact) {
        setAdded((list) => [...list, contact]);
        setName('');
        setEmail('');
        setDone(`${contact.name} is now a contact.`);
      }
    } catch (error) {
      setErrors([{ code: 'NETWORK', message: (error as Error).message }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Show when={shown().length > 0} fallback={<Empty>No contacts yet.</Empty>}>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Contacts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(contact) => (
                  <tr>
                    <td>
                      {contact.name}
                      <Show when={contact.id === props.leadId}>
                        {' '}
                        <span class="badge">Implementation lead</span>
                      </Show>
                    </td>
                    <td>{contact.email}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={props.canAdd}>
        <form
          class="panel"
          novalidate
          aria-labelledby="add-contact-title"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <h3 id="add-contact-title">Add contact</h3>
          <ContactFields
            idPrefix="new-contact"
            name={name()}
            email={email()}
            onName={setName}
            onEmail={setEmail}
            errors={errors()}
          />
          <Show when={otherErrors().length > 0}>
            <div class="error" role="alert">
              <For each={otherErrors()}>{(error) => <p>{error.message}</p>}</For>
            </div>
          </Show>
          <div class="actions">
            <button type="submit" disabled={busy()}>
              {busy() ? 'Adding…' : 'Add contact'}
            </button>
            <span role="status">{done()}</span>
          </div>
        </form>
      </Show>
    </>
  );
}
