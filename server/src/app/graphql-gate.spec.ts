import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { newApiKeySecret } from '../modules/api-key/api-key-secret.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { GraphqlGate, REFUSED } from './graphql-gate.js';
import { Throttle } from './throttle.js';

/** A request with this Authorization header. */
const request = (authorization?: string) =>
  ({ headers: authorization ? { authorization } : {} }) as IncomingMessage;

/** A response that records what was sent; 'close' (the slot's release) only when told. */
function response() {
  const sent: { status?: number; body?: string } = {};
  const res = Object.assign(new EventEmitter(), {
    writeHead: (status: number) => {
      sent.status = status;
      return res;
    },
    end: (body: string) => {
      sent.body = body;
    },
  });
  return { res: res as unknown as ServerResponse, sent };
}

const code = (body: string | undefined) =>
  (JSON.parse(body ?? '{}') as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions
    .code;

describe('GraphqlGate', () => {
  it("refuses an API key over its rate without taking a slot, so it cannot get others' requests shed", async () => {
    const key = newApiKeySecret();
    const viewer = { userId: 'u1', apiKeyId: 'k1', organizationId: 'o1' } as Viewer;
    const throttle = new Throttle({ maxInFlight: 1, ratePerSecond: 1 });
    const gate = new GraphqlGate(throttle, () => Promise.resolve(viewer));
    const log = pino({ enabled: false });

    // The key's one request this second: a slot, identified (the key is now known), charged.
    const first = response();
    const firstRequest = request(`Bearer ${key.secret}`);
    expect(await gate.enter(firstRequest, first.res, log)).toBe(viewer);
    expect(await gate.charge(firstRequest, first.res, viewer, undefined)).toBe(true);
    first.res.emit('close');

    // More from the spent key: 429 at the gate's door, and the one slot stays free.
    for (let i = 0; i < 5; i++) {
      const flood = response();
      expect(await gate.enter(request(`Bearer ${key.secret}`), flood.res, log)).toBe(REFUSED);
      expect(flood.sent.status).toBe(429);
      expect(code(flood.sent.body)).toBe('RATE_LIMITED');
    }
    expect(throttle.current).toBe(0);

    // Another client gets the slot; only then is the next one shed.
    const calm = response();
    expect(await gate.enter(request('Bearer another-token'), calm.res, log)).toBe(viewer);
    const late = response();
    expect(await gate.enter(request('Bearer another-token'), late.res, log)).toBe(REFUSED);
    expect(late.sent.status).toBe(503);
    expect(code(late.sent.body)).toBe('OVERLOADED');
    calm.res.emit('close');
    expect(throttle.current).toBe(0);
  });

  it('charges a known key before it takes a slot, so requests arriving together at the start of a second cannot fill the slots while their lookups run', async () => {
    const key = newApiKeySecret();
    const viewer = { userId: null, apiKeyId: 'k1', organizationId: 'o1' } as Viewer;
    let lookups = 0;
    let answerLookups: (viewer: Viewer) => void = () => undefined;
    const pendingLookups = new Promise<Viewer>((resolve) => (answerLookups = resolve));
    // The first lookup answers at once; the rest wait, as they do while the database is busy.
    const authenticate = (authorization: unknown): Promise<Viewer> => {
      if (authorization !== `Bearer ${key.secret}`)
        return Promise.resolve({ userId: 'u2', apiKeyId: null, organizationId: 'o1' } as Viewer);
      return lookups++ === 0 ? Promise.resolve(viewer) : pendingLookups;
    };
    const throttle = new Throttle({ maxInFlight: 5, ratePerSecond: 4 });
    const gate = new GraphqlGate(throttle, authenticate);
    const log = pino({ enabled: false });

    const first = response();
    const firstRequest = request(`Bearer ${key.secret}`);
    expect(await gate.enter(firstRequest, first.res, log)).toBe(viewer);
    expect(await gate.charge(firstRequest, first.res, viewer, undefined)).toBe(true); // 1 of 4
    first.res.emit('close');

    // Ten more at once: the three left this second take slots and wait for their lookups;
    // the other seven are refused at the door.
    const flood = Array.from({ length: 10 }, () => ({
      req: request(`Bearer ${key.secret}`),
      ...response(),
    }));
    const entering = flood.map(({ req, res }) => gate.enter(req, res, log));
    // The charges are in memory: once pending promise callbacks have run (one turn of the
    // event loop), every refusal is sent, while no lookup has answered.
    await new Promise((resolve) => setImmediate(resolve));
    const statuses = flood.map(({ sent }) => sent.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    expect(statuses.filter((status) => status === undefined)).toHaveLength(3);
    expect(throttle.current).toBe(3);

    // Another client is served meanwhile.
    const calm = response();
    expect(await gate.enter(request('Bearer a-token'), calm.res, log)).toMatchObject({
      userId: 'u2',
    });

    // The three were charged before their lookups, and are not charged again after them.
    answerLookups(viewer);
    const entered = await Promise.all(entering);
    const admitted = flood.filter((_, i) => entered[i] !== REFUSED);
    expect(admitted).toHaveLength(3);
    for (const { req, res } of admitted)
      expect(await gate.charge(req, res, viewer, undefined)).toBe(true);
    for (const { res } of [...admitted, calm]) res.emit('close');
    expect(throttle.current).toBe(0);
  });

  it('refuses a caller whose credentials cannot be checked (503), and frees its slot once answered', async () => {
    const throttle = new Throttle({ maxInFlight: 1, ratePerSecond: 1 });
    const gate = new GraphqlGate(throttle, () => Promise.reject(new Error('database down')));
    const { res, sent } = response();
    expect(await gate.enter(request('Bearer x'), res, pino({ enabled: false }))).toBe(REFUSED);
    expect(sent.status).toBe(503);
    expect(code(sent.body)).toBe('SERVICE_UNAVAILABLE');
    res.emit('close');
    expect(throttle.current).toBe(0);
  });
});
