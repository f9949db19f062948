/**
 * More work than the portal can do is refused at once, clearly, and writes nothing: one
 * client over its rate gets 429 RATE_LIMITED while others go on; past MAX_IN_FLIGHT
 * operations in flight, the next gets 503 OVERLOADED; both with Retry-After.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, USERS } from './helpers/api.js';
import { graphql, type GraphQLResponse } from './helpers/client.js';
import { CREATE_API_KEY, CREATE_ORDER, VIEWER_IDS } from './helpers/documents.js';
import { liveClient } from './helpers/live.js';
import { createTestServer, type TestServer } from './helpers/test-server.js';

const RATE = 5;

describe('per-client rate (RATE_LIMIT_RPS)', () => {
  let server: TestServer;
  let rich: Api;
  let keySecret: string;
  let verticalDemoId: string;

  async function createKey(name: string): Promise<string> {
    const created = await rich.mutate(CREATE_API_KEY, {
      name,
      scopes: ['READ', 'WRITE_ORDERS', 'SUBSCRIBE'],
    });
    return created.secret as string;
  }

  beforeAll(async () => {
    server = await createTestServer({ env: { RATE_LIMIT_RPS: String(RATE) } });
    rich = await Api.as(server, USERS.rich);
    verticalDemoId = await rich.customerId('Vertical Demo');
    keySecret = await createKey('Busy integration');
  });
  afterAll(() => server.close());

  it('refuses an API key past its rate with 429 RATE_LIMITED and Retry-After, writes nothing for what it refused, and serves another client meanwhile', async () => {
    const burst = 4 * RATE;
    const orders = () =>
      server.portal
        .orm()!
        .em.fork()
        .getConnection()
        .execute<{ count: string }[]>(`SELECT count(*) AS count FROM change_order`);
    const before = Number((await orders())[0]!.count);

    const [responses, richMeanwhile] = await Promise.all([
      Promise.all(
        Array.from({ length: burst }, (_, i) =>
          graphql<{ createChangeOrder: { order: { id: string } | null } }>(
            server.graphqlUrl,
            CREATE_ORDER,
            { input: { customerId: verticalDemoId, title: `Burst ${i}` } },
            { token: keySecret },
          ),
        ),
      ),
      rich.raw(VIEWER_IDS),
    ]);

    expect(richMeanwhile.status).toBe(200);
    expect(richMeanwhile.errors).toBeUndefined();

    const accepted = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 429);
    expect(accepted.length + refused.length).toBe(burst);
    expect(accepted.length).toBeGreaterThanOrEqual(RATE);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of accepted) expect(response.data?.createChangeOrder.order).not.toBeNull();
    for (const response of refused)
      expectRefusal(response, 'RATE_LIMITED', /this API key: at most 5 a second/);

    const after = Number((await orders())[0]!.count);
    expect(after - before).toBe(accepted.length);
  });

  it('limits sign-in to 10 attempts a minute per e-mail, from any address, before hashing a password', async () => {
    const attempt = (password: string, from: string, email: string = USERS.other) =>
      graphql<{ login: { token: string | null; userErrors: { code: string }[] } }>(
        server.graphqlUrl,
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token userErrors { code } } }',
        { e: email, p: password },
        // Each from another address, as a distributed guesser would (the loopback proxy is trusted).
        { headers: { 'x-forwarded-for': from } },
      );
    for (let i = 0; i < 10; i++) {
      const wrong = await attempt(`guess-${i}`, `198.51.100.${i}`);
      expect(wrong.data?.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    }
    const eleventh = await attempt('demo', '198.51.100.200');
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(eleventh.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(eleventh.errors?.[0]?.message).toMatch(/Too many sign-in attempts for this e-mail/);

    const someoneElse = await attempt('demo', '198.51.100.201', USERS.kim);
    expect(someoneElse.data?.login.token).toEqual(expect.any(String));
  });

  it('lets an address without credentials start only a few operations a second', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, () =>
        graphql(server.graphqlUrl, '{ __typename }', undefined, {
          headers: { 'x-forwarded-for': '203.0.113.7' },
        }),
      ),
    );
    const refused = burst.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.errors?.[0]?.message).toMatch(/this address: at most 5 a second/);
    expect(burst.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(5);
  });

  it('counts operations over a WebSocket against the same client', async () => {
    // A key of its own: the first test's key may still be inside its one-second window.
    const client = liveClient(server.wsUrl, await createKey('Busy dashboard')); // connects on subscribe
    const results = await Promise.all(
      Array.from(
        { length: 4 * RATE },
        () =>
          new Promise<{ ok: boolean; code?: unknown }>((resolve) => {
            client.subscribe(
              { query: 'query { viewer { role } }' },
              {
                next: (value) =>
                  resolve(
                    value.errors
                      ? { ok: false, code: value.errors[0]?.extensions?.code }
                      : { ok: true },
                  ),
                error: (errors) =>
                  resolve({
                    ok: false,
                    code: (errors as { extensions?: { code?: string } }[])[0]?.extensions?.code,
                  }),
                complete: () => undefined,
              },
            );
          }),
      ),
    );
    await client.dispose();
    expect(results.filter((result) => result.ok).length).toBeGreaterThanOrEqual(RATE);
    const refused = results.filter((result) => !result.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const result of refused) expect(result.code).toBe('RATE_LIMITED');
  });
});

describe('load shedding (MAX_IN_FLIGHT)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ env: { MAX_IN_FLIGHT: '2' } });
  });
  afterAll(() => server.close());

  it('with two operations in flight refuses a third with 503 OVERLOADED at once, and serves again when one is done', async () => {
    // Two requests whose bodies have not finished arriving hold their slots until they do.
    const held = [heldRequest(server.url), heldRequest(server.url)];
    await inFlightReaches(server, 2);

    const refused = await graphql(server.graphqlUrl, '{ __typename }');
    expectRefusal(refused, 'OVERLOADED', /busy/);
    expect(await scrape(server)).toMatch(/portal_throttled_total\{reason="OVERLOADED"\} 1/);

    const first = await held[0]!.finish();
    expect(first).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    const served = await graphql(server.graphqlUrl, '{ __typename }');
    expect(served.status).toBe(200);
    expect(await held[1]!.finish()).toMatchObject({ status: 200 });
  });
});

function expectRefusal(response: GraphQLResponse, code: string, message: RegExp): void {
  expect(response.status).toBe(code === 'OVERLOADED' ? 503 : 429);
  expect(response.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  expect(response.data).toBeUndefined();
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.message).toMatch(message);
  expect(response.errors![0]!.extensions).toMatchObject({
    code,
    retryAfterSeconds: expect.any(Number),
  });
}

/** A POST whose body is sent in two halves: the second only when `finish()` is called. */
function heldRequest(baseUrl: string) {
  const body = JSON.stringify({ query: '{ __typename }' });
  const half = Math.floor(body.length / 2);
  const request = http.request(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const response = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
  });
  request.write(body.slice(0, half));
  request.flushHeaders();
  return {
    finish() {
      request.end(body.slice(half));
      return response;
    },
  };
}

async function scrape(server: TestServer): Promise<string> {
  return (await fetch(`${server.url}/metrics`)).text();
}

/**
 * Waits until the server counts `count` requests in flight. Nothing announces that a request
 * has reached the throttle, so this asks the metrics until it is so (at most 5 s).
 */
async function inFlightReaches(server: TestServer, count: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!new RegExp(`portal_http_in_flight ${count}\\b`).test(await scrape(server))) {
    if (Date.now() > deadline) throw new Error(`never ${count} requests in flight`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
