import { Client, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export interface PortalClient {
  urql: Client;
  /** Closes the socket (sign-out). */
  dispose(): void;
}

/**
 * Who to tell when a client's live socket is back, kept on the client object under a
 * global symbol rather than in a map of this module: each micro-frontend bundles its own
 * copy of this module, and the client (made by the shell) is what they share.
 */
const RECONNECT_LISTENERS = Symbol.for('change-order-portal.reconnect-listeners');

function reconnectListeners(client: Client): Set<() => void> {
  const holder = client as Client & { [RECONNECT_LISTENERS]?: Set<() => void> };
  return (holder[RECONNECT_LISTENERS] ??= new Set());
}

/**
 * Runs `listener` each time the client's live socket is connected again after it was lost
 * (a server restarted or was replaced, the network dropped). graphql-ws subscribes again by
 * itself, but what was sent while the socket was down is not replayed. Returns the remover.
 */
export function onReconnected(client: Client, listener: () => void): () => void {
  const listeners = reconnectListeners(client);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the client's listeners that its socket is back (component tests call it too). */
export function announceReconnected(client: Client): void {
  for (const listener of reconnectListeners(client)) listener();
}

/**
 * The GraphQL client of a signed-in session: @urql/core over HTTP for queries and mutations,
 * graphql-ws for subscriptions, both carrying the session's token (the socket authenticates
 * once, in connection_init). `onUnauthenticated` runs when the server no longer accepts it:
 * an UNAUTHENTICATED answer, or the socket closed with 4403. A portal that is starting,
 * stopping or cannot check credentials closes sockets with 1013 instead, which is retried.
 */
export function createPortalClient(options: {
  token: string;
  origin?: string;
  onUnauthenticated?: () => void;
  /** The WebSocket class, where there is no global one (tests in Node pass ws's). */
  webSocketImpl?: unknown;
}): PortalClient {
  const origin = options.origin ?? window.location.origin;
  const ws: WsClient = createWsClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    connectionParams: { authorization: `Bearer ${options.token}` },
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: (event) =>
      !(event && typeof event === 'object' && 'code' in event && event.code === 4403),
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) announceReconnected(urql);
      },
      closed: (event) => {
        if (event && typeof event === 'object' && 'code' in event && event.code === 4403)
          options.onUnauthenticated?.();
      },
    },
  });
  const urql = new Client({
    url: `${origin}/graphql`,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${options.token}` } }),
    exchanges: [
      mapExchange({
        onError: (error) => {
          if (isUnauthenticated(error)) options.onUnauthenticated?.();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
  });
  return { urql, dispose: () => void ws.dispose() };
}

/** A GraphQL error that means the session is over. */
export function isUnauthenticated(
  error: { graphQLErrors?: { extensions?: Record<string, unknown> }[] } | undefined,
): boolean {
  return !!error?.graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}
