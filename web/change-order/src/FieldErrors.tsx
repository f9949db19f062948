import { For, Show } from 'solid-js';
import type { FieldError } from './errors';

/**
 * The messages of one field, placed next to it; the field points here with
 * aria-describedby (see `describedBy`), so a screen reader reads them with the field.
 */
export function FieldErrors(props: { id: string; errors: readonly FieldError[] }) {
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
