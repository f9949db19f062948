import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/app/config.js';
import { Api, USERS } from './helpers/api.js';
import { graphql, wsClient, wsExecute } from './helpers/client.js';
import { createTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('GraphQL over HTTP and WebSocket on one port', () => {
  it('answers { __typename } over HTTP without credentials', async () => {
    const response = await graphql(server.graphqlUrl, '{ __typename }');
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ __typename: 'Query' });
  });

  it('answers over graphql-ws on the same path and port, once authenticated', async () => {
    const rich = await Api.as(server, USERS.rich);
    const client = wsClient(server.wsUrl, { authorization: `Bearer ${rich.token}` });
    try {
      expect(await wsExecute(client, '{ viewer { role } }')).toEqual({
        data: { viewer: { role: 'RESELLER_ADMIN' } },
      });
    } finally {
      await client.dispose();
    }
  });

  it('gives each request an id, echoing a sane one the caller sent', async () => {
    const mine = await graphql(server.graphqlUrl, '{ __typename }', undefined, {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(mine.headers.get('x-request-id')).toBe('trace-123');

    const hostile = await graphql(server.graphqlUrl, '{ __typename }', undefined, {
      headers: { 'x-request-id': 'bad id\twith junk' },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the SDL at GET /schema.graphql, equal to the checked-in file', async () => {
    const response = await fetch(`${server.url}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/graphql');
    const checkedIn = await fs.readFile(path.join(repoRoot, 'schema/schema.graphql'), 'utf8');
    expect(await response.text()).toBe(checkedIn);
  });
});
