import { describe, expect, it } from 'vitest';
import { ANONYMOUS_PER_SECOND, clientKey, isRefusal, Throttle, type Refusal } from './throttle.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { newApiKeySecret, parseApiKeySecret } from '../modules/api-key/api-key-secret.js';
import { bearerCredential } from '../modules/auth/auth.service.js';

const viewer = (ids: Partial<Viewer>) => ({ userId: null, apiKeyId: null, ...ids }) as Viewer;

describe('Throttle.admit (load shedding)', () => {
  it('admits up to the limit, refuses the next with 503 OVERLOADED and Retry-After, and admits again once a slot is released', () => {
    const refused: string[] = [];
    const throttle = new Throttle({ maxInFlight: 2, ratePerSecond: 0 }, (why) => refused.push(why));
    const first = throttle.admit();
    const second = throttle.admit();
    expect(isRefusal(first) || isRefusal(second)).toBe(false);
    expect(throttle.current).toBe(2);

    const third = throttle.admit() as Refusal;
    expect(isRefusal(third)).toBe(true);
    expect(third.status).toBe(503);
    expect(third.retryAfterSeconds).toBe(1);
    expect(third.error.extensions).toEqual({ code: 'OVERLOADED', retryAfterSeconds: 1 });
    expect(third.error.message).toMatch(/busy/);
    expect(refused).toEqual(['OVERLOADED']);

    (first as { release: () => void }).release();
    (first as { release: () => void }).release(); // twice counts once
    expect(throttle.current).toBe(1);
    expect(isRefusal(throttle.admit())).toBe(false);
  });

  it('never refuses when the limit is 0 (off)', () => {
    const throttle = new Throttle({ maxInFlight: 0, ratePerSecond: 0 });
    for (let i = 0; i < 1000; i++) expect(isRefusal(throttle.admit())).toBe(false);
  });
});

describe('Throttle.charge (per-client rate)', () => {
  it('lets a client start its rate in a second and refuses the next with 429 RATE_LIMITED naming the client; other clients are unaffected', async () => {
    const refused: string[] = [];
    const throttle = new Throttle({ maxInFlight: 0, ratePerSecond: 3 }, (why) => refused.push(why));
    const key = clientKey(viewer({ apiKeyId: 'k1', organizationId: 'o' }), '10.0.0.1');
    for (let i = 0; i < 3; i++) expect(await throttle.charge(key)).toBeUndefined();

    const over = (await throttle.charge(key))!;
    expect(over.status).toBe(429);
    expect(over.retryAfterSeconds).toBe(1);
    expect(over.error.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(over.error.message).toBe(
      'Too many requests from this API key: at most 3 a second. Retry after 1 second.',
    );
    expect(refused).toEqual(['RATE_LIMITED']);

    const someoneElse = clientKey(viewer({ userId: 'u1' }), '10.0.0.1');
    expect(await throttle.charge(someoneElse)).toBeUndefined();
  });

  it('lets an address without credentials start at most ANONYMOUS_PER_SECOND a second', async () => {
    const throttle = new Throttle({ maxInFlight: 0, ratePerSecond: 50 });
    const anonymous = clientKey(null, '10.0.0.9');
    for (let i = 0; i < ANONYMOUS_PER_SECOND; i++) {
      expect(await throttle.charge(anonymous)).toBeUndefined();
    }
    const over = (await throttle.charge(anonymous))!;
    expect(over.status).toBe(429);
    expect(over.error.message).toMatch(/this address: at most 5 a second/);
    expect(await throttle.charge(clientKey(viewer({ userId: 'u9' }), '10.0.0.9'))).toBeUndefined();
  });

  it('never refuses when the rate is 0 (off)', async () => {
    const throttle = new Throttle({ maxInFlight: 0, ratePerSecond: 0 });
    const key = clientKey(null, '10.0.0.1');
    for (let i = 0; i < 100; i++) expect(await throttle.charge(key)).toBeUndefined();
  });
});

describe('clientKey', () => {
  it('counts an API key by its id, a person by their user id, anyone else by address', () => {
    expect(clientKey(viewer({ apiKeyId: 'k', userId: null }), '1.2.3.4').key).toBe('key:k');
    expect(clientKey(viewer({ userId: 'u' }), '1.2.3.4').key).toBe('user:u');
    expect(clientKey(null, '1.2.3.4')).toEqual({
      key: 'address:1.2.3.4',
      label: 'this address',
      anonymous: true,
    });
  });
});

describe('Throttle.chargeKnownApiKey (a known API key, charged before its database lookup)', () => {
  const key = parseApiKeySecret(newApiKeySecret().secret)!;
  const asK1 = clientKey(viewer({ apiKeyId: 'k1', organizationId: 'o' }), undefined);

  it('charges a remembered key from its secret, refuses it once its rate is spent, and nothing else', async () => {
    const throttle = new Throttle({ maxInFlight: 0, ratePerSecond: 2 });
    // Not remembered yet: neither charged nor refused here.
    expect(await throttle.chargeKnownApiKey(key)).toBeUndefined();
    expect(await throttle.charge(asK1)).toBeUndefined(); // its lookup's charge: 1 of 2

    throttle.rememberApiKey(key, 'k1');
    expect(await throttle.chargeKnownApiKey(key)).toEqual(asK1); // 2 of 2
    const early = (await throttle.chargeKnownApiKey(key)) as Refusal;
    expect(isRefusal(early)).toBe(true);
    expect(early.status).toBe(429);
    expect(early.error.extensions.code).toBe('RATE_LIMITED');
    // Another key, the right prefix with a wrong secret, a token, no credentials: untouched.
    expect(await throttle.chargeKnownApiKey(parseApiKeySecret(newApiKeySecret().secret))).toBe(
      undefined,
    );
    const guess = parseApiKeySecret(newApiKeySecret().secret)!;
    expect(await throttle.chargeKnownApiKey({ prefix: key.prefix, body: guess.body })).toBe(
      undefined,
    );
    const token = bearerCredential('Bearer eyJhbGciOiJIUzI1NiJ9.e30.x')!;
    expect(await throttle.chargeKnownApiKey(parseApiKeySecret(token))).toBeUndefined();
    expect(await throttle.chargeKnownApiKey(null)).toBeUndefined();
  });

  it('forgets a key when its own secret stops authenticating, not when a guess fails', async () => {
    const throttle = new Throttle({ maxInFlight: 0, ratePerSecond: 5 });
    throttle.rememberApiKey(key, 'k1');
    const guess = parseApiKeySecret(newApiKeySecret().secret)!;
    throttle.forgetApiKey({ prefix: key.prefix, body: guess.body });
    expect(await throttle.chargeKnownApiKey(key)).toEqual(asK1);

    throttle.forgetApiKey(key); // revoked
    expect(await throttle.chargeKnownApiKey(key)).toBeUndefined();
  });

  it('charges nothing when rates are off', async () => {
    const throttle = new Throttle({ maxInFlight: 0, ratePerSecond: 0 });
    throttle.rememberApiKey(key, 'k1');
    expect(await throttle.chargeKnownApiKey(key)).toBeUndefined();
  });
});
