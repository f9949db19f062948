/**
 * A urql Client whose "server" is a function, for component tests: urql's own fetch
 * exchange sends each operation to `respond(operationName, variables)`, which returns the
 * operation's `data`. Every request is recorded in `calls`.
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
      const data = await respond(body.operationName, body.variables ?? {});
      return new Response(JSON.stringify({ data }), {
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { client, calls };
}
