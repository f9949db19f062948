import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export interface PortalClient {
  urql: Client;
  /** Closes the socket (sign-out). */
  dispose(): void;
}

/**
 * The GraphQL client of a signed-in session: @urql/core over HTTP for queries and mutations,
 * graphql-ws for subscriptions, both carrying the session's token (the socket authenticates
 * once, in connection_init). `onUnauthenticated` runs when the server no longer accepts it.
 */
export function createPortalClient(options: {
  token: string;
  origin?: string;
  onUnauthenticated?: () => void;
}): PortalClient {
  const origin = options.origin ?? window.location.origin;
  const ws: WsClient = createWsClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    connectionParams: { authorization: `Bearer ${options.token}` },
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: (event) =>
      !(event && typeof event === 'object' && 'code' in event && event.code === 4403),
    on: {
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
