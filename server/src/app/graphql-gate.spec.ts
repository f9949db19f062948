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

    // The key's one request this second: a slot, identified (its prefix is now known), charged.
    const first = response();
    expect(await gate.enter(request(`Bearer ${key.secret}`), first.res, log)).toBe(viewer);
    expect(await gate.charge(first.res, viewer, undefined)).toBe(true);
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
