import { For, Show } from 'solid-js';
import { graphql } from '@portal/schema';

/** What a field's error block shows of a userError: its message. */
interface FieldMessage {
  message: string;
}

/**
 * The messages of one field, placed next to it; the field points here with
 * aria-describedby (see `describedBy`), so a screen reader reads them with the field.
 */
export function FieldErrors(props: { id: string; errors: readonly FieldMessage[] }) {
  return (
    <Show when={props.errors.length > 0}>
      <div id={props.id} class="field-error">
        <For each={props.errors}>{(error) => <p>{error.message}</p>}</For>
      </div>
    </Show>
  );
}

/** The aria-describedby of a field: its error block's id while there are errors. */
export function describedBy(id: string, errors: readonly unknown[]): string | undefined {
  return errors.length > 0 ? id : undefined;
}

/**
 * Adds a contact to a customer (a person of the customer, e.g. its implementation lead):
 * the customer page and the wizard's lead picker both offer it.
 */
export const ADD_CONTACT = graphql(`
  mutation AddContact($input: AddContactInput!) {
    addContact(input: $input) {
      contact {
        id
        name
        email
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** A userError of a form, placed by the first step of its field path. */
interface PlacedMessage extends FieldMessage {
  field?: readonly string[] | null;
}

/**
 * The name and e-mail fields of a new contact, each with addContact's errors about it
 * next to it; the customer page's Contacts and the wizard's lead picker both show them.
 * No autocomplete: the person is the customer's, not whoever is signed in.
 */
export function ContactFields(props: {
  /** Prefix of the inputs' ids (two forms may be on one page). */
  idPrefix: string;
  name: string;
  email: string;
  onName: (name: string) => void;
  onEmail: (email: string) => void;
  errors: readonly PlacedMessage[];
}) {
  const errorsOf = (field: string) => props.errors.filter((error) => error.field?.[0] === field);
  return (
    <>
      <ContactField
        id={`${props.idPrefix}-name`}
        label="Name"
        value={props.name}
        onInput={props.onName}
        errors={errorsOf('name')}
      />
      <ContactField
        id={`${props.idPrefix}-email`}
        label="E-mail"
        type="email"
        value={props.email}
        onInput={props.onEmail}
        errors={errorsOf('email')}
      />
    </>
  );
}

/** addContact's errors about neither field (shown once for the whole form). */
export function errorsBesideContactFields<T extends PlacedMessage>(errors: readonly T[]): T[] {
  return errors.filter((error) => !['name', 'email'].includes(error.field?.[0] ?? ''));
}

function ContactField(props: {
  id: string;
  label: string;
  type?: string;
  value: string;
  onInput: (value: string) => void;
  errors: readonly FieldMessage[];
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        autocomplete="off"
        value={props.value}
        aria-invalid={props.errors.length > 0 ? 'true' : undefined}
        aria-describedby={describedBy(`${props.id}-error`, props.errors)}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <FieldErrors id={`${props.id}-error`} errors={props.errors} />
    </div>
  );
}
