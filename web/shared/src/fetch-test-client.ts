/**
 * A real urql Client whose "server" is a function, for component tests that want urql's
 * own pipeline (fetch exchange, request bodies, GraphQL errors) rather than the stub of
 * `test-client.ts`: each operation goes to `respond(operationName, variables)`, which
 * returns the operation's `data` (or throws: a GraphQL error). Every request is recorded
 * in `calls`.
 */
import { Client, fetchExchange } from '@urql/core';

export interface Call {
  operationName: string;
  variables: Record<string, unknown>;
}

export function fakeClient(
  respond: (operationName: string, variables: Record<string, unknown>) => unknown,
) {
  const calls: Call[] = [];
  const client = new Client({
    url: 'http://test/graphql',
    exchanges: [fetchExchange],
    preferGetMethod: false,
    fetch: async (_input, init) => {
      const body = JSON.parse(init?.body as string) as Call;
      calls.push({ operationName: body.operationName, variables: body.variables ?? {} });
      let payload: unknown;
      try {
        payload = { data: await respond(body.operationName, body.variables ?? {}) };
      } catch (error) {
        payload = { data: null, errors: [{ message: (error as Error).message }] };
      }
      return new Response(JSON.stringify(payload), {
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { client, calls };
}
