/**
 * Overload: offered twice what it can answer, the portal refuses the excess at once with a
 * clear throttling error instead of slowing everyone down, and answers normally again soon
 * after; one API key flooding it is held to its own rate while another client is served.
 *
 * Capacity is measured in the same run on the same machine (a closed loop of licence-grid
 * queries); the overload is an open loop at twice that rate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../server/test/helpers/client.js';
import { LICENSE_GRID } from '../../server/test/helpers/documents.js';
import {
  freePort,
  startPortalProcess,
  stopPortal,
  waitHealthy,
  type PortalProcess,
} from '../helpers/portal-process.js';
import { startSharedDatabase } from '../helpers/shared-database.js';

const JWT_SECRET = 'e2e-overload-secret-of-at-least-32-characters';

let database: Awaited<ReturnType<typeof startSharedDatabase>>;
const processes: PortalProcess[] = [];

beforeAll(async () => {
  database = await startSharedDatabase();
});
afterAll(async () => {
  for (const running of processes) await stopPortal(running);
  await database?.stop();
});

async function portal(env: Record<string, string>): Promise<PortalProcess> {
  const started = startPortalProcess({
    PORT: String(await freePort()),
    DATABASE_URL: database.url,
    JWT_SECRET,
    ...env,
  });
  processes.push(started);
  await waitHealthy(started);
  return started;
}

async function login(url: string, email: string): Promise<string> {
  const response = await graphql<{ login: { token: string } }>(
    `${url}/graphql`,
    'mutation($e: String!) { login(email: $e, password: "demo") { token } }',
    { e: email },
  );
  return response.data!.login.token;
}

async function verticalDemoId(url: string, token: string): Promise<string> {
  const response = await graphql<{ customers: { edges: { node: { id: string } }[] } }>(
    `${url}/graphql`,
    '{ customers(search: "Vertical Demo") { edges { node { id } } } }',
    {},
    { token },
  );
  return response.data!.customers.edges[0]!.node.id;
}

async function apiKey(url: string, token: string, name: string): Promise<string> {
  const response = await graphql<{ createApiKey: { secret: string } }>(
    `${url}/graphql`,
    'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
    { i: { name, scopes: ['READ'] } },
    { token },
  );
  return response.data!.createApiKey.secret;
}

/** One answer as the load generator saw it. */
interface Outcome {
  status: number | 'network error';
  code?: unknown;
  retryAfter: string | null;
  hasData: boolean;
  ms: number;
}

/** One licence-grid query for the given credential. */
async function gridQuery(url: string, credential: string, customerId: string): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await graphql<{ customer: { licenses: unknown[] } | null }>(
      `${url}/graphql`,
      LICENSE_GRID,
      { id: customerId },
      { token: credential },
    );
    return {
      status: response.status,
      code: response.errors?.[0]?.extensions?.code,
      retryAfter: response.headers.get('retry-after'),
      hasData: (response.data?.customer?.licenses.length ?? 0) > 0,
      ms: performance.now() - started,
    };
  } catch {
    return { status: 'network error', retryAfter: null, hasData: false, ms: 0 };
  }
}

/** Closed loop: `workers` clients, each sending its next query when the last is answered. */
async function measureCapacity(send: () => Promise<Outcome>, total: number, workers: number) {
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (sent < total) {
        sent++;
        const outcome = await send();
        if (outcome.status !== 200) throw new Error(`capacity run got ${outcome.status}`);
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/**
 * Open loop: `perSecond` queries a second for `seconds`, sent on schedule whether or not the
 * earlier ones were answered (as independent users do). Resolves once every one is answered.
 */
async function offer(
  send: () => Promise<Outcome>,
  perSecond: number,
  seconds: number,
): Promise<Outcome[]> {
  const pending: Promise<Outcome>[] = [];
  const total = Math.round(perSecond * seconds);
  const started = performance.now();
  while (pending.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * perSecond));
    while (pending.length < due) pending.push(send());
    // The pacing clock of the load generator, not a wait for the server.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Promise.all(pending);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Fails unless the portal answers a grid query normally within `ms` of being asked. */
async function recoversWithin(ms: number, send: () => Promise<Outcome>): Promise<number> {
  const started = performance.now();
  for (;;) {
    const outcome = await send();
    if (outcome.status === 200 && outcome.hasData) return performance.now() - started;
    if (performance.now() - started > ms) throw new Error(`not recovered after ${ms} ms`);
  }
}

describe('overload', () => {
  let running: PortalProcess;
  let token: string;
  let customerId: string;
  let capacity: number;

  beforeAll(async () => {
    running = await portal({ RATE_LIMIT_RPS: '0', MAX_IN_FLIGHT: '16' });
    token = await login(running.url, 'rich@rs-vertical.example');
    customerId = await verticalDemoId(running.url, token);
    const send = () => gridQuery(running.url, token, customerId);
    await measureCapacity(send, 100, 8); // warm-up: JIT, pools, caches
    capacity = await measureCapacity(send, 400, 16);
  });

  it('at twice the measured capacity, refuses the excess with 503 OVERLOADED and Retry-After, serves the rest, and recovers', async () => {
    const send = () => gridQuery(running.url, token, customerId);
    // Capacity measured on a shared machine can come out low (other test files ran
    // meanwhile); if the portal kept up with "twice" that, it was not twice: measure again
    // and offer twice the new figure, a few times at most.
    let outcomes: Outcome[] = [];
    let offered = 0;
    for (let round = 0; round < 4; round++) {
      offered = 2 * capacity;
      outcomes = await offer(send, offered, 3);
      expect(
        outcomes.filter((o) => o.status !== 200 && o.status !== 503),
        'only answers or throttling refusals, never another error',
      ).toEqual([]);
      if (outcomes.some((o) => o.status === 503)) break;
      capacity = Math.max(1.5 * capacity, await measureCapacity(send, 400, 16));
    }

    const served = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.status === 503);
    const ms = (list: Outcome[], p: number) =>
      percentile(
        list.map((o) => o.ms),
        p,
      ).toFixed(0);
    console.info(
      `capacity ${capacity.toFixed(0)}/s; offered ${outcomes.length} at ${offered.toFixed(0)}/s: ` +
        `${served.length} served (p50 ${ms(served, 50)} ms), ` +
        `${refused.length} refused (p50 ${ms(refused, 50)} ms, p99 ${ms(refused, 99)} ms)`,
    );
    expect(served.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of served) expect(answer.hasData).toBe(true);
    for (const refusal of refused) {
      expect(refusal.code).toBe('OVERLOADED');
      expect(refusal.retryAfter).toBe('1');
    }

    // The bound: normal answers again within 10 s of the flood ending.
    const recoveredMs = await recoversWithin(10_000, send);
    console.info(`recovered in ${recoveredMs.toFixed(0)} ms`);
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/portal_throttled_total\{reason="OVERLOADED"\} [1-9]/);
    expect(running.errorOutput()).not.toMatch(/Error|uncaught/i);
  });

  it('an API key flooding at twice capacity is held to its rate with 429 RATE_LIMITED, while another client is served in full', async () => {
    const rate = 20;
    // An instance with per-client rates on; the capacity is the one measured above.
    const limitedPortal = await portal({ RATE_LIMIT_RPS: String(rate) });
    const { url } = limitedPortal;
    const admin = await login(url, 'rich@rs-vertical.example');
    const flooding = await apiKey(url, admin, 'Runaway script');
    const polite = await apiKey(url, admin, 'Dashboard');

    const floodStarted = performance.now();
    const [flood, calm] = await Promise.all([
      offer(() => gridQuery(url, flooding, customerId), 2 * capacity, 3),
      offer(() => gridQuery(url, polite, customerId), rate / 2, 3),
    ]);
    const floodSeconds = (performance.now() - floodStarted) / 1000;

    const limited = flood.filter((o) => o.status === 429);
    // Once the key has authenticated, each of its requests is charged before it takes an
    // in-flight slot, so at most its rate a second take slots and its 429s cannot fill the
    // instance. Only the requests sent before its first lookup answered take slots unchecked,
    // and load shedding may refuse some of those (503 OVERLOADED), as it should.
    const shed = flood.filter((o) => o.status === 503);
    const served = flood.filter((o) => o.status === 200);
    console.info(
      `capacity ${capacity.toFixed(0)}/s; the flooding key sent ${flood.length}: ` +
        `${served.length} served, ${limited.length} limited ` +
        `(p50 ${percentile(
          limited.map((o) => o.ms),
          50,
        ).toFixed(0)} ms), ${shed.length} shed`,
    );
    expect(flood.filter((o) => o.status !== 200 && o.status !== 429 && o.status !== 503)).toEqual(
      [],
    );
    expect(limited.length).toBeGreaterThan(shed.length);
    // At most `rate` a second get through: a flood lasting D seconds (until its last answer)
    // touches at most ceil(D) + 1 one-second windows.
    expect(served.length).toBeLessThanOrEqual((Math.ceil(floodSeconds) + 1) * rate);
    for (const refusal of limited) {
      expect(refusal.code).toBe('RATE_LIMITED');
      expect(Number(refusal.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    for (const refusal of shed) {
      expect(refusal.code).toBe('OVERLOADED');
      expect(refusal.retryAfter).toBe('1');
    }
    expect(calm.map((o) => o.status)).toEqual(calm.map(() => 200));
    expect(calm.every((o) => o.hasData)).toBe(true);
  });
});
