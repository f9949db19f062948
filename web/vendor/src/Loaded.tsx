import { Match, Switch, type Accessor, type JSX, type Resource } from 'solid-js';
import { ErrorMessage, Loading } from '@portal/web-shared';

/**
 * A query's states in one place: the error (with Try again), the first load, then the data,
 * which stays on screen while it refreshes (a live refetch must not blank the page).
 * The error is checked first: reading an errored resource throws.
 */
export function Loaded<T>(props: {
  data: Resource<T>;
  retry: () => void;
  label?: string;
  children: (value: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  return (
    <Switch fallback={<Loading label={props.label} />}>
      <Match when={props.data.error !== undefined && !props.data.loading}>
        <ErrorMessage error={props.data.error as unknown} retry={props.retry} />
      </Match>
      <Match when={props.data.latest}>{(value) => props.children(value)}</Match>
    </Switch>
  );
}
