/**
 * Abuse: a few hundred malformed or hostile operations against one running server, over
 * HTTP and WebSocket. Whatever comes in: never a 5xx, never a stack trace or an internal
 * error, never another tenant's data; afterwards the database is exactly as before and the
 * server healthy.
 *
 * The server runs with NODE_ENV=production. In development Apollo adds
 * `extensions.stacktrace` to every error, a plain validation error included (checked: a
 * `{ nope }` query answers with a stacktrace there), so "no stack trace" would fail on
 * every refusal and prove nothing. Production is what runs in front of clients; the suite
 * asserts there, separately, that no error is an INTERNAL_SERVER_ERROR (what a crash
 * inside the server becomes) and that no body carries stack-like text (`at …` frames,
 * `.js:12` positions, `node_modules` or `file://` paths) or database internals.
 * Per-client throttling is off (RATE_LIMIT_RPS=0) so every request reaches GraphQL.
 */
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../server/test/helpers/client.js';
import { connected, liveClient } from '../../server/test/helpers/live.js';
import {
  answerProblems,
  HTTP_GROUPS,
  hostileHttpCases,
  jwt,
  send,
  type Fixture,
  type HostileCase,
} from '../helpers/hostile/index.js';
import {
  freePort,
  startPortalProcess,
  stopPortal,
  waitHealthy,
  type PortalProcess,
} from '../helpers/portal-process.js';
import { startSharedDatabase } from '../helpers/shared-database.js';

const JWT_SECRET = 'abuse-suite-secret-of-at-least-32-characters';
/** Requests in flight at once: enough to overlap, few enough for two cores. */
const CONCURRENCY = 4;

let database: Awaited<ReturnType<typeof startSharedDatabase>>;
let portal: PortalProcess;
let graphqlUrl: string;
let wsUrl: string;
let fixture: Fixture;
let cases: HostileCase[];
let before: Record<string, string>;

beforeAll(async () => {
  database = await startSharedDatabase();
  const port = String(await freePort());
  portal = startPortalProcess({
    PORT: port,
    DATABASE_URL: database.url,
    JWT_SECRET,
    RATE_LIMIT_RPS: '0',
    NODE_ENV: 'production',
  });
  await waitHealthy(portal);
  graphqlUrl = `${portal.url}/graphql`;
  wsUrl = `ws://127.0.0.1:${port}/graphql`;
  fixture = await prepare();
  cases = hostileHttpCases(fixture);
  before = await snapshot(database.url);
});

afterAll(async () => {
  if (portal) await stopPortal(portal);
  await database?.stop();
});

// ---------------------------------------------------------------------------------------
// Set-up: real objects of two resellers and a vendor, made through the API

/** Runs one operation, failing on GraphQL errors or userErrors; returns `data`. */
async function act(token: string | undefined, query: string, variables?: Record<string, unknown>) {
  const response = await graphql<Record<string, any>>(graphqlUrl, query, variables, { token });
  if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
  for (const payload of Object.values(response.data ?? {}))
    if (payload?.userErrors?.length)
      throw new Error(`${query}: ${JSON.stringify(payload.userErrors)}`);
  return response.data!;
}

async function login(email: string): Promise<string> {
  const data = await act(
    undefined,
    'mutation($e: String!) { login(email: $e, password: "demo") { token userErrors { code } } }',
    { e: email },
  );
  return data.login.token as string;
}

const keyOf = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1]!;

/**
 * Rich's customer, a DRAFT and an APPROVED order (with its approval sheet, alerts and
 * e-mail), an API key; RS-Other's customer; and the ids of it all.
 */
async function prepare(): Promise<Fixture> {
  const [rich, other, kim] = await Promise.all([
    login('rich@rs-vertical.example'),
    login('other@rs-other.example'),
    login('kim@vertical.example'),
  ]);
  const richViewer = (await act(rich, '{ viewer { user { id } organization { id } } }')).viewer;
  const otherViewer = (await act(other, '{ viewer { organization { id } } }')).viewer;
  const customer = (
    await act(
      rich,
      '{ customers(search: "Vertical Demo") { edges { node { id sites { id } billingAccounts { id } contacts { id } licenses { product { id name } billingAccount { id } } } } } }',
    )
  ).customers.edges[0].node;
  const line = customer.licenses.find((row: any) => row.product.name === 'Stand Alone VM');
  const otherCustomer = (await act(other, '{ customers { edges { node { id name } } } }')).customers
    .edges[0].node;

  const order = async (title: string) => {
    const created = await act(
      rich,
      'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
      { i: { customerId: customer.id, title } },
    );
    const orderId = created.createChangeOrder.order.id as string;
    await act(
      rich,
      'mutation($i: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $i) { order { id } userErrors { code } } }',
      {
        i: {
          orderId,
          lines: [
            { productId: line.product.id, billingAccountId: line.billingAccount.id, delta: 1 },
          ],
        },
      },
    );
    return orderId;
  };
  const approved = await order('Abuse approved order');
  await act(
    rich,
    'mutation($i: SubmitChangeOrderInput!) { submitChangeOrder(input: $i) { order { id } userErrors { code } } }',
    { i: { orderId: approved, msaAccepted: true, authorizationConfirmed: true } },
  );
  await act(
    kim,
    'mutation($i: OrderDecisionInput!) { approveChangeOrder(input: $i) { order { id } userErrors { code } } }',
    { i: { orderId: approved, comment: 'fine' } },
  );
  const draft = await order('Abuse draft order');
  const apiKey = (
    await act(
      rich,
      'mutation { createApiKey(input: { name: "abuse suite", scopes: [READ] }) { apiKey { id } secret userErrors { code } } }',
    )
  ).createApiKey;
  const orders = await act(
    rich,
    `query($d: ID!, $a: ID!) {
      draft: changeOrder(id: $d) { version }
      approved: changeOrder(id: $a) { version documents { id downloadUrl } }
      pendingAlerts { id kind }
      orderEventLog(afterSequence: 0) { id }
    }`,
    { d: draft, a: approved },
  );
  const kimAlerts = (await act(kim, '{ pendingAlerts { id kind } }')).pendingAlerts;
  const sheet = orders.approved.documents[0];
  return {
    tokens: { rich, other, kim },
    jwtSecret: JWT_SECRET,
    apiKeySecret: apiKey.secret,
    ids: {
      richUserKey: keyOf(richViewer.user.id),
      richOrgKey: keyOf(richViewer.organization.id),
      otherOrgKey: keyOf(otherViewer.organization.id),
      customer: customer.id,
      site: customer.sites[0].id,
      billingAccount: line.billingAccount.id,
      contact: customer.contacts[0]?.id ?? null,
      product: line.product.id,
      draft,
      draftVersion: orders.draft.version,
      approved,
      approvedVersion: orders.approved.version,
      richAlert: orders.pendingAlerts.find((alert: any) => alert.kind === 'ORDER_TO_CONFIRM').id,
      kimAlert: kimAlerts.find((alert: any) => alert.kind === 'ORDER_SUBMITTED').id,
      apiKey: apiKey.apiKey.id,
      event: orders.orderEventLog[0].id,
      attachment: sheet.id,
      otherCustomer: otherCustomer.id,
    },
    downloadPath:
      new URL(sheet.downloadUrl, portal.url).pathname +
      new URL(sheet.downloadUrl, portal.url).search,
    verticalSecrets: [
      'Vertical Demo',
      'Abuse draft',
      'Abuse approved',
      'rich@rs-vertical.example',
      'Rich Balazsi',
    ],
    otherSecrets: [otherCustomer.name as string, 'other@rs-other.example'],
  };
}

// ---------------------------------------------------------------------------------------
// The database, table by table

/**
 * Per table of schema public: its row count and an md5 of its rows in a stable order. No
 * table is left out: signing in and reading write nothing (the suite's own logins and the
 * server's relay leave every table as it was), so any difference is a hostile write.
 */
async function snapshot(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name <> 'mikro_orm_migrations'
        ORDER BY table_name`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ count: number; digest: string }>(
        `SELECT count(*)::int AS count,
                md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
           FROM ${pg.escapeIdentifier(name)} t`,
      );
      result[name] = `${rows[0]!.count} rows, md5 ${rows[0]!.digest}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------
// HTTP

const preview = (text: string | Buffer | undefined, length: number) => {
  if (text === undefined) return '';
  const shown = typeof text === 'string' ? text : `<${text.length} bytes>`;
  return shown.length > length ? `${shown.slice(0, length)}… (${shown.length} chars)` : shown;
};

/** Sends every case of a group, CONCURRENCY at a time; returns one line per bad answer. */
async function runGroup(group: string): Promise<{ count: number; failures: string[] }> {
  const ofGroup = cases.filter((one) => one.group === group);
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ofGroup.length) {
      const one = ofGroup[next++]!;
      const answer = await send(portal.url, one.request);
      const problems = answerProblems(answer, one.json ?? true);
      const extra = answer.error ? undefined : one.check?.(answer);
      if (extra) problems.push(extra);
      if (problems.length > 0)
        failures.push(
          `${one.name}: ${problems.join('; ')}\n      ${one.request.method} ${preview(one.request.path, 100)} ${preview(one.request.body, 160)}\n      → ${answer.status} ${preview(answer.text, 300)}`,
        );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { count: ofGroup.length, failures };
}

describe('hostile HTTP requests', () => {
  it('are a few hundred, each in a known group', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((one) => !(HTTP_GROUPS as readonly string[]).includes(one.group))).toEqual(
      [],
    );
  });

  it.each(HTTP_GROUPS)('%s: no 5xx, no stack trace, no internal error, no leak', async (group) => {
    const { count, failures } = await runGroup(group);
    expect(count).toBeGreaterThan(0);
    if (failures.length > 0)
      expect.fail(`${failures.length} of ${count} cases:\n  ${failures.join('\n  ')}\n`);
  });
});

// ---------------------------------------------------------------------------------------
// WebSocket

interface Session {
  socket: WebSocket;
  messages: any[];
  /** Resolves with the close code and reason once the socket is closed (by either side). */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the next message of `type` (and `id`, if given). */
  next(type: string, id?: string): Promise<any>;
  send(message: unknown): void;
}

/** A raw socket (subprotocol graphql-transport-ws unless told otherwise). */
function open(protocols: string | string[] | undefined = 'graphql-transport-ws'): Session {
  const socket = new WebSocket(wsUrl, protocols);
  const messages: any[] = [];
  const waiters: { type: string; id?: string; resolve: (message: any) => void }[] = [];
  socket.on('message', (data: Buffer) => {
    let message: any;
    try {
      message = JSON.parse(data.toString('utf8'));
    } catch {
      message = { type: '<not JSON>', text: data.toString('utf8') };
    }
    messages.push(message);
    for (const waiter of [...waiters])
      if (waiter.type === message.type && (waiter.id === undefined || waiter.id === message.id)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
  });
  socket.on('error', () => undefined); // the close that follows is what is checked
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  const opened = new Promise<void>((resolve) => socket.once('open', () => resolve()));
  return {
    socket,
    messages,
    closed,
    next: (type, id) =>
      new Promise((resolve, reject) => {
        const found = messages.find((m) => m.type === type && (id === undefined || m.id === id));
        if (found) return resolve(found);
        waiters.push({ type, id, resolve });
        void closed.then(({ code, reason }) =>
          reject(new Error(`closed ${code} ${reason} before a ${type} message`)),
        );
      }),
    send: (message) =>
      void opened.then(() =>
        socket.send(
          typeof message === 'string' || Buffer.isBuffer(message)
            ? message
            : JSON.stringify(message),
        ),
      ),
  };
}

/** A socket whose connection_init (with `token`) was acknowledged. */
async function acknowledged(token: string): Promise<Session> {
  const session = open();
  session.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
  await session.next('connection_ack');
  return session;
}

/** The socket is still in service: a ping gets its pong. Then it is closed normally. */
async function stillServes(session: Session): Promise<string | undefined> {
  try {
    session.send({ type: 'ping' });
    await session.next('pong');
    session.socket.close(1000);
    return undefined;
  } catch (error) {
    return `the socket did not survive: ${(error as Error).message}`;
  }
}

/** Problems of the messages a socket received: stack-like text, internals, internal errors. */
function messageProblems(session: Session): string[] {
  return session.messages.flatMap((message) =>
    answerProblems(
      {
        status: 200,
        contentType: 'application/json',
        text: JSON.stringify(message),
        json: message.payload?.errors
          ? { errors: message.payload.errors }
          : Array.isArray(message.payload)
            ? { errors: message.payload }
            : {},
      },
      true,
    ).map((problem) => `${message.type} message: ${problem}`),
  );
}

const expectClose = async (session: Session, ...codes: number[]) => {
  const { code, reason } = await session.closed;
  return codes.includes(code)
    ? undefined
    : `closed ${code} "${reason}", expected ${codes.join(' or ')}`;
};

/** A subscribe refused with an error message for its id, the socket kept open. */
async function refusedOnSocket(
  token: string,
  payload: Record<string, unknown>,
  secrets: string[] = [],
) {
  const session = await acknowledged(token);
  session.send({ id: 'x', type: 'subscribe', payload });
  const outcome = await Promise.race([
    session.next('error', 'x').then(() => undefined),
    session
      .next('next', 'x')
      .then((message) =>
        message.payload?.errors?.length && !message.payload.data
          ? undefined
          : `answered with data: ${JSON.stringify(message).slice(0, 200)}`,
      ),
    session.closed.then(
      ({ code, reason }) => `closed ${code} "${reason}" instead of an error message`,
    ),
  ]);
  const leaked = secrets.filter((secret) => JSON.stringify(session.messages).includes(secret));
  const survived = outcome?.startsWith('closed') ? undefined : await stillServes(session);
  return [
    outcome,
    survived,
    ...leaked.map((secret) => `leaks "${secret}"`),
    ...messageProblems(session),
  ];
}

const wsCases: [string, () => Promise<(string | undefined)[]>][] = [
  [
    'a socket that never sends connection_init is closed with 4408',
    async () => {
      const sessions = Array.from({ length: 5 }, () => open());
      return Promise.all(sessions.map((session) => expectClose(session, 4408)));
    },
  ],
  [
    'connection_init with a bad token is closed with 4403',
    async () => {
      const session = open();
      session.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } });
      return [await expectClose(session, 4403), ...messageProblems(session)];
    },
  ],
  [
    'connection_init with a JWT signed by a wrong secret is closed with 4403',
    async () => {
      const now = Math.floor(Date.now() / 1000);
      const forged = jwt(
        { alg: 'HS256' },
        {
          sub: fixture.ids.richUserKey,
          org: fixture.ids.richOrgKey,
          role: 'RESELLER_ADMIN',
          iss: 'change-order-portal',
          iat: now,
          exp: now + 3600,
        },
        'a-wrong-secret-of-at-least-32-characters',
      );
      const session = open();
      session.send({ type: 'connection_init', payload: { authorization: `Bearer ${forged}` } });
      return [await expectClose(session, 4403)];
    },
  ],
  [
    'connection_init with an unknown API key is closed with 4403',
    async () => {
      const session = open();
      session.send({
        type: 'connection_init',
        payload: { authorization: `Bearer cop_0123456789abcdef_${'A'.repeat(43)}` },
      });
      return [await expectClose(session, 4403)];
    },
  ],
  [
    'connection_init without a payload, or with a string or a 900 KB token, is refused',
    async () => {
      const sessions = [
        { type: 'connection_init' },
        { type: 'connection_init', payload: 'Bearer x' },
        { type: 'connection_init', payload: { authorization: { nested: true } } },
        { type: 'connection_init', payload: { authorization: `Bearer ${'t'.repeat(900 * 1024)}` } },
      ].map((message) => {
        const session = open();
        session.send(message);
        return session;
      });
      return Promise.all(sessions.map((session) => expectClose(session, 4400, 4403)));
    },
  ],
  [
    'a frame over 1 MB before connection_init is closed with 1009',
    async () => {
      const session = open();
      session.send(
        JSON.stringify({ type: 'connection_init', payload: { pad: 'p'.repeat(1_100_000) } }),
      );
      return [await expectClose(session, 1009)];
    },
  ],
  [
    'a frame over 1 MB after the ack is closed with 1009',
    async () => {
      const session = await acknowledged(fixture.tokens.rich);
      session.send({
        id: 'big',
        type: 'subscribe',
        payload: { query: `{ customers(search: "${'s'.repeat(2_000_000)}") { totalCount } }` },
      });
      return [await expectClose(session, 1009)];
    },
  ],
  [
    'a 900 KB subscribe (under the limit) is answered, the socket kept',
    async () => {
      const session = await acknowledged(fixture.tokens.rich);
      session.send({
        id: 'big',
        type: 'subscribe',
        payload: {
          query: 'query($s: String) { customers(search: $s) { totalCount } }',
          variables: { s: 's'.repeat(900 * 1024) },
        },
      });
      const result = await session.next('next', 'big').catch((error: Error) => error.message);
      return [
        typeof result === 'string' ? result : undefined,
        await stillServes(session),
        ...messageProblems(session),
      ];
    },
  ],
  [
    'invalid JSON before and after the ack is closed with 4400',
    async () => {
      const early = open();
      early.send('{"type": "connection_init"');
      const late = await acknowledged(fixture.tokens.rich);
      late.send('not json at all');
      return [await expectClose(early, 4400), await expectClose(late, 4400)];
    },
  ],
  [
    'unknown message types, a message without a type, and a binary frame are closed with 4400',
    async () => {
      const unknown = await acknowledged(fixture.tokens.rich);
      unknown.send({ type: 'launch_missiles', payload: {} });
      const untyped = await acknowledged(fixture.tokens.rich);
      untyped.send({ id: '1', payload: { query: '{ __typename }' } });
      const binary = open();
      binary.send(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]));
      const array = open();
      array.send('[{"type":"connection_init"}]');
      return Promise.all(
        [unknown, untyped, binary, array].map((session) => expectClose(session, 4400)),
      );
    },
  ],
  [
    'subscribe before connection_init is closed with 4401',
    async () => {
      const session = open();
      session.send({
        id: '1',
        type: 'subscribe',
        payload: { query: 'subscription { alertRaised { id } }' },
      });
      return [await expectClose(session, 4401)];
    },
  ],
  [
    'a second connection_init is closed with 4429',
    async () => {
      const session = await acknowledged(fixture.tokens.rich);
      session.send({
        type: 'connection_init',
        payload: { authorization: `Bearer ${fixture.tokens.rich}` },
      });
      return [await expectClose(session, 4429)];
    },
  ],
  [
    'a duplicate subscription id is closed with 4409',
    async () => {
      const session = await acknowledged(fixture.tokens.rich);
      session.send({
        id: 'same',
        type: 'subscribe',
        payload: { query: 'subscription { alertRaised { id } }' },
      });
      session.send({
        id: 'same',
        type: 'subscribe',
        payload: { query: 'subscription { alertRaised { id } }' },
      });
      return [await expectClose(session, 4409)];
    },
  ],
  [
    'complete for an unknown id is ignored',
    async () => {
      const session = await acknowledged(fixture.tokens.rich);
      session.send({ id: 'never-started', type: 'complete' });
      return [await stillServes(session)];
    },
  ],
  [
    'a subprotocol other than graphql-transport-ws, or none, is refused',
    async () => {
      const legacy = open('graphql-ws');
      legacy.send({ type: 'connection_init', payload: {} });
      const none = open([]);
      none.send({ type: 'connection_init', payload: {} });
      // ws accepts the handshake without a subprotocol and the client gives up (1006), or
      // graphql-ws closes with 4406: either way nothing is served.
      return Promise.all([legacy, none].map((session) => expectClose(session, 1002, 1006, 4406)));
    },
  ],
  [
    'subscribe with variables of the wrong type: an error message, the socket kept',
    () =>
      refusedOnSocket(fixture.tokens.rich, {
        query: 'subscription($id: ID!) { changeOrderUpdated(orderId: $id) { id } }',
        variables: { id: { not: 'an id' } },
      }),
  ],
  [
    'subscribe without a required variable: an error message, the socket kept',
    () =>
      refusedOnSocket(fixture.tokens.rich, {
        query: 'subscription($id: ID!) { changeOrderUpdated(orderId: $id) { id } }',
      }),
  ],
  [
    'subscribe with an unknown operationName: an error message, the socket kept',
    () =>
      refusedOnSocket(fixture.tokens.rich, {
        query: 'subscription { alertRaised { id } }',
        operationName: 'Nope',
      }),
  ],
  [
    'subscribe 60 levels deep: an error message, the socket kept',
    () => {
      let inner = 'id';
      for (let i = 0; i < 15; i++)
        inner = `customer { changeOrders(first: 1) { edges { node { ${inner} } } } }`;
      return refusedOnSocket(fixture.tokens.rich, {
        query: `subscription { changeOrderUpdated(orderId: "${fixture.ids.draft}") { ${inner} } }`,
      });
    },
  ],
  [
    'subscribe with 100 aliases: an error message, the socket kept',
    () =>
      refusedOnSocket(fixture.tokens.rich, {
        query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`,
      }),
  ],
  [
    'subscribe with a fragment fan-out of 10^4: an error message, the socket kept',
    () => {
      const fragments = ['fragment F0 on Viewer { role scopes }'];
      for (let i = 1; i <= 4; i++)
        fragments.push(
          `fragment F${i} on Viewer { ${Array(10)
            .fill(`...F${i - 1}`)
            .join(' ')} }`,
        );
      return refusedOnSocket(fixture.tokens.rich, {
        query: `{ viewer { ...F4 } } ${fragments.join(' ')}`,
      });
    },
  ],
  [
    'a socket asking for 150 subscriptions: 100 kept, 50 refused with TOO_MANY_SUBSCRIPTIONS',
    async () => {
      const session = await acknowledged(fixture.tokens.rich);
      const ids = Array.from({ length: 150 }, (_, i) => `s${i}`);
      for (const id of ids)
        session.send({
          id,
          type: 'subscribe',
          payload: { query: 'subscription { alertRaised { id } }' },
        });
      const refused = await Promise.all(ids.slice(100).map((id) => session.next('error', id)));
      const wrong = refused.filter(
        (message) => message.payload?.[0]?.extensions?.code !== 'TOO_MANY_SUBSCRIPTIONS',
      );
      const early = session.messages.filter(
        (message) => message.type === 'error' && Number(String(message.id).slice(1)) < 100,
      );
      return [
        wrong.length > 0 ? `refused otherwise: ${JSON.stringify(wrong[0])}` : undefined,
        early.length > 0 ? `refused one of the first 100: ${JSON.stringify(early[0])}` : undefined,
        ...messageProblems(session),
        await stillServes(session),
      ];
    },
  ],
  [
    "RS-Other subscribing to Rich's order gets an error, no data",
    () =>
      refusedOnSocket(
        fixture.tokens.other,
        {
          query:
            'subscription($id: ID!) { changeOrderUpdated(orderId: $id) { id title customer { name } } }',
          variables: { id: fixture.ids.draft },
        },
        fixture.verticalSecrets,
      ),
  ],
  [
    'connection_init with an API key without SUBSCRIBE is closed with 4403',
    async () => {
      const session = open();
      session.send({
        type: 'connection_init',
        payload: { authorization: `Bearer ${fixture.apiKeySecret}` },
      });
      return [await expectClose(session, 4403)];
    },
  ],
  [
    "RS-Other cancelling Rich's order over WebSocket: NOT_FOUND, nothing done",
    async () => {
      const session = await acknowledged(fixture.tokens.other);
      session.send({
        id: 'm',
        type: 'subscribe',
        payload: {
          query:
            'mutation($i: OrderRefInput!) { cancelChangeOrder(input: $i) { order { id title } userErrors { code } } }',
          variables: { i: { orderId: fixture.ids.draft } },
        },
      });
      const message = await session.next('next', 'm');
      const payload = message.payload?.data?.cancelChangeOrder;
      const refusedHere =
        payload?.order === null &&
        payload.userErrors.some((error: any) => ['NOT_FOUND', 'FORBIDDEN'].includes(error.code));
      return [
        refusedHere ? undefined : `answered ${JSON.stringify(message.payload).slice(0, 200)}`,
        await stillServes(session),
        ...messageProblems(session),
      ];
    },
  ],
  [
    "RS-Other's query of Rich's order over WebSocket finds nothing",
    async () => {
      const session = await acknowledged(fixture.tokens.other);
      session.send({
        id: 'q',
        type: 'subscribe',
        payload: {
          query: 'query($id: ID!) { changeOrder(id: $id) { id title } node(id: $id) { id } }',
          variables: { id: fixture.ids.draft },
        },
      });
      const message = await session.next('next', 'q');
      const found = message.payload?.data?.changeOrder ?? message.payload?.data?.node;
      return [
        found ? `found ${JSON.stringify(found)}` : undefined,
        await stillServes(session),
        ...messageProblems(session),
      ];
    },
  ],
  [
    'a NUL character in a search over WebSocket leaks no database internals',
    async () => {
      const session = await acknowledged(fixture.tokens.rich);
      session.send({
        id: 'n',
        type: 'subscribe',
        payload: {
          query: 'query($s: String) { customers(search: $s) { totalCount } }',
          variables: { s: 'a\u0000b' },
        },
      });
      // Answered either way: refused (an error message) or run (next, then complete).
      await Promise.race([session.next('complete', 'n'), session.next('error', 'n')]).catch(
        () => undefined,
      );
      return [await stillServes(session), ...messageProblems(session)];
    },
  ],
  [
    '200 subscriptions on one socket, then the socket dropped',
    async () => {
      const session = await acknowledged(fixture.tokens.rich);
      for (let i = 0; i < 200; i++)
        session.send({
          id: `s${i}`,
          type: 'subscribe',
          payload: { query: 'subscription { alertRaised { id } }' },
        });
      const problem = await stillServes(session);
      return [problem, ...messageProblems(session)];
    },
  ],
];

describe('hostile WebSocket sessions', () => {
  it(`${wsCases.length} kinds: refused with the protocol's close codes or error messages, never a crash`, async () => {
    const results = await Promise.all(
      wsCases.map(async ([name, run]) => {
        // A safety net, not a timing assertion: a session that never ends is reported by name
        // instead of stalling the whole test.
        let timer: NodeJS.Timeout | undefined;
        const stalled = new Promise<string[]>((resolve) => {
          timer = setTimeout(() => resolve(['no outcome within 20 s']), 20_000);
        });
        const problems = await Promise.race([
          run().catch((error: Error) => [`threw ${error.message}`]),
          stalled,
        ]);
        clearTimeout(timer);
        return problems.filter(Boolean).map((problem) => `${name}: ${problem}`);
      }),
    );
    const failures = results.flat();
    if (failures.length > 0)
      expect.fail(`${failures.length} problems:\n  ${failures.join('\n  ')}\n`);
  });

  it('an upgrade on another path, or with a bad WebSocket version, is refused without a 5xx', async () => {
    const elsewhere = new WebSocket(
      wsUrl.replace('/graphql', '/elsewhere'),
      'graphql-transport-ws',
    );
    const refusedElsewhere = await new Promise<string>((resolve) => {
      elsewhere.on('open', () => resolve('opened'));
      elsewhere.on('unexpected-response', (_req, res) => resolve(`status ${res.statusCode}`));
      elsewhere.on('error', () => resolve('refused'));
    });
    expect(refusedElsewhere).not.toBe('opened');
    expect(refusedElsewhere).not.toMatch(/status 5/);
    const badVersion = await send(portal.url, {
      method: 'GET',
      path: '/graphql',
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '99',
        'sec-websocket-key': 'not a key',
        'sec-websocket-protocol': 'graphql-transport-ws',
      },
    });
    // ws answers a malformed handshake itself (400); a reset connection is no 5xx either.
    if (!badVersion.error) expect(badVersion.status).toBeLessThan(500);
  });
});

// ---------------------------------------------------------------------------------------
// Afterwards

describe('after the abuse', () => {
  it('the database is exactly as before, table by table', async () => {
    expect(await snapshot(database.url)).toEqual(before);
  });

  it('the server is healthy: running, /healthz 200, right answers, live sockets', async () => {
    expect(portal.child.exitCode).toBeNull();
    expect(portal.child.signalCode).toBeNull();
    const health = await fetch(`${portal.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const data = await act(
      fixture.tokens.rich,
      `query($d: ID!) {
        customers(search: "Vertical Demo") { totalCount edges { node { name } } }
        changeOrder(id: $d) { title status version lines { delta } }
      }`,
      { d: fixture.ids.draft },
    );
    expect(data.customers).toEqual({ totalCount: 1, edges: [{ node: { name: 'Vertical Demo' } }] });
    expect(data.changeOrder).toEqual({
      title: 'Abuse draft order',
      status: 'DRAFT',
      version: fixture.ids.draftVersion,
      lines: [{ delta: 1 }],
    });
    const other = await act(
      fixture.tokens.other,
      '{ customers { totalCount edges { node { name } } } }',
    );
    expect(other.customers.edges.map((edge: any) => edge.node.name)).not.toContain('Vertical Demo');

    const live = liveClient(wsUrl, fixture.tokens.rich);
    const ready = connected(live);
    const stop = live.subscribe(
      { query: 'subscription { alertRaised { id } }' },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    await ready;
    stop();
    await live.dispose();
  });

  it('nothing crashed inside: no stack trace or internal error on stderr, no error logged', () => {
    // What the process wrote on stderr, stack frames left out: one line per complaint.
    const complaints = portal
      .errorOutput()
      .split('\n')
      .filter((line) => /error|uncaught|unhandled|exception/i.test(line) && !/^\s+at /.test(line));
    const logged = portal
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line))
      .map((line) => line.slice(0, 300));
    const problems = [
      ...[...new Set(complaints)].map((line) => `stderr: ${line.slice(0, 300)}`),
      ...logged.map((line) => `logged: ${line}`),
    ];
    if (problems.length > 0)
      expect.fail(`${problems.length} complaints of the server:\n  ${problems.join('\n  ')}\n`);
    expect(portal.errorOutput()).not.toMatch(/\n\s+at /);
  });
});
