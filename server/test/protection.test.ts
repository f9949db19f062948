/**
 * Hostile or careless requests are refused before they cost anything, with a clear error
 * and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, USERS } from './helpers/api.js';
import { CHANGE_ORDERS } from './helpers/documents.js';
import { createTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer;
let rich: Api;
beforeAll(async () => {
  server = await createTestServer();
  rich = await Api.as(server, USERS.rich);
});
afterAll(() => server.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${rich.token}`,
      ...headers,
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })(),
  };
}

async function orderCount(): Promise<number> {
  return (await rich.call(CHANGE_ORDERS, { first: 1 })).changeOrders.totalCount;
}

describe('limits on what one operation may ask', () => {
  it('refuses a query nested deeper than the limit', async () => {
    let nested = 'id';
    for (let i = 0; i < 5; i++)
      nested = `changeOrders(first: 1) { edges { node { customer { ${nested} } } } }`;
    const response = await rich.raw(`query Deep($id: ID!) { customer(id: $id) { ${nested} } }`, {
      id: await rich.customerId('Vertical Demo'),
    });
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses an alias flood before running any of it', async () => {
    const customerId = await rich.customerId('Vertical Demo');
    const before = await orderCount();
    const fields = Array.from(
      { length: 200 },
      (_, i) =>
        `o${i}: createChangeOrder(input: { customerId: "${customerId}", title: "flood ${i}" }) { order { id } }`,
    );
    const response = await rich.raw(`mutation Flood { ${fields.join('\n')} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/alias/i);
    expect(await orderCount()).toBe(before);
  });

  it('refuses an operation whose estimated cost is over the limit, naming the cost', async () => {
    const response = await rich.raw(`{
      customers(first: 100) { edges { node { changeOrders(first: 100) { edges { node {
        id title lines { delta toBe available product { name } } } } } } } }
    }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.extensions?.complexity).toBeGreaterThan(10_000);
  });

  it('judges each request by its own variables: a document that passed is refused when the variables make it too costly or bring a NUL', async () => {
    const query = `query($first: Int, $search: String) {
      customers(first: $first, search: $search) { edges { node {
        changeOrders(first: 100) { edges { node { id lines { delta product { name } } } } } } } }
    }`;
    for (let i = 0; i < 2; i++) {
      const cheap = await rich.raw(query, { first: 1 });
      expect(cheap.status).toBe(200);
      expect(cheap.errors).toBeUndefined();
    }
    const costly = await rich.raw(query, { first: 100 });
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const withNul = await rich.raw(query, { first: 1, search: 'a\u0000b' });
    expect(withNul.status).toBe(400);
    expect(withNul.errors?.[0]?.message).toMatch(/NUL/);
    const again = await rich.raw(query, { first: 100 });
    expect(again.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it.each([0, -1, 101, 200])('refuses first: %i, naming the argument', async (first) => {
    const response = await rich.raw(CHANGE_ORDERS, { first });
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    expect(response.errors?.[0]?.message).toContain('first');
  });

  it('refuses a cursor it did not give out', async () => {
    const response = await rich.raw(CHANGE_ORDERS, { first: 5, after: 'not-a-cursor' });
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
    });
  });
});

describe('client mistakes are 400s that say what is wrong, never internal errors', () => {
  const expectBadRequest = (
    response: Awaited<ReturnType<typeof post>>,
    code: string,
    message: RegExp,
  ) => {
    expect(response.status).toBe(400);
    expect(response.json.errors[0].extensions.code).toBe(code);
    expect(response.json.errors[0].message).toMatch(message);
    expect(response.text).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace/);
  };

  it('a variable of the wrong type', async () => {
    const response = await post(
      JSON.stringify({
        query: 'query($first: Int) { customers(first: $first) { edges { node { id } } } }',
        variables: { first: 'ten' },
      }),
    );
    expectBadRequest(response, 'BAD_USER_INPUT', /Variable "\$first" got invalid value "ten"/);
  });

  it('an operation name the document does not have', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }', operationName: 'Nope' }));
    expectBadRequest(response, 'OPERATION_RESOLUTION_FAILURE', /no operation named "Nope"/);
  });

  it('a NUL character in a variable or a literal (PostgreSQL cannot store it)', async () => {
    const inVariable = await post(
      JSON.stringify({
        query: 'query($s: String) { customers(search: $s) { edges { node { id } } } }',
        variables: { s: 'a\u0000b' },
      }),
    );
    expectBadRequest(inVariable, 'BAD_USER_INPUT', /NUL/);
    const inLiteral = await post(
      JSON.stringify({
        query:
          'mutation { login(email: "rich@rs-vertical.example\\u0000", password: "x") { token } }',
      }),
    );
    expectBadRequest(inLiteral, 'BAD_USER_INPUT', /NUL/);
  });

  it('fragments that spread into more fields than the estimate walks', async () => {
    const spreads = (name: string) => Array.from({ length: 10 }, () => `...${name}`).join(' ');
    const query = [
      '{ viewer { ...F4 } }',
      'fragment F0 on Viewer { role scopes }',
      ...[1, 2, 3, 4].map((n) => `fragment F${n} on Viewer { ${spreads(`F${n - 1}`)} }`),
    ].join('\n');
    expectBadRequest(await post(JSON.stringify({ query })), 'QUERY_TOO_COMPLEX', /10,000 fields/);
  });

  it.each([
    ['fields', '{' + 'a{'.repeat(10_000) + 'b' + '}'.repeat(10_000) + '}'],
    [
      'list values',
      '{ customers(search: ' + '['.repeat(10_000) + ']'.repeat(10_000) + ') { totalCount } }',
    ],
  ])('a document nested too deeply to parse (%s)', async (_shape, query) => {
    const response = await post(JSON.stringify({ query }));
    expectBadRequest(response, 'GRAPHQL_PARSE_FAILED', /nested too deeply/);
    expect(response.text).not.toMatch(/call stack/);
  });

  it('a subscription over HTTP', async () => {
    const response = await post(JSON.stringify({ query: 'subscription { alertRaised { id } }' }));
    expectBadRequest(response, 'BAD_REQUEST', /over WebSocket/);
  });

  it('two logins in one request (each is an argon2 hash)', async () => {
    const login = (alias: string) =>
      `${alias}: login(email: "rich@rs-vertical.example", password: "guess-${alias}") { token }`;
    const response = await post(
      JSON.stringify({ query: `mutation { ${login('a')} ${login('b')} }` }),
    );
    expect(response.status).toBe(400);
    expect(response.json.errors[0].message).toBe('A request may call login only once.');
  });

  it('a customer cursor whose id is not an id', async () => {
    const forged = Buffer.from(JSON.stringify(['Vertical Demo', 'not-a-uuid'])).toString(
      'base64url',
    );
    const response = await post(
      JSON.stringify({
        query: `{ customers(first: 5, after: "${forged}") { edges { node { id } } } }`,
      }),
    );
    expect(response.json.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
    expect(response.text).not.toMatch(/INTERNAL_SERVER_ERROR|uuid/);
  });
});

describe('transport', () => {
  it('refuses batched arrays of operations', async () => {
    const before = await orderCount();
    const customerId = await rich.customerId('Vertical Demo');
    const create = {
      query: `mutation { createChangeOrder(input: { customerId: "${customerId}", title: "batched" }) { order { id } } }`,
    };
    const response = await post(JSON.stringify([create, create]));
    expect(response.status).toBe(400);
    expect(await orderCount()).toBe(before);
  });

  it('refuses a mutation over GET', async () => {
    const url = new URL(server.graphqlUrl);
    url.searchParams.set('query', 'mutation { acknowledgeAllAlerts { userErrors { code } } }');
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${rich.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });

  it('refuses a cross-site "simple" request (CSRF prevention)', async () => {
    const response = await post(JSON.stringify({ query: '{ viewer { role } }' }), {
      'content-type': 'text/plain',
    });
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('RESELLER_ADMIN');
  });

  it('answers a body over 1 MB with 413 and a JSON error', async () => {
    const response = await post(
      JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
    );
    expect(response.status).toBe(413);
    expect(response.json?.errors?.[0]?.message).toMatch(/1 MB/);
  });

  it('answers a body that is not JSON with 400 and a JSON error, no stack trace', async () => {
    const response = await post('{"query": "{ __typename ');
    expect(response.status).toBe(400);
    expect(response.json?.errors?.[0]?.message).toMatch(/not valid JSON/);
    expect(response.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('shows no stack traces in errors outside development', async () => {
    const response = await rich.raw('{ customer(id: 1) { nope } }');
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
  });
});
