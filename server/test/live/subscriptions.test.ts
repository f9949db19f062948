/**
 * Live: order events, alerts and one order's updates reach exactly who may see them, as
 * they commit; a subscriber that comes back with afterSequence misses nothing and gets
 * nothing twice. Sockets authenticate in connection_init.
 */
import { SignJWT } from 'jose';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Setting } from '../../src/modules/auth/setting.entity.js';
import { Api, expectOk, USERS, type Payload } from '../helpers/api.js';
import {
  APPROVE,
  CREATE_API_KEY,
  CREATE_ORDER,
  FINAL_CONFIRM,
  REJECT,
  REVOKE_API_KEY,
  SET_LINES,
  SUBMIT,
  UPDATE_ORDER,
} from '../helpers/documents.js';
import { closedWith, connected, connectionOutcome, liveClient, Received } from '../helpers/live.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';
import { MAX_SUBSCRIPTIONS_PER_SOCKET } from '../../src/app/websocket.js';

const ORDER_EVENTS = `subscription Events($filter: OrderEventFilter) {
  orderEvents(filter: $filter) { sequence type fromStatus toStatus order { id number status } }
}`;
const ALERTS = `subscription { alertRaised { id kind order { id number } } }`;
const ORDER_UPDATES = `subscription Updates($orderId: ID!) { changeOrderUpdated(orderId: $orderId) { id status version title } }`;

const SUBMIT_ONLY = `mutation Submit($input: SubmitChangeOrderInput!) {
  submitChangeOrder(input: $input) { userErrors { code message field } }
}`;

type EventValue = { orderEvents: { sequence: number; type: string; order: { id: string } } };

let server: TestServer;
let rich: Api;
let kim: Api;
let morgan: Api;
let other: Api;
const clients: Client[] = [];

function client(api: Api | string | undefined): Client {
  const made = liveClient(
    server.wsUrl,
    typeof api === 'string' || api === undefined ? api : api.token,
  );
  clients.push(made);
  return made;
}

beforeAll(async () => {
  // Open sockets' API keys are checked every 50 ms here (30 s in production).
  server = await createTestServer({ sockets: { credentialCheckMs: 50 } });
  [rich, kim, morgan, other] = await Promise.all([
    Api.as(server, USERS.rich),
    Api.as(server, USERS.kim),
    Api.as(server, USERS.morgan),
    Api.as(server, USERS.other),
  ]);
});
afterEach(async () => {
  for (const made of clients.splice(0)) await made.dispose();
});
afterAll(() => server.close());

/** A Vertical Demo draft with one +1 line; returns the order id. */
async function draft(title = 'Live order'): Promise<string> {
  const customerId = await rich.customerId('Vertical Demo');
  const row = (await rich.grid(customerId)).get('Basic User With VM')!;
  const created = await rich.mutate(CREATE_ORDER, { customerId, title });
  expectOk(created);
  const orderId = created.order!.id as string;
  expectOk(
    await rich.mutate(SET_LINES, {
      orderId,
      lines: [{ productId: row.product.id, billingAccountId: row.billingAccount.id, delta: 1 }],
    }),
  );
  return orderId;
}

/** Submits as Rich; `document` SUBMIT_ONLY for an answer that reads nothing of its own. */
async function submit(orderId: string, document = SUBMIT) {
  expectOk(
    await rich.mutate(document, { orderId, msaAccepted: true, authorizationConfirmed: true }),
  );
}

/** Subscribes and waits until the server has taken the subscription (the relay listens). */
async function subscribed<T>(made: Client, query: string, variables?: Record<string, unknown>) {
  const listeners = server.portal.relay()!.listenerCount;
  const received = new Received<T>(made, query, variables);
  await connected(made).catch(() => undefined);
  // The subscribe message is processed right after the ack; wait for its relay listener.
  while (server.portal.relay()!.listenerCount === listeners) await new Promise(setImmediate);
  return received;
}

describe('orderEvents', () => {
  it('gives the reseller every event of its orders and the vendor those after the draft, in order', async () => {
    const richEvents = await subscribed<EventValue>(client(rich), ORDER_EVENTS);
    const kimEvents = await subscribed<EventValue>(client(kim), ORDER_EVENTS);
    const orderId = await draft();
    await submit(orderId);
    expectOk(await kim.mutate(APPROVE, { orderId }));
    expectOk(await rich.mutate(FINAL_CONFIRM, { orderId }));

    const richSeen = await richEvents.take(5);
    expect(richSeen.map((value) => value.orderEvents.type)).toEqual([
      'CREATED',
      'UPDATED',
      'SUBMITTED',
      'APPROVED',
      'CONFIRMED',
    ]);
    const sequences = richSeen.map((value) => value.orderEvents.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));

    const kimSeen = await kimEvents.take(3);
    expect(kimSeen.map((value) => value.orderEvents.type)).toEqual([
      'SUBMITTED',
      'APPROVED',
      'CONFIRMED',
    ]);
    expect(kimSeen.every((value) => value.orderEvents.order.id === orderId)).toBe(true);
  });

  it("reads an event's order, its customer and the actor once for all its subscribers, whatever their audiences", async () => {
    const withActor = `subscription { orderEvents { sequence type order { id number status customer { name } } actor { id name } } }`;
    const dashboard = await rich.mutate(CREATE_API_KEY, {
      name: 'order dashboard',
      scopes: ['READ', 'SUBSCRIBE'],
    });
    const audiences = [
      await subscribed<EventValue>(client(rich), withActor),
      await subscribed<EventValue>(client(kim), withActor),
      await subscribed<EventValue>(client(dashboard.secret as string), withActor),
    ];
    const orderId = await draft('Read once');
    // The reseller's two see the draft's CREATED and UPDATED; the vendor sees nothing yet.
    await Promise.all([audiences[0]!.take(2), audiences[2]!.take(2)]);

    const statements = await server.statementsDuring(async () => {
      await submit(orderId, SUBMIT_ONLY); // its answer reads no order or user of its own
      const seen = await Promise.all(audiences.map((events) => events.take(1)));
      for (const [value] of seen) {
        expect(value!.orderEvents).toMatchObject({ type: 'SUBMITTED', order: { id: orderId } });
        expect((value!.orderEvents.order as { status?: string }).status).toBe('SUBMITTED');
        expect(value!.orderEvents).toMatchObject({ actor: { name: expect.any(String) } });
      }
    });
    // The loaders' reads (`… where "c0"."id" in (?)`), not the submit's own locking read.
    const readsOf = (table: string) =>
      statements.filter((sql) => sql.includes(`from "${table}"`) && /"id" in \(/.test(sql));
    expect(readsOf('change_order')).toHaveLength(1);
    expect(readsOf('app_user')).toHaveLength(1);
    expect(readsOf('customer')).toHaveLength(1);
  });

  it('gives another reseller and another vendor nothing of it', async () => {
    const otherEvents = await subscribed<EventValue>(client(other), ORDER_EVENTS);
    const morganEvents = await subscribed<EventValue>(client(morgan), ORDER_EVENTS);
    const richEvents = await subscribed<EventValue>(client(rich), ORDER_EVENTS);
    const orderId = await draft('Not for others');
    await submit(orderId);
    await richEvents.take(3); // all three committed and relayed
    // A later event of other's own proves its stream is live and had nothing before it.
    const otherCustomer = await other.customerId('Other Co');
    expectOk(await other.mutate(CREATE_ORDER, { customerId: otherCustomer, title: 'Own order' }));
    const [own] = await otherEvents.take(1);
    expect(own!.orderEvents.type).toBe('CREATED');
    expect(own!.orderEvents.order.id).not.toBe(orderId);
    // Likewise for Mimecast: the first thing its stream shows is its own order's submission.
    const acme = await rich.customerId('Acme Mail');
    const mimecastOrder = await rich.mutate(CREATE_ORDER, {
      customerId: acme,
      title: 'For Mimecast',
    });
    const essentials = (await rich.grid(acme)).get('Email Security Essentials')!;
    const mimecastOrderId = mimecastOrder.order!.id as string;
    expectOk(
      await rich.mutate(SET_LINES, {
        orderId: mimecastOrderId,
        lines: [
          {
            productId: essentials.product.id,
            billingAccountId: essentials.billingAccount.id,
            delta: 5,
          },
        ],
      }),
    );
    await submit(mimecastOrderId);
    const [mimecastFirst] = await morganEvents.take(1);
    expect(mimecastFirst!.orderEvents).toMatchObject({
      type: 'SUBMITTED',
      order: { id: mimecastOrderId },
    });
  });

  it('filters by customer and by event type', async () => {
    const acme = await rich.customerId('Acme Mail');
    const onlyAcme = await subscribed<EventValue>(client(rich), ORDER_EVENTS, {
      filter: { customerId: acme },
    });
    const onlySubmitted = await subscribed<EventValue>(client(rich), ORDER_EVENTS, {
      filter: { types: ['SUBMITTED'] },
    });
    const orderId = await draft('Filtered');
    await submit(orderId);
    expectOk(await rich.mutate(CREATE_ORDER, { customerId: acme, title: 'Acme draft' }));
    const [acmeEvent] = await onlyAcme.take(1);
    expect(acmeEvent!.orderEvents.type).toBe('CREATED');
    const [submitted] = await onlySubmitted.take(1);
    expect(submitted!.orderEvents).toMatchObject({ type: 'SUBMITTED', order: { id: orderId } });
    expect(onlyAcme.untaken).toEqual([]);
  });

  it('with afterSequence replays exactly the missed events, then goes live, with no gap or duplicate', async () => {
    const first = client(rich);
    const before = await subscribed<EventValue>(first, ORDER_EVENTS);
    const orderId = await draft('Resumed');
    const seen = await before.take(2);
    const lastSeen = seen.at(-1)!.orderEvents.sequence;
    await first.dispose();

    // Missed while away: title change, submit, approval (by the vendor).
    expectOk(await rich.mutate(UPDATE_ORDER, { orderId, title: 'Resumed (renamed)' }));
    await submit(orderId);
    expectOk(await kim.mutate(APPROVE, { orderId }));

    const resumed = await subscribed<EventValue>(client(rich), ORDER_EVENTS, {
      filter: { afterSequence: lastSeen },
    });
    const missed = await resumed.take(3);
    expect(missed.map((value) => value.orderEvents.type)).toEqual([
      'UPDATED',
      'SUBMITTED',
      'APPROVED',
    ]);

    expectOk(await rich.mutate(FINAL_CONFIRM, { orderId }));
    const [live] = await resumed.take(1);
    expect(live!.orderEvents.type).toBe('CONFIRMED');
    const all = [...seen, ...missed, live!].map((value) => value.orderEvents.sequence);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual([...all].sort((a, b) => a - b));
  });

  it('replays for a vendor only what it may see', async () => {
    const orderId = await draft('Vendor replay');
    await submit(orderId);
    const resumed = await subscribed<EventValue>(client(kim), ORDER_EVENTS, {
      filter: { afterSequence: 0 },
    });
    const replayed = await resumed.take(1);
    expect(replayed[0]!.orderEvents.type).not.toBe('CREATED');
    // Nothing of a draft ever reaches the vendor's replay.
    const { orderEventLog } = await kim.call<{ orderEventLog: { type: string }[] }>(
      `{ orderEventLog(afterSequence: 0, first: 100) { type } }`,
    );
    expect(
      orderEventLog.some((event) => event.type === 'CREATED' || event.type === 'UPDATED'),
    ).toBe(false);
  });
});

describe('alertRaised', () => {
  it('pushes the reseller its ORDER_TO_CONFIRM alert and the vendor its ORDER_SUBMITTED alert', async () => {
    const richAlerts = await subscribed<{ alertRaised: { kind: string; order: { id: string } } }>(
      client(rich),
      ALERTS,
    );
    const kimAlerts = await subscribed<{ alertRaised: { kind: string; order: { id: string } } }>(
      client(kim),
      ALERTS,
    );
    const otherAlerts = await subscribed<{ alertRaised: unknown }>(client(other), ALERTS);
    const orderId = await draft('Alerted');
    await submit(orderId);
    const [submitted] = await kimAlerts.take(1);
    expect(submitted!.alertRaised).toMatchObject({
      kind: 'ORDER_SUBMITTED',
      order: { id: orderId },
    });
    expectOk(await kim.mutate(APPROVE, { orderId }));
    const [toConfirm] = await richAlerts.take(1);
    expect(toConfirm!.alertRaised).toMatchObject({
      kind: 'ORDER_TO_CONFIRM',
      order: { id: orderId },
    });

    const rejectedId = await draft('Rejected live');
    await submit(rejectedId);
    expectOk(await kim.mutate(REJECT, { orderId: rejectedId, comment: 'Not this month' }));
    const [rejected] = await richAlerts.take(1);
    expect(rejected!.alertRaised).toMatchObject({
      kind: 'ORDER_REJECTED',
      order: { id: rejectedId },
    });
    expect(otherAlerts.values).toEqual([]);
  });
});

describe('changeOrderUpdated', () => {
  it("pushes one order's new state on each change, to whoever may see it", async () => {
    const orderId = await draft('Watched');
    const updates = await subscribed<{
      changeOrderUpdated: { id: string; status: string; title: string; version: number };
    }>(client(rich), ORDER_UPDATES, { orderId });
    expectOk(await rich.mutate(UPDATE_ORDER, { orderId, title: 'Watched (renamed)' }));
    await submit(orderId);
    const [renamed, submitted] = await updates.take(2);
    expect(renamed!.changeOrderUpdated).toMatchObject({
      id: orderId,
      status: 'DRAFT',
      title: 'Watched (renamed)',
    });
    expect(submitted!.changeOrderUpdated).toMatchObject({ id: orderId, status: 'SUBMITTED' });
    expect(submitted!.changeOrderUpdated.version).toBeGreaterThan(
      renamed!.changeOrderUpdated.version,
    );
  });

  it('reads the order once for all its subscribers, whatever their audiences', async () => {
    const orderId = await draft('Watched by many');
    const dashboard = await rich.mutate(CREATE_API_KEY, {
      name: 'order page',
      scopes: ['READ', 'SUBSCRIBE'],
    });
    const watchers = [
      await subscribed<{ changeOrderUpdated: { status: string } }>(client(rich), ORDER_UPDATES, {
        orderId,
      }),
      await subscribed<{ changeOrderUpdated: { status: string } }>(
        client(dashboard.secret as string),
        ORDER_UPDATES,
        { orderId },
      ),
    ];
    const statements = await server.statementsDuring(async () => {
      await submit(orderId, SUBMIT_ONLY);
      for (const watcher of watchers) {
        const [update] = await watcher.take(1);
        expect(update!.changeOrderUpdated.status).toBe('SUBMITTED');
      }
    });
    // Besides the submit's own locking read: one read of the new state, for both.
    const reads = statements.filter(
      (sql) => sql.includes('from "change_order"') && !sql.endsWith('for update'),
    );
    expect(reads).toHaveLength(1);
  });

  it.each([
    ['another reseller', () => other],
    ['another vendor', () => morgan],
    ['the vendor, while it is a draft', () => kim],
  ])('refuses %s with NOT_FOUND', async (_who, api) => {
    const orderId = await draft('Private');
    const refused = new Received<unknown>(client(api()), ORDER_UPDATES, { orderId });
    await expect(refused.take(1)).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
  });
});

describe('subscriptions on one socket', () => {
  it(`refuses one beyond ${MAX_SUBSCRIPTIONS_PER_SOCKET} with TOO_MANY_SUBSCRIPTIONS, keeping the socket and the others`, async () => {
    const socket = client(rich);
    const held = Array.from(
      { length: MAX_SUBSCRIPTIONS_PER_SOCKET },
      () => new Received<EventValue>(socket, ORDER_EVENTS),
    );
    const refused = new Received<EventValue>(socket, ORDER_EVENTS);
    await expect(refused.take(1)).rejects.toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'TOO_MANY_SUBSCRIPTIONS' }),
      }),
    ]);

    held[0]!.stop(); // completing one frees its place
    const replacement = new Received<EventValue>(socket, ORDER_EVENTS);
    const orderId = await draft('Seen by a full socket');
    for (const subscription of [replacement, ...held.slice(1)]) {
      const [created] = await subscription.take(1);
      expect(created!.orderEvents).toMatchObject({ type: 'CREATED', order: { id: orderId } });
    }
    expect(held[0]!.values).toEqual([]);
  });
});

describe('the relay', () => {
  it('reconnects its LISTEN connection when it is cut, and delivers what committed meanwhile', async () => {
    const events = await subscribed<EventValue>(client(rich), ORDER_EVENTS);
    const { clusterQuery } = await import('../helpers/database.js');
    await clusterQuery(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = '${server.databaseName}' AND query LIKE 'LISTEN%'`,
    );
    const orderId = await draft('While the relay was cut off');
    const seen = await events.take(2);
    expect(seen.map((value) => [value.orderEvents.type, value.orderEvents.order.id])).toEqual([
      ['CREATED', orderId],
      ['UPDATED', orderId],
    ]);
  });
});

describe('keep-alive', () => {
  // A server of its own that pings every 50 ms (30 s in production): a socket of the other
  // tests whose pong is late on a busy machine would be dropped.
  let pinging: TestServer;
  let token: string;
  beforeAll(async () => {
    pinging = await createTestServer({ sockets: { keepAliveMs: 50 } });
    token = (await Api.as(pinging, USERS.rich)).token!;
  });
  afterAll(() => pinging.close());

  /**
   * A raw socket, acknowledged; `answersPings: false` plays a peer that vanished. Its close
   * code and the pings it gets are watched from the start: with 50 ms pings, either may
   * come before the caller looks.
   */
  async function openSocket(answersPings: boolean) {
    const socket = new WebSocket(pinging.wsUrl, 'graphql-transport-ws', {
      autoPong: answersPings,
    });
    const closed = new Promise<number>((resolve) => socket.on('close', resolve));
    let pings = 0;
    socket.on('ping', () => pings++);
    await new Promise<void>((resolve, reject) => {
      socket.on('open', () =>
        socket.send(
          JSON.stringify({
            type: 'connection_init',
            payload: { authorization: `Bearer ${token}` },
          }),
        ),
      );
      socket.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') resolve();
      });
      socket.on('error', reject);
    });
    const pinged = (count: number) =>
      new Promise<void>((resolve) => {
        if (pings >= count) return resolve();
        socket.on('ping', () => pings >= count && resolve());
      });
    return { socket, closed, pinged };
  }

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const silent = await openSocket(false);
    const answering = await openSocket(true);

    expect(await silent.closed).toBe(1006); // terminated: no close frame for a peer that is gone
    await answering.pinged(3);
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
    answering.socket.close();
    await answering.closed;
  });
});

describe('socket limits', () => {
  it('answers a document nested too deeply to parse with an error that says so, and keeps the socket', async () => {
    const socket = client(kim);
    const deep = `subscription { orderEvents ${'{ order '.repeat(10_000)}{ id }${' }'.repeat(10_000)} }`;
    const refused = new Received<unknown>(socket, deep);
    await expect(refused.take(1)).rejects.toEqual([
      expect.objectContaining({ message: expect.stringMatching(/nested too deeply/) }),
    ]);
    const fine = new Received<{ orderEvents: { sequence: number } }>(
      socket,
      'subscription { orderEvents { sequence } }',
    );
    const orderId = await draft('After a deep document');
    await submit(orderId);
    expect((await fine.take(1))[0]!.orderEvents.sequence).toBeGreaterThan(0);
  });

  it('closes a socket that sends a frame over 1 MB (1009)', async () => {
    const WebSocket = (await import('ws')).default;
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    const code = await new Promise<number>((resolve, reject) => {
      socket.on('open', () => socket.send('x'.repeat(1_100_000)));
      socket.on('close', resolve);
      socket.on('error', () => undefined);
      setTimeout(() => reject(new Error('not closed')), 10_000).unref();
    });
    expect(code).toBe(1009);
  });
});

describe('socket authentication', () => {
  it('acknowledges a valid token in connection_init', async () => {
    expect(await connectionOutcome(server.wsUrl, { authorization: `Bearer ${rich.token}` })).toBe(
      'acknowledged',
    );
  });

  it.each([
    ['no credentials', {}],
    ['a garbage token', { authorization: 'Bearer nonsense' }],
    ['no payload at all', undefined],
  ])('closes with 4403 for %s', async (_case, payload) => {
    expect(await connectionOutcome(server.wsUrl, payload)).toBe(4403);
  });

  it('closes with 4403 for an API key without SUBSCRIBE, and accepts one with it', async () => {
    const readOnly = await rich.mutate(CREATE_API_KEY, { name: 'read only', scopes: ['READ'] });
    const live = await rich.mutate(CREATE_API_KEY, {
      name: 'dashboard',
      scopes: ['READ', 'SUBSCRIBE'],
    });
    expect(
      await connectionOutcome(server.wsUrl, {
        authorization: `Bearer ${readOnly.secret as string}`,
      }),
    ).toBe(4403);
    expect(
      await connectionOutcome(server.wsUrl, { authorization: `Bearer ${live.secret as string}` }),
    ).toBe('acknowledged');
  });

  it('closes the sockets of an API key with 4403 once it is revoked, and keeps the others open', async () => {
    const revoked = await rich.mutate(CREATE_API_KEY, { name: 'old', scopes: ['SUBSCRIBE'] });
    const kept = await rich.mutate(CREATE_API_KEY, { name: 'new', scopes: ['SUBSCRIBE'] });
    const doomed = client(revoked.secret as string);
    const staying = client(kept.secret as string);
    const closed = closedWith(doomed);
    new Received<EventValue>(doomed, ORDER_EVENTS);
    await connected(doomed);
    const stayingEvents = await subscribed<EventValue>(staying, ORDER_EVENTS);

    const revokedId = (revoked.apiKey as { id: string }).id;
    const outcome = await rich.call<{ revokeApiKey: Payload }>(REVOKE_API_KEY, { id: revokedId });
    expectOk(outcome.revokeApiKey);
    expect(await closed).toBe(4403);

    // The other key's socket still receives what happens next.
    const orderId = await draft();
    await submit(orderId);
    expect((await stayingEvents.take(1))[0]!.orderEvents.order.id).toBe(orderId);
  });

  it('closes the socket when the token expires', async () => {
    const secret = await server.portal
      .orm()!
      .em.fork()
      .findOneOrFail(Setting, { key: 'jwt_secret' });
    const me = await rich.call<{ viewer: { user: { id: string }; organization: { id: string } } }>(
      `{ viewer { user { id } organization { id } } }`,
    );
    const decode = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1]!;
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await new SignJWT({
      org: decode(me.viewer.organization.id),
      role: 'RESELLER_ADMIN',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(decode(me.viewer.user.id))
      .setIssuer('change-order-portal')
      .setIssuedAt(now)
      .setExpirationTime(now + 2)
      .sign(new TextEncoder().encode(secret.value));
    const made = client(shortLived);
    const closed = closedWith(made);
    new Received<EventValue>(made, ORDER_EVENTS);
    await connected(made);
    expect(await closed).toBe(4403);
  });
});
