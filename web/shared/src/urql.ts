import type { AnyVariables, Client, OperationResult, TypedDocumentNode } from '@urql/core';
import { createResource, onCleanup, type Accessor, type Resource } from 'solid-js';
import { onReconnected } from './client.js';

/**
 * A query as a Solid resource that refetches when its variables change and when `refetch`
 * is called (network-first, so a screen shows what the server has now).
 */
export function query<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Accessor<Variables | false | null | undefined>,
): [Resource<Data>, { refetch: () => void }] {
  const [resource, { refetch }] = createResource(variables, async (vars) => {
    const result = await client
      .query(document, vars, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) throw result.error;
    return result.data as Data;
  });
  return [resource, { refetch: () => void refetch() }];
}

/** Runs a mutation; resolves with its data or throws the request's error. */
export async function mutate<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result: OperationResult<Data, Variables> = await client
    .mutation(document, variables)
    .toPromise();
  if (result.error) throw result.error;
  return result.data as Data;
}

/**
 * Keeps a view current for as long as the calling component lives: `reload` runs on every
 * event of the subscription, and again each time the live socket is back after it was
 * lost, since the events sent meanwhile are not replayed to it.
 */
export function reloadOnEvents<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  reload: () => void,
): void {
  const subscription = client.subscription(document, variables).subscribe((result) => {
    if (result.data) reload();
  });
  const forget = onReconnected(client, reload);
  onCleanup(() => {
    subscription.unsubscribe();
    forget();
  });
}
