/**
 * Live delivery across real server processes on one PostgreSQL: what one instance commits
 * reaches subscribers of another, in order; a process killed with SIGKILL right after
 * its commits loses no event and repeats none for a subscriber that resumes; and a client
 * that stops reading its socket is cut off, not waited for, and misses nothing when it
 * resumes.
 */
import { once } from 'node:events';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connected, liveClient, Received } from '../../server/test/helpers/live.js';
import {
  freePort,
  metricValue,
  startPortalProcess,
  stopPortal,
  waitHealthy,
  type PortalProcess,
} from '../helpers/portal-process.js';
import { act, login, submittedOrder } from '../helpers/orders.js';
import { startSharedDatabase } from '../helpers/shared-database.js';

const JWT_SECRET = 'e2e-shared-secret-of-at-least-32-characters';
const ORDER_EVENTS = `subscription Events($filter: OrderEventFilter) {
  orderEvents(filter: $filter) { sequence type order { id } }
}`;
type EventValue = { orderEvents: { sequence: number; type: string; order: { id: string } } };

let database: Awaited<ReturnType<typeof startSharedDatabase>>;
const processes: PortalProcess[] = [];
const clients: Client[] = [];

async function instance(
  env: Record<string, string> = {},
): Promise<PortalProcess & { graphqlUrl: string; wsUrl: string }> {
  const port = String(await freePort());
  const started = startPortalProcess({
    PORT: port,
    DATABASE_URL: database.url,
    JWT_SECRET,
    ...env,
  });
  processes.push(started);
  await waitHealthy(started);
  return Object.assign(started, {
    graphqlUrl: `${started.url}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
  });
}

async function stopAll(): Promise<void> {
  for (const client of clients.splice(0)) await client.dispose();
  for (const running of processes.splice(0)) await stopPortal(running);
}

beforeAll(async () => {
  database = await startSharedDatabase();
});
afterEach(stopAll);
afterAll(async () => {
  await stopAll();
  await database?.stop();
});

describe('two instances on one database', () => {
  it('a vendor subscribed on B receives, in order, the events of mutations made on A; a reseller on B gets its alert', async () => {
    const a = await instance();
    const b = await instance();
    const [richOnA, kimOnA, kimOnB, richOnB] = await Promise.all([
      login(a.graphqlUrl, 'rich@rs-vertical.example'),
      login(a.graphqlUrl, 'kim@vertical.example'),
      login(b.graphqlUrl, 'kim@vertical.example'),
      login(b.graphqlUrl, 'rich@rs-vertical.example'),
    ]);
    const vendorClient = liveClient(b.wsUrl, kimOnB);
    const resellerClient = liveClient(b.wsUrl, richOnB);
    clients.push(vendorClient, resellerClient);
    const vendorEvents = new Received<EventValue>(vendorClient, ORDER_EVENTS);
    const alerts = new Received<{ alertRaised: { kind: string; order: { id: string } } }>(
      resellerClient,
      'subscription { alertRaised { kind order { id } } }',
    );
    await Promise.all([connected(vendorClient), connected(resellerClient)]);
    // The subscriptions are taken once a first event flows: the submission below.

    const orderId = await submittedOrder(a.graphqlUrl, richOnA, 'Across instances');
    const [submitted] = await vendorEvents.take(1);
    expect(submitted!.orderEvents).toMatchObject({ type: 'SUBMITTED', order: { id: orderId } });

    await act(
      a.graphqlUrl,
      kimOnA,
      'mutation($i: OrderDecisionInput!) { approveChangeOrder(input: $i) { order { id } userErrors { code } } }',
      { i: { orderId } },
    );
    await act(
      a.graphqlUrl,
      richOnA,
      'mutation($i: OrderRefInput!) { finalConfirmChangeOrder(input: $i) { order { id } userErrors { code } } }',
      { i: { orderId } },
    );
    const later = await vendorEvents.take(2);
    expect(later.map((value) => value.orderEvents.type)).toEqual(['APPROVED', 'CONFIRMED']);
    expect(later[0]!.orderEvents.sequence).toBeGreaterThan(submitted!.orderEvents.sequence);
    expect(later[1]!.orderEvents.sequence).toBeGreaterThan(later[0]!.orderEvents.sequence);

    const [alert] = await alerts.take(1);
    expect(alert!.alertRaised).toMatchObject({ kind: 'ORDER_TO_CONFIRM', order: { id: orderId } });
  });
});

describe('a process killed with SIGKILL right after its commits', () => {
  it('loses no committed event and repeats none for a subscriber that resumes with afterSequence', async () => {
    const a = await instance();
    const rich = await login(a.graphqlUrl, 'rich@rs-vertical.example');
    const subscriber = liveClient(a.wsUrl, rich);
    clients.push(subscriber);
    const before = new Received<EventValue>(subscriber, ORDER_EVENTS);
    await connected(subscriber);
    const firstOrder = await submittedOrder(a.graphqlUrl, rich, 'Before the crash');
    const seen = await before.take(3);
    expect(seen.every((value) => value.orderEvents.order.id === firstOrder)).toBe(true);
    const lastSeen = seen.at(-1)!.orderEvents.sequence;

    // More commits, then the process dies the moment the last one was acknowledged.
    const committed = [
      await submittedOrder(a.graphqlUrl, rich, 'Crash 1'),
      await submittedOrder(a.graphqlUrl, rich, 'Crash 2'),
    ];
    a.child.kill('SIGKILL');
    await a.exited;

    const restarted = await instance();
    const token = await login(restarted.graphqlUrl, 'rich@rs-vertical.example');
    const resumedClient = liveClient(restarted.wsUrl, token);
    clients.push(resumedClient);
    const resumed = new Received<EventValue>(resumedClient, ORDER_EVENTS, {
      filter: { afterSequence: lastSeen },
    });
    const missed = await resumed.take(6); // each order: CREATED, UPDATED, SUBMITTED
    expect(missed.map((value) => [value.orderEvents.order.id, value.orderEvents.type])).toEqual(
      committed.flatMap((id) => [
        [id, 'CREATED'],
        [id, 'UPDATED'],
        [id, 'SUBMITTED'],
      ]),
    );
    const sequences = [...seen, ...missed].map((value) => value.orderEvents.sequence);
    expect(new Set(sequences).size).toBe(sequences.length);

    // Then live, on the restarted process, with nothing repeated.
    const afterRestart = await submittedOrder(restarted.graphqlUrl, token, 'After the restart');
    const live = await resumed.take(3);
    expect(live.map((value) => value.orderEvents.order.id)).toEqual([
      afterRestart,
      afterRestart,
      afterRestart,
    ]);
    expect(resumed.untaken).toEqual([]);
  });
});

/** What the slow client asks: a note of 2,000 characters and a history growing with each event. */
const HEAVY_EVENTS = `subscription Heavy($filter: OrderEventFilter) {
  orderEvents(filter: $filter) { sequence type order { id note history { sequence type at } } }
}`;
type HeavyValue = { orderEvents: { sequence: number } };
/** Subscriptions one socket may hold (MAX_SUBSCRIPTIONS_PER_SOCKET in websocket.ts). */
const SUBSCRIPTIONS_PER_SOCKET = 100;

/**
 * A graphql-transport-ws session on a bare ws socket, so that the test can stop reading it
 * (`socket.pause()`): graphql-ws's client always reads. Keeps every message by id.
 */
async function rawSession(wsUrl: string, token: string) {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const next = new Map<string, number[]>();
  const errors = new Map<string, string>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      id?: string;
      type: string;
      payload?: { data?: HeavyValue } | { message: string }[];
    };
    if (message.type === 'next' && message.id) {
      const value = (message.payload as { data: HeavyValue }).data;
      next.set(message.id, [...(next.get(message.id) ?? []), value.orderEvents.sequence]);
    } else if (message.type === 'error' && message.id) {
      errors.set(message.id, (message.payload as { message: string }[])[0]!.message);
    }
  });
  await once(socket, 'open');
  const acknowledged = new Promise<void>((resolve) =>
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') resolve();
    }),
  );
  socket.send(
    JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
  );
  await acknowledged;
  return {
    socket,
    next,
    errors,
    subscribe(id: string, variables: Record<string, unknown> = {}) {
      socket.send(
        JSON.stringify({ id, type: 'subscribe', payload: { query: HEAVY_EVENTS, variables } }),
      );
    },
    /** Resolves once `condition` holds, checked after each message. */
    until(condition: () => boolean): Promise<void> {
      if (condition()) return Promise.resolve();
      return new Promise((resolve) => {
        const check = () => {
          if (!condition()) return;
          socket.off('message', check);
          resolve();
        };
        socket.on('message', check);
      });
    },
  };
}

const fellBehindCount = (url: string) => metricValue(url, 'portal_subscriptions_fell_behind_total');

describe('a client that stops reading its socket', () => {
  it('has its subscriptions ended past 8 MiB unread, slows no one else, and resumes with afterSequence missing nothing', async () => {
    const a = await instance({ RATE_LIMIT_RPS: '0' });
    const rich = await login(a.graphqlUrl, 'rich@rs-vertical.example');
    const customers = await act(
      a.graphqlUrl,
      rich,
      '{ customers(search: "Vertical Demo") { edges { node { id } } } }',
      {},
    );
    const created = await act(
      a.graphqlUrl,
      rich,
      'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id history { sequence } } userErrors { code } } }',
      { i: { customerId: customers.edges[0].node.id, title: 'Watched by a slow client' } },
    );
    const orderId = created.order.id as string;
    const change = (n: number) =>
      act(
        a.graphqlUrl,
        rich,
        'mutation($i: UpdateChangeOrderInput!) { updateChangeOrder(input: $i) { order { id } userErrors { code } } }',
        { i: { orderId, note: String(n % 10).repeat(2_000) } },
      );
    // Both clients resume after the order's CREATED event. graphql-ws starts a subscription
    // as it reads its message, which may be after the next change is relayed; resuming
    // gives it that change all the same.
    const filter = { afterSequence: created.order.history[0].sequence as number };

    // A client that reads, on a socket of its own.
    const readerClient = liveClient(a.wsUrl, rich);
    clients.push(readerClient);
    const reader = new Received<HeavyValue>(readerClient, HEAVY_EVENTS, { filter });

    // The slow client: a full socket of subscriptions, live once each has had an event.
    const slow = await rawSession(a.wsUrl, rich);
    const ids = Array.from({ length: SUBSCRIPTIONS_PER_SOCKET }, (_, i) => `s${i}`);
    for (const id of ids) slow.subscribe(id, { filter });
    await change(0);
    await slow.until(() => ids.every((id) => slow.next.get(id)?.length === 1));
    const [first] = await reader.take(1);
    const seen = [first!.orderEvents.sequence];

    // It stops reading; every change still reaches the reader while the slow socket fills.
    // The kernel's buffers take a few MiB first, so the number of changes is not known in
    // advance: the server's counter says when the slow client has been cut off.
    slow.socket.pause();
    for (let n = 1; (await fellBehindCount(a.url)) < ids.length; n++) {
      if (n > 150)
        throw new Error('150 changes (about 100 MiB) and the slow client is not cut off');
      await change(n);
      const [value] = await reader.take(1);
      seen.push(value!.orderEvents.sequence);
    }
    expect(await fellBehindCount(a.url)).toBe(ids.length);
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    // Two changes after the cut, which it cannot have been sent.
    for (const n of [1, 2]) {
      await change(n);
      const [value] = await reader.take(1);
      seen.push(value!.orderEvents.sequence);
    }

    // Reading again, it finds what was sent before the cut, in order, then why it ended.
    slow.socket.resume();
    await slow.until(() => slow.errors.size === ids.length);
    for (const id of ids) {
      expect(slow.errors.get(id)).toBe(
        'The subscriber fell too far behind; resume with afterSequence.',
      );
      const received = slow.next.get(id)!;
      expect(received).toEqual(seen.slice(0, received.length));
    }

    // Resuming from the last event it got, it gets the rest, then live ones.
    const lastReceived = slow.next.get('s0')!.at(-1)!;
    slow.subscribe('resumed', { filter: { afterSequence: lastReceived } });
    const missed = seen.filter((sequence) => sequence > lastReceived);
    expect(missed.length).toBeGreaterThanOrEqual(2);
    const resumed = () => slow.next.get('resumed')?.length ?? 0;
    await slow.until(() => resumed() === missed.length);
    await change(0);
    const [live] = await reader.take(1);
    await slow.until(() => resumed() === missed.length + 1);
    expect(slow.next.get('resumed')).toEqual([...missed, live!.orderEvents.sequence]);
    slow.socket.close();
  });
});
