/**
 * Many requests at once, over HTTP against one server: an order moves once however many
 * ask (the order's row is locked for each write), idempotency keys make retries safe even
 * when they race, and order numbers stay unique and increasing.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Api, expectOk, expectRefused, USERS, type Payload } from '../helpers/api.js';
import {
  ADD_CONTACT,
  APPROVE,
  CANCEL,
  CREATE_ORDER,
  FINAL_CONFIRM,
  PENDING_ALERTS,
} from '../helpers/documents.js';
import {
  approvedOrder,
  draftOrder,
  historyTypes,
  observe,
  outcomes,
  quantities,
  readOrder,
  submit,
  submittedOrder,
} from '../helpers/orders.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let rich: Api;
let kim: Api;
let other: Api;
let verticalDemoId: string;

beforeAll(async () => {
  server = await createTestServer();
  [rich, kim, other] = await Promise.all([
    Api.as(server, USERS.rich),
    Api.as(server, USERS.kim),
    Api.as(server, USERS.other),
  ]);
  verticalDemoId = await rich.customerId('Vertical Demo');
});
afterAll(() => server.close());

/** `count` copies of one request, all sent before any answer is awaited. */
function burst(count: number, request: (i: number) => Promise<Payload>): Promise<Payload[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => request(i)));
}

const count = (types: string[], type: string) => types.filter((t) => t === type).length;

/** The kinds of `api`'s pending alerts about one order. */
async function alertKinds(api: Api, orderId: string): Promise<string[]> {
  const { pendingAlerts } = await api.call<{
    pendingAlerts: { kind: string; order: { id: string } }[];
  }>(PENDING_ALERTS);
  return pendingAlerts.filter((alert) => alert.order.id === orderId).map((alert) => alert.kind);
}

describe('racing transitions: one wins, the rest are INVALID_TRANSITION', () => {
  it('20 Final Confirms of one APPROVED order at once: the inventory moves once', async () => {
    const order = await approvedOrder(rich, kim, 'Vertical Demo', {
      'Premium PLUS IPECS ONE USER': 2,
    });
    const before = await quantities(rich, verticalDemoId);

    const payloads = await burst(20, () => rich.mutate(FINAL_CONFIRM, { orderId: order.id }));

    const { succeeded, refusedWith } = outcomes(payloads);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.order).toMatchObject({ status: 'CONFIRMED' });
    expect(refusedWith).toEqual(Array(19).fill('INVALID_TRANSITION'));
    expect(await quantities(rich, verticalDemoId)).toEqual({
      ...before,
      'Premium PLUS IPECS ONE USER': before['Premium PLUS IPECS ONE USER']! + 2,
    });
    expect(count(await historyTypes(rich, order.id), 'CONFIRMED')).toBe(1);
  });

  it('10 approvals of one SUBMITTED order at once: one applies, one alert is raised', async () => {
    const order = await submittedOrder(rich, 'Vertical Demo', { 'Premium UC User': 1 });

    const payloads = await burst(10, (i) =>
      kim.mutate(APPROVE, { orderId: order.id, comment: `Approval ${i}` }),
    );

    const { succeeded, refusedWith } = outcomes(payloads);
    expect(succeeded).toHaveLength(1);
    expect(refusedWith).toEqual(Array(9).fill('INVALID_TRANSITION'));
    const winner = succeeded[0]!.order!;
    expect(await readOrder(rich, order.id)).toMatchObject({
      status: 'APPROVED',
      version: order.version + 1,
      approvalComment: winner.approvalComment,
    });
    expect(count(await historyTypes(rich, order.id), 'APPROVED')).toBe(1);
    expect(await alertKinds(rich, order.id)).toEqual(['ORDER_TO_CONFIRM']);
  });
});

describe('idempotency keys: a retry gets the first outcome instead of acting twice', () => {
  it('submit twice with one key: the same submitted order, one SUBMITTED event', async () => {
    const draft = await draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    const idempotencyKey = randomUUID();

    const first = await submit(rich, draft, { idempotencyKey });
    const retry = await submit(rich, draft, { idempotencyKey });

    expectOk(first);
    expectOk(retry);
    expect(first.order).toMatchObject({ id: draft.id, status: 'SUBMITTED' });
    expect(retry.order).toMatchObject({
      id: draft.id,
      number: first.order!.number,
      status: 'SUBMITTED',
      version: first.order!.version,
      submittedAt: first.order!.submittedAt,
    });
    expect(count(await historyTypes(rich, draft.id), 'SUBMITTED')).toBe(1);
    expect(await alertKinds(kim, draft.id)).toEqual(['ORDER_SUBMITTED']);

    // A field sent as null is the same request as the field left out.
    const retryWithNull = await submit(rich, draft, { idempotencyKey, expectedVersion: null });
    expectOk(retryWithNull);
    expect(retryWithNull.order).toMatchObject({ id: draft.id, version: first.order!.version });

    // Without a key, a second submit is a second attempt, and the order is no draft any more.
    expectRefused(await submit(rich, draft), 'INVALID_TRANSITION');
  });

  /** How many of the newest 100 orders have this title (a test's own orders are the newest). */
  async function ordersTitled(title: string): Promise<number> {
    const { changeOrders } = await rich.call<{
      changeOrders: { edges: { node: { title: string } }[] };
    }>(`{ changeOrders(first: 100) { edges { node { title } } } }`);
    return changeOrders.edges.filter((edge) => edge.node.title === title).length;
  }

  it('createChangeOrder twice with one key: one draft, returned both times', async () => {
    const idempotencyKey = randomUUID();
    const title = `Made once ${idempotencyKey.slice(0, 8)}`;
    const input = { customerId: verticalDemoId, title, idempotencyKey };

    const first = await rich.mutate(CREATE_ORDER, input);
    const retry = await rich.mutate(CREATE_ORDER, input);

    expectOk(first);
    expectOk(retry);
    expect(retry.order).toMatchObject({
      id: first.order!.id,
      number: first.order!.number,
      status: 'DRAFT',
    });
    expect(await ordersTitled(title)).toBe(1);
    expect(count(await historyTypes(rich, first.order!.id as string), 'CREATED')).toBe(1);

    // The same key with another title is refused, and makes nothing.
    const other = await rich.mutate(CREATE_ORDER, { ...input, title: `${title} again` });
    expectRefused(other, 'VALIDATION');
    expect(other.userErrors[0]!.field).toEqual(['idempotencyKey']);
    expect(await ordersTitled(`${title} again`)).toBe(0);
  });

  it('10 createChangeOrders with one key at once: all answer with the one draft made', async () => {
    const idempotencyKey = randomUUID();
    const title = `Made once in a race ${idempotencyKey.slice(0, 8)}`;

    const payloads = await burst(10, () =>
      rich.mutate(CREATE_ORDER, { customerId: verticalDemoId, title, idempotencyKey }),
    );

    expect(outcomes(payloads).succeeded).toHaveLength(10);
    expect(new Set(payloads.map((payload) => payload.order!.id)).size).toBe(1);
    expect(await ordersTitled(title)).toBe(1);
  });

  it('cancelChangeOrder twice with one key: both CANCELLED, one CANCELLED event', async () => {
    const draft = await draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    const idempotencyKey = randomUUID();

    const first = await rich.mutate(CANCEL, { orderId: draft.id, idempotencyKey });
    const retry = await rich.mutate(CANCEL, { orderId: draft.id, idempotencyKey });

    expectOk(first);
    expectOk(retry);
    expect(retry.order).toMatchObject({
      id: draft.id,
      status: 'CANCELLED',
      version: first.order!.version,
    });
    expect(count(await historyTypes(rich, draft.id), 'CANCELLED')).toBe(1);
    // Without the key, cancelling a cancelled order is refused.
    expectRefused(await rich.mutate(CANCEL, { orderId: draft.id }), 'INVALID_TRANSITION');
  });

  it('the same key with another input is VALIDATION on idempotencyKey', async () => {
    const first = await draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    const second = await draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    const idempotencyKey = randomUUID();
    expectOk(await submit(rich, first, { idempotencyKey }));

    const before = await observe(rich, second);
    const otherOrder = await submit(rich, second, { idempotencyKey });
    expectRefused(otherOrder, 'VALIDATION');
    expect(otherOrder.userErrors[0]!.field).toEqual(['idempotencyKey']);
    expect(await observe(rich, second)).toEqual(before);

    const otherTicks = await submit(rich, first, { idempotencyKey, expectedVersion: 2 });
    expectRefused(otherTicks, 'VALIDATION');
    expect(otherTicks.userErrors[0]!.field).toEqual(['idempotencyKey']);

    // Keys are per operation: the same key on Final Confirm is a new request.
    expectRefused(
      await rich.mutate(FINAL_CONFIRM, { orderId: first.id, idempotencyKey }),
      'INVALID_TRANSITION',
    );
  });

  it('10 submits with one key at once: all answer with the same order, one SUBMITTED event', async () => {
    const draft = await draftOrder(rich, 'Vertical Demo', { 'Basic User & no VM': 1 });
    const idempotencyKey = randomUUID();

    const payloads = await burst(10, () => submit(rich, draft, { idempotencyKey }));

    const { succeeded } = outcomes(payloads);
    expect(succeeded).toHaveLength(10);
    for (const payload of payloads) {
      expect(payload.order).toMatchObject({ id: draft.id, status: 'SUBMITTED', version: 3 });
    }
    expect(count(await historyTypes(rich, draft.id), 'SUBMITTED')).toBe(1);
    expect(await alertKinds(kim, draft.id)).toEqual(['ORDER_SUBMITTED']);
  });

  it('Final Confirm twice with one key: both CONFIRMED, the inventory moves once', async () => {
    const order = await approvedOrder(rich, kim, 'Vertical Demo', { 'Stand Alone VM': 3 });
    const before = await quantities(rich, verticalDemoId);
    const idempotencyKey = randomUUID();

    const first = await rich.mutate(FINAL_CONFIRM, { orderId: order.id, idempotencyKey });
    const retry = await rich.mutate(FINAL_CONFIRM, { orderId: order.id, idempotencyKey });

    expectOk(first);
    expectOk(retry);
    expect(retry.order).toMatchObject({
      id: order.id,
      status: 'CONFIRMED',
      version: first.order!.version,
      confirmedAt: first.order!.confirmedAt,
    });
    expect(await quantities(rich, verticalDemoId)).toEqual({
      ...before,
      'Stand Alone VM': before['Stand Alone VM']! + 3,
    });
    expect(count(await historyTypes(rich, order.id), 'CONFIRMED')).toBe(1);

    // The key belongs to that order now.
    const another = await approvedOrder(rich, kim, 'Vertical Demo', { 'Stand Alone VM': 1 });
    const reused = await rich.mutate(FINAL_CONFIRM, { orderId: another.id, idempotencyKey });
    expectRefused(reused, 'VALIDATION');
    expect(reused.userErrors[0]!.field).toEqual(['idempotencyKey']);
    expect((await readOrder(rich, another.id))!.status).toBe('APPROVED');
  });

  it('10 Final Confirms with one key at once: all CONFIRMED, the inventory moves once', async () => {
    const order = await approvedOrder(rich, kim, 'Vertical Demo', {
      'Skype for Business 2010 RCCV': 5,
    });
    const before = await quantities(rich, verticalDemoId);
    const idempotencyKey = randomUUID();

    const payloads = await burst(10, () =>
      rich.mutate(FINAL_CONFIRM, { orderId: order.id, idempotencyKey }),
    );

    expect(outcomes(payloads).succeeded).toHaveLength(10);
    for (const payload of payloads) {
      expect(payload.order).toMatchObject({ id: order.id, status: 'CONFIRMED' });
    }
    expect(await quantities(rich, verticalDemoId)).toEqual({
      ...before,
      'Skype for Business 2010 RCCV': before['Skype for Business 2010 RCCV']! + 5,
    });
    expect(count(await historyTypes(rich, order.id), 'CONFIRMED')).toBe(1);
  });
});

/** A transaction of its own holding Vertical Demo's row as a Final Confirm does. */
async function holdVerticalDemo(): Promise<pg.Client> {
  const holder = new pg.Client({ connectionString: server.databaseUrl });
  await holder.connect();
  await holder.query('BEGIN');
  // NO KEY UPDATE is the lock a Final Confirm takes. It does not conflict with the KEY
  // SHARE locks that inserts referencing the customer take, so only a lock on the
  // customer's row itself makes a write wait.
  await holder.query(`SELECT 1 FROM customer WHERE name = 'Vertical Demo' FOR NO KEY UPDATE`);
  return holder;
}

/** Transactions of this test's database waiting for a lock (seen from `holder`). */
async function waitingForLocks(holder: pg.Client): Promise<number> {
  const { rows } = await holder.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.waiting;
}

/** `write`'s outcome, or a failure as soon as any transaction waits for a lock meanwhile. */
async function withoutWaiting<T>(holder: pg.Client, write: Promise<T>): Promise<T> {
  let settled = false;
  const outcome = write.finally(() => (settled = true));
  while (!settled) {
    if ((await waitingForLocks(holder)) > 0)
      throw new Error("a write waited for the customer's row");
    await Promise.race([outcome.catch(() => undefined), new Promise((r) => setTimeout(r, 20))]);
  }
  return outcome;
}

describe("the Final Confirms of one customer's orders run one at a time", () => {
  // A Final Confirm locks the order's customer row with the order. Without that, two Final
  // Confirms of one customer whose seat moves lock inventory rows in opposite orders could
  // deadlock; a deadlock itself is a matter of timing, so this tests the lock instead.
  it("a Final Confirm waits while another transaction holds the customer's row; other customers' do not", async () => {
    const vertical = await approvedOrder(rich, kim, 'Vertical Demo', { 'Basic User': 1 });
    const elsewhere = await approvedOrder(other, kim, 'Other Co', { 'Basic User': 1 });
    const holder = await holdVerticalDemo();
    try {
      let settled = false;
      const waiting = rich.mutate(FINAL_CONFIRM, { orderId: vertical.id }).finally(() => {
        settled = true;
      });
      await vi.waitFor(async () => expect(await waitingForLocks(holder)).toBe(1), {
        timeout: 10_000,
        interval: 20,
      });

      const unrelated = await other.mutate(FINAL_CONFIRM, { orderId: elsewhere.id });
      expectOk(unrelated);
      expect(settled).toBe(false);

      await holder.query('ROLLBACK');
      const confirmed = await waiting;
      expectOk(confirmed);
      expect(confirmed.order).toMatchObject({ status: 'CONFIRMED' });
    } finally {
      await holder.end();
    }
  });

  it("a Final Confirm holds its customer's row against other confirms, not against inserts that reference it", async () => {
    const order = await approvedOrder(rich, kim, 'Vertical Demo', { 'Basic User': 1 });
    const holder = new pg.Client({ connectionString: server.databaseUrl });
    const probe = new pg.Client({ connectionString: server.databaseUrl });
    await Promise.all([holder.connect(), probe.connect()]);
    const customerRow = `SELECT 1 FROM customer WHERE name = 'Vertical Demo'`;
    try {
      // The customer's inventory rows held: the confirm stops after locking its order and
      // customer, when it goes to lock them.
      await holder.query('BEGIN');
      await holder.query(
        `SELECT 1 FROM inventory_line
          WHERE customer_id = (SELECT id FROM customer WHERE name = 'Vertical Demo') FOR UPDATE`,
      );
      const confirming = rich.mutate(FINAL_CONFIRM, { orderId: order.id });
      await vi.waitFor(async () => expect(await waitingForLocks(holder)).toBe(1), {
        timeout: 10_000,
        interval: 20,
      });
      // Another confirm's lock would wait; an insert's KEY SHARE (an order event of another
      // order of the customer, written under the event lock this confirm is about to wait
      // for) must not, or the two would deadlock.
      await expect(probe.query(`${customerRow} FOR NO KEY UPDATE NOWAIT`)).rejects.toThrow(
        /could not obtain lock/,
      );
      await probe.query(`${customerRow} FOR KEY SHARE NOWAIT`);

      await holder.query('ROLLBACK');
      expectOk(await confirming);
    } finally {
      await Promise.all([holder.end(), probe.end()]);
    }
  });
});

describe("the other writes of a customer's orders do not wait for its Final Confirm", () => {
  // They change only their own order, so they lock only its row: with the customer's row
  // locked too, every submit of one customer waited for the one before it, and the bench's
  // submits all ran one at a time.
  it("drafts are submitted, and submitted orders approved, while the customer's row is held", async () => {
    const [draft, submitted] = await Promise.all([
      draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 }),
      submittedOrder(rich, 'Vertical Demo', { 'Basic User': 1 }),
    ]);
    const holder = await holdVerticalDemo();
    try {
      expectOk(await withoutWaiting(holder, submit(rich, draft)));
      expectOk(await withoutWaiting(holder, kim.mutate(APPROVE, { orderId: submitted.id })));
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect((await readOrder(rich, draft.id))!.status).toBe('SUBMITTED');
    expect((await readOrder(rich, submitted.id))!.status).toBe('APPROVED');
  });
});

describe('contacts', () => {
  it('10 adds of one e-mail address to a customer at once: one contact, the rest VALIDATION', async () => {
    const customerId = await rich.customerId('Acme Mail');
    const email = `race-${randomUUID()}@acme-mail.example`;
    const payloads = await burst(10, (i) =>
      rich.mutate(ADD_CONTACT, { customerId, name: `Racer ${i}`, email }),
    );
    const { succeeded, refusedWith } = outcomes(payloads);
    expect(succeeded).toHaveLength(1);
    expect(refusedWith).toEqual(Array(9).fill('VALIDATION'));
    for (const refused of payloads.filter((payload) => payload.userErrors.length > 0)) {
      expect(refused.userErrors[0]!.field).toEqual(['email']);
    }
  });
});

describe('order numbers', () => {
  it('are unique and increasing across concurrent creates', async () => {
    const create = async (api: Api, customer: string) => {
      const payload = await api.mutate(CREATE_ORDER, {
        customerId: await api.customerId(customer),
        title: 'Numbered',
      });
      expectOk(payload);
      return payload.order!.number as number;
    };
    const first = await create(rich, 'Vertical Demo');

    const numbers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0
          ? create(other, 'Other Co')
          : create(rich, i % 3 === 1 ? 'Vertical Demo' : 'Acme Mail'),
      ),
    );

    const last = await create(rich, 'Acme Mail');
    expect(first).toBeGreaterThanOrEqual(500001);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) {
      expect(number).toBeGreaterThan(first);
      expect(number).toBeLessThan(last);
    }
  });
});
