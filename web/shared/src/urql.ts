import type {
  AnyVariables,
  Client,
  CombinedError,
  OperationResult,
  TypedDocumentNode,
} from '@urql/core';
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

/** How long a refused or ended subscription waits before it follows again, then at most. */
const FOLLOW_AGAIN_MS = 5_000;
const FOLLOW_AGAIN_MAX_MS = 60_000;

/**
 * The refusals that asking again cannot change: an order that is not the viewer's, a scope
 * the key lacks, a malformed request, a session that has ended (the app signs in again).
 * Anything else (too many requests, too many subscriptions on the socket, a client too far
 * behind, a server error, the network) may pass later, so the view follows again.
 */
const FINAL_REFUSALS = new Set([
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_TOO_COMPLEX',
]);

function isFinalRefusal(error: CombinedError): boolean {
  return (error.graphQLErrors ?? []).some((e) => FINAL_REFUSALS.has(e.extensions?.code as string));
}

/**
 * Keeps a view current for as long as the calling component lives: `reload` runs on every
 * event of the subscription, and again each time the live socket is back after it was
 * lost, since the events sent meanwhile are not replayed to it. A subscription the server
 * refuses or ends (too many requests this second, a client too far behind) follows again
 * after a pause, longer each time it fails, and reloads then; one it refuses for good (see
 * FINAL_REFUSALS) is not asked for again.
 */
export function reloadOnEvents<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  reload: () => void,
): void {
  let subscription: { unsubscribe: () => void } | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let pause = FOLLOW_AGAIN_MS;
  const follow = () => {
    subscription = client.subscription(document, variables).subscribe((result) => {
      if (result.data) {
        pause = FOLLOW_AGAIN_MS;
        reload();
      } else if (result.error && !isFinalRefusal(result.error)) {
        clearTimeout(retry); // one pending follow at most
        retry = setTimeout(() => {
          subscription?.unsubscribe();
          follow();
          reload();
        }, pause);
        pause = Math.min(pause * 2, FOLLOW_AGAIN_MAX_MS);
      }
    });
  };
  follow();
  const forget = onReconnected(client, reload);
  onCleanup(() => {
    clearTimeout(retry);
    subscription?.unsubscribe();
    forget();
  });
}
