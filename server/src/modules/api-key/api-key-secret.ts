import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Secrets look like `cop_<prefix>_<secret>`: the prefix finds the key, the rest proves it. */
const FORMAT = /^cop_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function newApiKeySecret(): { prefix: string; secret: string; secretHash: string } {
  const prefix = randomBytes(8).toString('hex');
  const body = randomBytes(32).toString('base64url');
  return { prefix, secret: `cop_${prefix}_${body}`, secretHash: hashSecret(body) };
}

export function parseApiKeySecret(secret: string): { prefix: string; body: string } | null {
  const match = FORMAT.exec(secret);
  return match ? { prefix: match[1]!, body: match[2]! } : null;
}

export function hashSecret(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

export function secretMatches(body: string, secretHash: string): boolean {
  const given = Buffer.from(hashSecret(body), 'hex');
  const stored = Buffer.from(secretHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
