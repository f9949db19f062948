/**
 * A fresh idempotency key for a mutation that makes or moves something (create, copy,
 * submit): a retry after an answer that never came sends the same key and gets the first
 * attempt's result. 128 random bits; `crypto.getRandomValues` also where `randomUUID` is
 * missing (a page served over plain http is not a secure context).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
