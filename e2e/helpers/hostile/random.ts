/**
 * Deterministic randomness: a small seeded PRNG and the junk made from it (strings of a given
 * alphabet, version-4-shaped uuids). Every random choice of the generator comes from the one
 * PRNG that `hostileHttpCases` seeds, consumed group after group in a fixed order, so each run
 * sends the same bytes.
 */

/** mulberry32: a small seeded PRNG, good enough to pick junk reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function junk(random: () => number, length: number, alphabet = ALNUM): string {
  // Byte by byte into a buffer: megabytes of it, quickly (the alphabets are ASCII).
  const bytes = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++)
    bytes[i] = alphabet.charCodeAt(Math.floor(random() * alphabet.length));
  return bytes.toString('latin1');
}

export function uuid(random: () => number): string {
  const hex = junk(random, 32, '0123456789abcdef');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
