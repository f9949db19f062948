import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from './helpers/database.js';
import { connectionOutcome } from './helpers/live.js';
import { createTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function health(url: string) {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: (await response.json()) as { status: string } };
}

describe('GET /healthz', () => {
  it('is 503 while the database is not up yet, then 200 once it answers', async () => {
    const database = await createTestDatabase();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server = await createTestServer({
      waitReady: false,
      database: async () => {
        await gate;
        return { url: database.url, stop: () => dropTestDatabase(database.name) };
      },
    });

    expect(await health(server.url)).toEqual({ status: 503, body: { status: 'starting' } });
    const early = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(early.status).toBe(503);
    // A socket is told to try again (1013), not that its credentials were refused (4403,
    // on which the web app signs out): a restart must not sign anyone out.
    expect(await connectionOutcome(server.wsUrl, { authorization: 'Bearer not-checked' })).toBe(
      1013,
    );

    release();
    await server.portal.ready;
    expect(await health(server.url)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('turns 503 when the database stops answering', async () => {
    server = await createTestServer();
    expect((await health(server.url)).status).toBe(200);

    await dropTestDatabase(server.databaseName); // ends the server's connections too

    expect(await health(server.url)).toEqual({
      status: 503,
      body: { status: 'database unavailable' },
    });
    // An API key cannot be checked either: a JSON 503 that says so, not an HTML error page.
    const apiKey = `Bearer cop_${'0'.repeat(16)}_${'x'.repeat(43)}`;
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: apiKey,
      },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The portal cannot check credentials right now; try again shortly.',
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ],
    });
    // Over a socket, the same: try again later (1013), not refused (4403) or final (4500).
    expect(await connectionOutcome(server.wsUrl, { authorization: apiKey })).toBe(1013);
  });

  it('makes ready reject, and health stay 503, when the database cannot be opened', async () => {
    server = await createTestServer({
      waitReady: false,
      database: async () => ({
        url: 'postgres://postgres:postgres@127.0.0.1:1/none',
        stop: async () => undefined,
      }),
    });
    await expect(server.portal.ready).rejects.toThrow();
    expect((await health(server.url)).status).toBe(503);
  });
});
