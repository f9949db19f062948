import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, newApiKeySecret, parseApiKeySecret, secretMatches } from './api-key-secret.js';

const PREFIX = '0123456789abcdef';
const BODY = 'A'.repeat(20) + 'z'.repeat(10) + '0123456789' + '-_x'; // 43 base64url characters

describe('newApiKeySecret', () => {
  it('gives a secret of the form cop_<16 hex>_<43 base64url>', () => {
    const { prefix, secret } = newApiKeySecret();
    expect(prefix).toMatch(/^[0-9a-f]{16}$/);
    expect(secret).toMatch(/^cop_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`cop_${prefix}_`)).toBe(true);
  });

  it('stores the SHA-256 of the body, never the secret itself', () => {
    const { secret, secretHash } = newApiKeySecret();
    const body = secret.slice('cop_'.length + 16 + 1);
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash).toBe(createHash('sha256').update(body).digest('hex'));
    expect(secretHash).not.toContain(body);
  });

  it('parses back to its own prefix, and the body matches its hash', () => {
    const { prefix, secret, secretHash } = newApiKeySecret();
    const parsed = parseApiKeySecret(secret);
    expect(parsed).not.toBeNull();
    expect(parsed!.prefix).toBe(prefix);
    expect(secretMatches(parsed!.body, secretHash)).toBe(true);
  });

  it('differs every time', () => {
    const secrets = Array.from({ length: 20 }, () => newApiKeySecret());
    expect(new Set(secrets.map((s) => s.secret)).size).toBe(20);
    expect(new Set(secrets.map((s) => s.prefix)).size).toBe(20);
  });
});

describe('parseApiKeySecret', () => {
  it('splits a well-formed secret into prefix and body', () => {
    expect(parseApiKeySecret(`cop_${PREFIX}_${BODY}`)).toEqual({ prefix: PREFIX, body: BODY });
  });

  it.each([
    ['empty', ''],
    ['the wrong tag', `key_${PREFIX}_${BODY}`],
    ['an upper-case tag', `COP_${PREFIX}_${BODY}`],
    ['no tag', `${PREFIX}_${BODY}`],
    ['a short prefix', `cop_${PREFIX.slice(1)}_${BODY}`],
    ['a long prefix', `cop_${PREFIX}0_${BODY}`],
    ['an upper-case hex prefix', `cop_${PREFIX.toUpperCase()}_${BODY}`],
    ['a non-hex prefix', `cop_${PREFIX.slice(0, 15)}g_${BODY}`],
    ['a short body', `cop_${PREFIX}_${BODY.slice(1)}`],
    ['a long body', `cop_${PREFIX}_${BODY}A`],
    ['base64 padding', `cop_${PREFIX}_${BODY.slice(1)}=`],
    ['a non-base64url body', `cop_${PREFIX}_${BODY.slice(1)}+`],
    ['a missing separator', `cop_${PREFIX}${BODY}`],
    ['leading space', ` cop_${PREFIX}_${BODY}`],
    ['a trailing newline', `cop_${PREFIX}_${BODY}\n`],
    ['a bearer token scheme', `Bearer cop_${PREFIX}_${BODY}`],
  ])('answers null for %s', (_what, secret) => {
    expect(parseApiKeySecret(secret)).toBeNull();
  });
});

describe('secretMatches', () => {
  const stored = hashSecret(BODY);

  it('is true for the body the hash was made from', () => {
    expect(secretMatches(BODY, stored)).toBe(true);
  });

  it('is false for any other body', () => {
    expect(secretMatches(BODY.slice(0, -1) + 'y', stored)).toBe(false);
    expect(secretMatches('', stored)).toBe(false);
    expect(secretMatches(`cop_${PREFIX}_${BODY}`, stored)).toBe(false);
  });

  it('is false, without throwing, for a stored hash of the wrong length or not hex', () => {
    expect(secretMatches(BODY, '')).toBe(false);
    expect(secretMatches(BODY, stored.slice(0, 32))).toBe(false);
    expect(secretMatches(BODY, `${stored}00`)).toBe(false);
    expect(secretMatches(BODY, 'not a hash at all')).toBe(false);
  });

  it('hashes deterministically with SHA-256 in hex', () => {
    expect(hashSecret(BODY)).toBe(hashSecret(BODY));
    expect(hashSecret(BODY)).toBe(createHash('sha256').update(BODY).digest('hex'));
    expect(hashSecret(BODY)).not.toBe(hashSecret(`${BODY}x`));
  });
});
