/**
 * The response cache answers a repeated licence grid from memory, and never an answer
 * the full pipeline would no longer give: every write of the rows a grid shows, by any
 * path (here plain SQL, as a script or another service would write), is seen by the next
 * read; whoever asks is checked and charged first; anything it may not answer goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, USERS, expectOk } from '../helpers/api.js';
import { CREATE_API_KEY, LICENSE_GRID, REVOKE_API_KEY } from '../helpers/documents.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let rich: Api;
let verticalDemo: string;
let acme: string;

beforeAll(async () => {
  server = await createTestServer();
  rich = await Api.as(server, USERS.rich);
  verticalDemo = await rich.customerId('Vertical Demo');
  acme = await rich.customerId('Acme Mail');
});
afterAll(() => server.close());

/** The cache's hits and misses so far (GET /metrics). */
async function cacheCounts(): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const count = (outcome: string) =>
    Number(
      new RegExp(`^portal_response_cache_reads_total\\{outcome="${outcome}"\\} (\\d+)`, 'm').exec(
        text,
      )?.[1] ?? 0,
    );
  return { hit: count('hit'), miss: count('miss') };
}

/** POSTs a body as it is, with rich's token, and returns the status and the text. */
async function post(body: string, token = rich.token) {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const gridBody = (customerId: string) =>
  JSON.stringify({ query: LICENSE_GRID, variables: { id: customerId } });

function sql(statement: string, params: unknown[] = []) {
  return server.portal.orm()!.em.fork().execute(statement, params);
}

describe('the response cache', () => {
  it('answers a repeated grid from memory, byte for byte as the full pipeline did', async () => {
    const before = await cacheCounts();
    const first = await post(gridBody(verticalDemo));
    const second = await post(gridBody(verticalDemo));
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).data.customer.licenses.length).toBeGreaterThan(0);
    expect(second).toMatchObject({ status: 200, text: first.text });
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('x-request-id')).toBeTruthy();
    const after = await cacheCounts();
    expect(after.hit - before.hit).toBeGreaterThanOrEqual(1);
  });

  type Rows = { product: { name: string }; billingAccount: { name: string }; available: number }[];
  const availableOf = (rows: Rows, product: string) =>
    rows.find((row) => row.product.name === product)?.available;
  const products = (rows: Rows) => new Set(rows.map((row) => row.product.name));
  const accounts = (rows: Rows) => new Set(rows.map((row) => row.billingAccount.name));

  it.each<[string, string, (rows: Rows | null, old: Rows) => void]>([
    [
      'an inventory quantity',
      `UPDATE inventory_line SET quantity = quantity + 7
        WHERE customer_id = $customer AND product_id = (SELECT id FROM product WHERE name = 'Basic User With VM')`,
      (rows, old) =>
        expect(availableOf(rows!, 'Basic User With VM')).toBe(
          availableOf(old, 'Basic User With VM')! + 7,
        ),
    ],
    [
      'a product’s name',
      `UPDATE product SET name = 'Basic User (2027)' WHERE name = 'Basic User'`,
      (rows) => {
        expect(products(rows!)).toContain('Basic User (2027)');
        expect(products(rows!)).not.toContain('Basic User');
      },
    ],
    [
      'a new billing account',
      `INSERT INTO billing_account (id, customer_id, name) VALUES (gen_random_uuid(), $customer, 'Branch Office')`,
      (rows, old) => {
        expect(accounts(rows!)).toContain('Branch Office');
        expect(accounts(old)).not.toContain('Branch Office');
      },
    ],
    [
      'the customer’s reseller',
      `UPDATE customer SET reseller_id = (SELECT id FROM organization WHERE name = 'RS-Other')
        WHERE id = $customer`,
      // rich's organisation no longer sells to it: the full pipeline finds no such customer.
      (rows) => expect(rows).toBeNull(),
    ],
  ])('sees a change of %s made in plain SQL on the next read', async (_what, write, expectSeen) => {
    const old = (await gridOf(verticalDemo))!;
    expect(await gridOf(verticalDemo)).toEqual(old); // kept now
    const hits = (await cacheCounts()).hit;
    await sql(write.replaceAll('$customer', `'${uuidOf(verticalDemo)}'`));
    expectSeen(await gridOf(verticalDemo), old);
    expect((await cacheCounts()).hit).toBe(hits); // answered by the full pipeline
    await restore();
  });

  it('sees an add-on enabled in the agreement (a pivot table, read into the version itself)', async () => {
    const orderable = async () =>
      (await gridOf(acme))!.find((row) => row.product.name === 'Awareness Training')?.orderable;
    expect(await orderable()).toBe(false);
    expect(await orderable()).toBe(false);
    await sql(
      `INSERT INTO agreement_add_on (agreement_id, product_id)
       SELECT a.id, p.id FROM agreement a, product p, customer c
        WHERE c.name = 'Acme Mail' AND a.reseller_id = c.reseller_id AND a.vendor_id = c.vendor_id
          AND p.name = 'Awareness Training'`,
    );
    expect(await orderable()).toBe(true);
    await sql(
      `DELETE FROM agreement_add_on WHERE product_id = (SELECT id FROM product WHERE name = 'Awareness Training')`,
    );
    expect(await orderable()).toBe(false);
  });

  it('never gives one viewer’s answer to another who sends the same body', async () => {
    const other = await Api.as(server, USERS.other);
    await post(gridBody(verticalDemo));
    await post(gridBody(verticalDemo));
    const theirs = await post(gridBody(verticalDemo), other.token);
    expect(theirs.status).toBe(200);
    expect(JSON.parse(theirs.text)).toEqual({ data: { customer: null } });
  });

  it('refuses a revoked API key even for a body it answered before', async () => {
    const payload = await rich.mutate(CREATE_API_KEY, { name: 'Grid poller', scopes: ['READ'] });
    expectOk(payload);
    const secret = payload.secret as string;
    const first = await post(gridBody(verticalDemo), secret);
    expect((await post(gridBody(verticalDemo), secret)).text).toBe(first.text);
    await rich.call(REVOKE_API_KEY, { id: (payload.apiKey as { id: string }).id });
    const after = await post(gridBody(verticalDemo), secret);
    expect(JSON.parse(after.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a body that is not JSON, as the full pipeline does', async () => {
    for (const body of ['not json', '{"query": ', '"a string"']) {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toEqual({
        errors: [
          { message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } },
        ],
      });
    }
  });

  it('hands on what it may not answer: other fields, mutations, other operations', async () => {
    const before = await cacheCounts();
    const withPrices = `query ($id: ID!) { customer(id: $id) { id contacts { name } } }`;
    for (let i = 0; i < 2; i++) {
      const answer = await post(
        JSON.stringify({ query: withPrices, variables: { id: verticalDemo } }),
      );
      expect(JSON.parse(answer.text).data.customer.contacts).toBeInstanceOf(Array);
    }
    const batched = await post(
      JSON.stringify([{ query: LICENSE_GRID, variables: { id: verticalDemo } }]),
    );
    expect(batched.status).toBe(400);
    expect(await cacheCounts()).toEqual(before);
  });
});

describe('what every request goes through', () => {
  it('charges answers from memory to the client’s rate, and keeps the caller’s request id', async () => {
    const limited = await createTestServer({ env: { RATE_LIMIT_RPS: '3' } });
    try {
      const api = await Api.as(limited, USERS.rich);
      const id = await api.customerId('Vertical Demo');
      const statuses: number[] = [];
      // Eight within well under two seconds: at most two windows of 3, so some are refused.
      for (let i = 0; i < 8; i++) {
        const response = await fetch(limited.graphqlUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${api.token}`,
            'x-request-id': `trace-${i}`,
          },
          body: gridBody(id),
        });
        expect(response.headers.get('x-request-id')).toBe(`trace-${i}`);
        const answer = (await response.json()) as { errors?: { extensions: { code: string } }[] };
        if (response.status === 429)
          expect(answer.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
        statuses.push(response.status);
      }
      expect(statuses).toContain(429);
      expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});

describe('with RESPONSE_CACHE_MB=0', () => {
  it('answers every grid through the full pipeline', async () => {
    const off = await createTestServer({ env: { RESPONSE_CACHE_MB: '0' } });
    try {
      const api = await Api.as(off, USERS.rich);
      const id = await api.customerId('Vertical Demo');
      const first = await api.grid(id);
      expect(await api.grid(id)).toEqual(first);
      const text = await (await fetch(`${off.url}/metrics`)).text();
      expect(text).not.toMatch(/^portal_response_cache_reads_total\{/m);
    } finally {
      await off.close();
    }
  });
});

/** A customer's grid rows as rich reads them (through the cache), or null when rich cannot. */
async function gridOf(customerId: string) {
  const answer = await post(gridBody(customerId));
  const customer = JSON.parse(answer.text).data.customer as {
    licenses: {
      product: { name: string };
      billingAccount: { name: string };
      available: number;
      orderable: boolean;
    }[];
  } | null;
  return customer?.licenses ?? null;
}

/** The database key behind a global id. */
function uuidOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
}

/** Puts Vertical Demo back as the demo data has it, for the next case. */
async function restore(): Promise<void> {
  await sql(`UPDATE product SET name = 'Basic User' WHERE name = 'Basic User (2027)'`);
  await sql(`DELETE FROM billing_account WHERE name = 'Branch Office'`);
  await sql(
    `UPDATE customer SET reseller_id = (SELECT id FROM organization WHERE name = 'RS-Vertical') WHERE name = 'Vertical Demo'`,
  );
}
