/**
 * Crash: a mixed load (the reseller creating, submitting, cancelling and Final-Confirming
 * orders, two vendors approving and rejecting them, a reseller and a vendor watching
 * `orderEvents`) while the server is killed with SIGKILL and restarted on the same database,
 * five times, each at a fixed point of the run chosen by what the run observes (never a
 * timer). Afterwards: every order ended as planned, with its documents kept once; every
 * inventory line is its demo value plus the deltas of the CONFIRMED orders; each subscriber,
 * resuming after every kill with `afterSequence`, got every committed event it may see exactly
 * once and in order; the outbox holds the mails the events call for, once each, and every one
 * reached the SMTP server (under one Message-ID, however often it was sent).
 *
 * A request in flight when its process dies may or may not have acted, so the load's
 * clients do what a careful client must: re-read the order and go on from what they find,
 * or send the same request again with the same idempotency key (submit, Final Confirm) or
 * with the version they just read (approve, reject, cancel), so that nothing acts twice.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SmtpCatcher } from '../../server/test/helpers/smtp.js';
import {
  Channel,
  CrashingPortal,
  keyOf,
  LOST,
  pollUntil,
  ResumingSubscriber,
  Session,
  within,
  type Generation,
  type LoadStats,
  type SeenEvent,
} from '../helpers/mixed-load.js';
import { startSharedDatabase } from '../helpers/shared-database.js';

const VERTICAL = 'Vertical Demo';
const ACME = 'Acme Mail';
type Fate = 'CONFIRMED' | 'REJECTED' | 'CANCELLED';
interface Planned {
  title: string;
  customer: typeof VERTICAL | typeof ACME;
  /** Product name → Order(+/-). */
  lines: Record<string, number>;
  /** How it ends. */
  fate: Fate;
}

/**
 * The run's orders, in the order the reseller takes them up. Negative deltas stay within what
 * the demo grid holds whichever orders are confirmed first, so no Final Confirm can meet
 * INVENTORY_CHANGED and every order ends as planned.
 */
const PLAN: Planned[] = (
  [
    [VERTICAL, { 'Basic User': 2 }, 'CONFIRMED'],
    [ACME, { 'Email Security Essentials': 5 }, 'CONFIRMED'],
    [VERTICAL, { 'Premium PLUS IPECS ONE USER': -1, 'Stand Alone VM': 1 }, 'CONFIRMED'],
    [VERTICAL, { 'Premium IPECS ONE USER': 3 }, 'REJECTED'],
    [ACME, { 'Email Security Essentials': -3 }, 'CONFIRMED'],
    [VERTICAL, { 'Basic User With VM': -2, 'Premium UC User': 2 }, 'CONFIRMED'],
    [VERTICAL, { 'Stand Alone VM': -1 }, 'CONFIRMED'],
    [ACME, { Archive: 10 }, 'CONFIRMED'],
    [VERTICAL, { 'Skype for Business 2010 RCCV': 1 }, 'CANCELLED'],
    [VERTICAL, { 'Premium PLUS IPECS ONE USER': -2, 'Basic User': 2 }, 'CONFIRMED'],
    [ACME, { 'Email Security Essentials': 2 }, 'REJECTED'],
    [VERTICAL, { 'Basic User & no VM': 4 }, 'CONFIRMED'],
    [VERTICAL, { 'Premium IPECS ONE USER': -3 }, 'CONFIRMED'],
    [ACME, { 'Email Security Essentials': -1, Archive: 2 }, 'CONFIRMED'],
    [VERTICAL, { 'Basic User With VM': 1 }, 'CONFIRMED'],
    [VERTICAL, { 'Premium UC User': 1, 'Basic User': 1 }, 'CONFIRMED'],
    [ACME, { Archive: 1 }, 'CANCELLED'],
    [VERTICAL, { 'Premium PLUS IPECS ONE USER': -1 }, 'CONFIRMED'],
    [VERTICAL, { 'Skype for Business 2010 RCCV': 2 }, 'CONFIRMED'],
    [VERTICAL, { 'Basic User With VM': -1, 'Stand Alone VM': 2 }, 'REJECTED'],
  ] satisfies [Planned['customer'], Planned['lines'], Fate][]
).map(([customer, lines, fate], index) => ({ title: `Crash ${index + 1}`, customer, lines, fate }));

const RICH = 'rich@rs-vertical.example';
const LEAD = 'lead@acme-mail.example';
/** The mail claim lease: a mail a killed process was sending goes out again after this. */
const MAIL_LEASE_MS = 2_000;

/** A line of the server's SQL log (LOG_LEVEL debug, JSON: quotes come escaped). */
const MAIL_INSERT = /\[query\] insert into \\"mail_message\\"/;

const CUSTOMER = `query($name: String!) { customers(search: $name) { edges { node {
  id name licenses { product { id name } billingAccount { id } available } } } } }`;
const CUSTOMER_ORDERS = `query($id: ID!) { customer(id: $id) {
  changeOrders(first: 100) { edges { node { id title status } } } } }`;
const ORDER_STATE = 'query($id: ID!) { changeOrder(id: $id) { id status version } }';
const PAYLOAD = 'order { id status version } userErrors { code message field }';
const CREATE = `mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { ${PAYLOAD} } }`;
const SET_LINES = `mutation($i: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $i) { ${PAYLOAD} } }`;
const SUBMIT = `mutation($i: SubmitChangeOrderInput!) { submitChangeOrder(input: $i) { ${PAYLOAD} } }`;
const CANCEL = `mutation($i: OrderRefInput!) { cancelChangeOrder(input: $i) { ${PAYLOAD} } }`;
const APPROVE = `mutation($i: OrderDecisionInput!) { approveChangeOrder(input: $i) { ${PAYLOAD} } }`;
const REJECT = `mutation($i: OrderDecisionInput!) { rejectChangeOrder(input: $i) { ${PAYLOAD} } }`;
const FINAL_CONFIRM = `mutation($i: OrderRefInput!) { finalConfirmChangeOrder(input: $i) { ${PAYLOAD} } }`;

interface Grid {
  id: string;
  /** Product name → the ids a line needs. */
  lines: Map<string, { productId: string; billingAccountId: string }>;
}

let database: Awaited<ReturnType<typeof startSharedDatabase>>;
let smtp: SmtpCatcher;
let db: pg.Client;
let portal: CrashingPortal;
const subscribers: ResumingSubscriber[] = [];

beforeAll(async () => {
  [database, smtp] = await Promise.all([startSharedDatabase(), new SmtpCatcher().start()]);
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  portal = new CrashingPortal({
    DATABASE_URL: database.url,
    JWT_SECRET: 'e2e-crash-secret-of-at-least-32-characters',
    SMTP_URL: smtp.url,
    MAIL_RETRY_MS: '50',
    MAIL_LEASE_MS: String(MAIL_LEASE_MS),
    RATE_LIMIT_RPS: '0',
    // SQL at debug: the kills below fire on statements as the server runs them.
    LOG_LEVEL: 'debug',
  });
});

afterAll(async () => {
  for (const subscriber of subscribers) await subscriber.stop();
  await portal?.stop();
  await db?.end();
  await smtp?.close();
  await database?.stop();
});

/** The payload of a mutation that must have been accepted as asked. */
function accepted(data: Record<string, any>, status: string, what: string) {
  const payload = Object.values(data)[0];
  expect(payload.userErrors, what).toEqual([]);
  expect(payload.order.status, what).toBe(status);
  return payload.order as { id: string; status: string; version: number };
}

async function grid(session: Session, name: string): Promise<Grid> {
  const data = await session.read(CUSTOMER, { name });
  const customer = data.customers.edges.find((edge: any) => edge.node.name === name).node;
  return {
    id: customer.id,
    lines: new Map(
      customer.licenses.map((line: any) => [
        line.product.name,
        { productId: line.product.id, billingAccountId: line.billingAccount.id },
      ]),
    ),
  };
}

/** Every inventory line in the database, by customer, product and billing account. */
async function inventory(): Promise<Map<string, number>> {
  const { rows } = await db.query<{ key: string; quantity: number }>(
    `SELECT customer_id || ':' || product_id || ':' || billing_account_id AS key, quantity
     FROM inventory_line`,
  );
  return new Map(rows.map((row) => [row.key, row.quantity]));
}

it('keeps inventory, events and mail right through five SIGKILLs under a mixed load', async () => {
  const began = Date.now();
  await portal.start();
  const stats: LoadStats = { requests: 0, lost: [] };
  const recovered = { create: 0, decision: 0, keyedRetries: 0 };
  const [rich, kim, morgan] = await Promise.all(
    [RICH, 'kim@vertical.example', 'approver@mimecast.example'].map((email) =>
      new Session(portal, email, stats).login(),
    ),
  );
  const grids = { [VERTICAL]: await grid(rich!, VERTICAL), [ACME]: await grid(rich!, ACME) };
  const before = await inventory(); // the demo values, before any order

  const resellerEvents = new ResumingSubscriber(portal, rich!.bearer, 'rich');
  const vendorEvents = new ResumingSubscriber(portal, kim!.bearer, 'kim');
  subscribers.push(resellerEvents, vendorEvents);
  for (const subscriber of subscribers) subscriber.start();

  // The operations, each safe against a crash under it.
  async function create(order: Planned): Promise<string> {
    const customerId = grids[order.customer].id;
    for (;;) {
      const data = await rich!.attempt(CREATE, { i: { customerId, title: order.title } });
      if (data !== LOST) return accepted(data, 'DRAFT', order.title).id;
      // No key for a create: did it commit before the crash? Titles are unique in the run.
      const found = await rich!.read(CUSTOMER_ORDERS, { id: customerId });
      const mine = found.customer.changeOrders.edges.find(
        (edge: any) => edge.node.title === order.title,
      );
      if (mine) {
        recovered.create++;
        return mine.node.id;
      }
    }
  }

  /** Sends a keyed (or naturally repeatable) mutation again until a process answers it. */
  async function untilAnswered(session: Session, mutation: string, input: object) {
    for (;;) {
      const data = await session.attempt(mutation, { i: input });
      if (data !== LOST) return data;
      recovered.keyedRetries++;
    }
  }

  /** Approve, reject or cancel: no key, so after a crash re-read, then act on the version read. */
  async function decide(
    session: Session,
    mutation: string,
    orderId: string,
    to: Fate | 'APPROVED',
    extra: object = {},
  ): Promise<void> {
    let expectedVersion: number | undefined;
    for (;;) {
      const data = await session.attempt(mutation, { i: { orderId, expectedVersion, ...extra } });
      if (data !== LOST) {
        accepted(data, to, `${to} ${orderId}`);
        return;
      }
      const { changeOrder } = await session.read(ORDER_STATE, { id: orderId });
      if (changeOrder.status === to) {
        recovered.decision++;
        return;
      }
      expectedVersion = changeOrder.version;
    }
  }

  async function prepareAndSubmit(order: Planned): Promise<string> {
    const orderId = await create(order);
    const lines = Object.entries(order.lines).map(([name, delta]) => ({
      ...grids[order.customer].lines.get(name)!,
      delta,
    }));
    expect(lines.every((line) => line.productId)).toBe(true);
    // Setting the lines replaces them: repeating it is harmless.
    accepted(await untilAnswered(rich!, SET_LINES, { orderId, lines }), 'DRAFT', order.title);
    const submit = {
      orderId,
      msaAccepted: true,
      authorizationConfirmed: true,
      idempotencyKey: `submit ${order.title}`,
    };
    accepted(await untilAnswered(rich!, SUBMIT, submit), 'SUBMITTED', order.title);
    return orderId;
  }

  async function runLoad(): Promise<void> {
    const queues = { [VERTICAL]: new Channel<string>(), [ACME]: new Channel<string>() };
    const toConfirm = new Channel<string>();
    const fates = new Map<string, Planned>();
    let next = 0;
    const submitter = async () => {
      for (let index = next++; index < PLAN.length; index = next++) {
        const order = PLAN[index]!;
        const orderId = await prepareAndSubmit(order);
        fates.set(orderId, order);
        if (order.fate === 'CANCELLED') await decide(rich!, CANCEL, orderId, 'CANCELLED');
        else queues[order.customer].push(orderId);
      }
    };
    const decider = async (session: Session, queue: Channel<string>) => {
      for await (const orderId of queue) {
        if (fates.get(orderId)!.fate === 'REJECTED') {
          await decide(session, REJECT, orderId, 'REJECTED', { comment: 'Not this one' });
        } else {
          await decide(session, APPROVE, orderId, 'APPROVED');
          toConfirm.push(orderId);
        }
      }
    };
    const confirmer = async () => {
      for await (const orderId of toConfirm) {
        const key = `confirm ${fates.get(orderId)!.title}`;
        const data = await untilAnswered(rich!, FINAL_CONFIRM, { orderId, idempotencyKey: key });
        accepted(data, 'CONFIRMED', key);
      }
    };
    await Promise.all([
      Promise.all([submitter(), submitter()]).finally(() => {
        queues[VERTICAL].close();
        queues[ACME].close();
      }),
      Promise.all([decider(kim!, queues[VERTICAL]), decider(morgan!, queues[ACME])]).finally(() =>
        toConfirm.close(),
      ),
      confirmer(),
    ]);
  }

  // Where the kills fall: each is armed on the process running once the previous restart is
  // ready, and fires (SIGKILL, synchronously) the moment the run observes its point. Other
  // requests of the load are in flight at each of them.
  const answered =
    (operation: string) =>
    (generation: Generation, fire: () => void): void =>
      portal.onAnswer(generation, operation, fire);
  const kills: { point: string; arm: (generation: Generation, fire: () => void) => void }[] = [
    {
      point: 'the SMTP server has accepted a mail the worker has not marked SENT yet',
      arm: (_generation, fire) => {
        const count = smtp.received.length;
        void smtp.until(() => smtp.received.length > count).then(fire);
      },
    },
    // The reseller submits at the front of the run and Final-Confirms to its end: the kills
    // that wait for a kind of request come in that order, so each finds one to come.
    { point: 'a submit has committed (its answer dropped)', arm: answered('submitChangeOrder') },
    {
      point: 'an approval has committed (its answer dropped)',
      arm: answered('approveChangeOrder'),
    },
    {
      // Read from the server's SQL log as it runs: the transaction may or may not commit.
      point: 'an approval or Final Confirm is writing its mail, about to commit',
      arm: (generation, fire) => portal.onLine(generation, MAIL_INSERT, 1, fire),
    },
    {
      point: 'a Final Confirm has committed (its answer dropped)',
      arm: answered('finalConfirmChangeOrder'),
    },
  ];
  const killed: string[] = [];
  async function crashes(loadDone: Promise<boolean>): Promise<void> {
    for (const kill of kills) {
      const generation = await portal.current();
      let sent = 0;
      const fired = new Promise<boolean>((resolve) =>
        kill.arm(generation, () => {
          if (generation.killed) return;
          void portal.crash();
          sent = stats.requests;
          resolve(true);
        }),
      );
      if (!(await Promise.race([fired, loadDone]))) return;
      await portal.current();
      const lost = stats.lost.filter((request) => request.generation === generation.index);
      killed.push(
        `process ${generation.index}, after ${sent} requests, when ${kill.point}: lost ${lost.map((r) => r.operation).join(', ') || 'nothing'}`,
      );
    }
  }

  const load = runLoad().then(() => false);
  await Promise.all([load, crashes(load)]);
  await portal.current(); // the last process is up: the checks below read through it
  const errors = portal.generations.flatMap((generation) =>
    generation.process
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line))
      .map((line) => `  process ${generation.index}: ${line.slice(0, 400)}`),
  );
  console.info(
    [
      `crash suite: ${PLAN.length} orders, ${stats.requests} requests in ${Math.round((Date.now() - began) / 1000)} s`,
      ...killed.map((kill) => `  SIGKILL, ${kill}`),
      `  requests lost to a kill: ${stats.lost.length} (creates found committed: ${recovered.create}, decisions found committed: ${recovered.decision}, resent with key or as is: ${recovered.keyedRetries})`,
      `  server error lines: ${errors.length}`,
      ...errors.slice(0, 10),
    ].join('\n'),
  );
  expect(killed, 'every kill of the plan fell before the load ended').toHaveLength(kills.length);

  // 1. The orders: each planned one exists once, ended as planned, with its lines.
  const { rows: orders } = await db.query<{ title: string; status: string }>(
    'SELECT title, status FROM change_order ORDER BY number',
  );
  expect(orders.map((order) => order.title).sort()).toEqual(
    PLAN.map((order) => order.title).sort(),
  );
  expect(Object.fromEntries(orders.map((order) => [order.title, order.status]))).toEqual(
    Object.fromEntries(PLAN.map((order) => [order.title, order.fate])),
  );
  const { rows: lines } = await db.query<{ title: string; product: string; delta: number }>(
    `SELECT o.title, p.name AS product, l.delta FROM change_order_line l
     JOIN change_order o ON o.id = l.order_id JOIN product p ON p.id = l.product_id`,
  );
  for (const order of PLAN) {
    const stored = lines.filter((line) => line.title === order.title);
    expect(
      Object.fromEntries(stored.map((line) => [line.product, line.delta])),
      order.title,
    ).toEqual(order.lines);
  }
  // Each approved order kept one approval sheet, each confirmed one addendum, whatever was
  // rolled back and done again on the way.
  const { rows: documents } = await db.query<{ title: string; kinds: string[] }>(
    `SELECT o.title, array_agg(a.kind::text ORDER BY a.kind::text) AS kinds
     FROM attachment a JOIN change_order o ON o.id = a.order_id GROUP BY o.title`,
  );
  expect(Object.fromEntries(documents.map((row) => [row.title, row.kinds]))).toEqual(
    Object.fromEntries(
      PLAN.filter((order) => order.fate === 'CONFIRMED').map((order) => [
        order.title,
        ['ADDENDUM', 'APPROVAL_SHEET'],
      ]),
    ),
  );

  // 2. The inventory: the demo value plus the confirmed deltas, line by line; nothing else moved.
  const { rows: confirmed } = await db.query<{ key: string; delta: number }>(
    `SELECT o.customer_id || ':' || l.product_id || ':' || l.billing_account_id AS key,
            sum(l.delta)::int AS delta
     FROM change_order_line l JOIN change_order o ON o.id = l.order_id
     WHERE o.status = 'CONFIRMED' GROUP BY 1`,
  );
  const expected = new Map(before);
  for (const { key, delta } of confirmed) expected.set(key, (expected.get(key) ?? 0) + delta);
  const after = await inventory();
  const keys = [...new Set([...expected.keys(), ...after.keys()])].sort();
  const quantities = (map: Map<string, number>) => keys.map((key) => [key, map.get(key) ?? 0]);
  expect(quantities(after)).toEqual(quantities(expected));
  for (const name of [VERTICAL, ACME]) {
    // …and the API's licence grid says the same.
    const data = await rich!.read(CUSTOMER, { name });
    const customer = data.customers.edges.find((edge: any) => edge.node.name === name).node;
    for (const line of customer.licenses) {
      const key = [customer.id, line.product.id, line.billingAccount.id].map(keyOf).join(':');
      expect(line.available, `${name}: ${line.product.name}`).toBe(expected.get(key) ?? 0);
    }
  }

  // 3. The events: each subscriber got every committed event it may see, once, in order.
  const visible = async (where: string) =>
    (
      await db.query<{ sequence: number; type: string; order_key: string }>(
        `SELECT e.sequence, e.type, e.order_id AS order_key FROM order_event e
         JOIN organization reseller ON reseller.id = e.reseller_id
         JOIN organization vendor ON vendor.id = e.vendor_id
         WHERE ${where} ORDER BY e.sequence`,
      )
    ).rows.map((row): SeenEvent => ({
      sequence: row.sequence,
      type: row.type,
      orderKey: row.order_key,
    }));
  const all = await visible('true');
  const forReseller = await visible(`reseller.name = 'RS-Vertical'`);
  const forVendor = await visible(`vendor.name = 'Vertical' AND e.vendor_visible`);
  expect(forReseller).toEqual(all); // every order of the run is RS-Vertical's
  for (const [subscriber, events] of [
    [resellerEvents, forReseller],
    [vendorEvents, forVendor],
  ] as const) {
    const lastSequence = events.at(-1)!.sequence;
    await within(
      subscriber.until(() => subscriber.lastSequence >= lastSequence),
      20_000,
      `${subscriber.label} catching up to ${lastSequence}`,
    ).catch(() => undefined); // the comparison below says what is missing
    expect(subscriber.received, `${subscriber.label}'s events`).toEqual(events);
    expect(subscriber.resumes, `${subscriber.label} resumed after each kill`).toBe(kills.length);
  }

  // 4. The mail. SMTP gives at-least-once at best: a process killed after the SMTP server
  // accepted a mail and before it marked the row SENT sends it again after the restart (the
  // first kill above does exactly that). Each mail keeps one Message-ID (<row id@…>) however
  // often it goes, so the receiver can tell: every due mail must arrive, and its distinct
  // Message-IDs must be exactly the outbox's rows. Raw repeats are counted, not forbidden.
  // A mail a killed process was sending stays SENDING until its lease (MAIL_LEASE_MS, 2 s
  // here) runs out; the live worker then takes it up, and the wait below covers that.
  const { rows: mails } = await db.query<{
    id: string;
    to: string;
    subject: string;
    event_key: string;
  }>('SELECT id, "to", subject, event_id AS event_key FROM mail_message');
  // The outbox holds exactly the mails the events call for: the approval notice to the order
  // user; at Final Confirm the addendum to the order user and, for Acme Mail, to its lead.
  const mailsByEvent = new Map<string, string[]>();
  for (const mail of mails)
    mailsByEvent.set(mail.event_key, [...(mailsByEvent.get(mail.event_key) ?? []), mail.to]);
  const { rows: mailEvents } = await db.query<{ id: string; type: string; customer: string }>(
    `SELECT e.id, e.type, c.name AS customer FROM order_event e JOIN customer c ON c.id = e.customer_id
     WHERE e.type IN ('APPROVED', 'CONFIRMED')`,
  );
  expect(mailEvents).toHaveLength(PLAN.filter((order) => order.fate === 'CONFIRMED').length * 2);
  let wantedMails = 0;
  for (const event of mailEvents) {
    const wanted =
      event.type === 'CONFIRMED' && event.customer === ACME ? [LEAD, RICH].sort() : [RICH];
    expect((mailsByEvent.get(event.id) ?? []).sort(), `mail of ${event.type}`).toEqual(wanted);
    wantedMails += wanted.length;
  }
  expect(mails).toHaveLength(wantedMails); // and none for any other event

  const messageId = (id: string) => `<${id}@change-order-portal>`;
  const arrived = () => new Set(smtp.received.map((mail) => mail.messageId));
  await within(
    smtp.until(() => mails.every((mail) => arrived().has(messageId(mail.id)))),
    30_000,
    'every mail of the outbox reaching the SMTP server',
  ).catch(() => undefined); // the comparison below says which are missing
  expect([...arrived()].sort()).toEqual(mails.map((mail) => messageId(mail.id)).sort());
  for (const mail of mails) {
    const copies = smtp.received.filter((received) => received.messageId === messageId(mail.id));
    for (const copy of copies) expect(copy.subject).toBe(mail.subject);
  }
  await pollUntil(
    async () =>
      (await db.query(`SELECT 1 FROM mail_message WHERE status IN ('PENDING', 'SENDING')`))
        .rowCount === 0,
    15_000,
    'the outbox marking every mail SENT',
  );
  const { rows: statuses } = await db.query<{ status: string; count: number }>(
    'SELECT status, count(*)::int AS count FROM mail_message GROUP BY status',
  );
  expect(statuses).toEqual([{ status: 'SENT', count: mails.length }]);

  console.info(
    [
      `crash suite: checked in ${Math.round((Date.now() - began) / 1000)} s in all`,
      `  subscriber resumes: ${subscribers.map((s) => `${s.label} ${s.resumes}`).join(', ')}; events: ${all.length}`,
      `  mails: ${mails.length} due, ${smtp.received.length} received, ${smtp.received.length - arrived().size} raw duplicates`,
    ].join('\n'),
  );
});
