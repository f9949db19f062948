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
