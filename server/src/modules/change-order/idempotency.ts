import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { refuse, UserErrorCode } from '../../common/user-error.js';
import type { Viewer } from '../auth/viewer.js';

const MAX_KEY_LENGTH = 200;

/** JSON with sorted keys and without null/absent fields: the same request hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type IdempotencyClaim = { replay: false } | { replay: true; orderId: string };

/**
 * Claims an idempotency key for an operation on an order (or, for createChangeOrder, with
 * the id the order it is about to make will have), first thing in the mutation's
 * transaction. A new key (or one older than 24 h) is claimed and the operation runs; its
 * record commits or rolls back with it, so only outcomes that happened are replayed. A key
 * used within 24 h with the same input replays; with another input it is VALIDATION. Two
 * requests racing with one key: the second waits on the first's row, then replays it.
 */
export async function claimIdempotencyKey(
  tx: EntityManager,
  viewer: Viewer,
  operation: string,
  key: string,
  orderId: string,
  input: unknown,
): Promise<IdempotencyClaim> {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    refuse(UserErrorCode.VALIDATION, `An idempotency key has 1 to ${MAX_KEY_LENGTH} characters.`, [
      'idempotencyKey',
    ]);
  }
  const requestHash = createHash('sha256').update(canonical(input)).digest('hex');
  const claimed = await tx.execute<{ id: string }[]>(
    `INSERT INTO idempotency_record (id, organization_id, operation, key, request_hash, order_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, now())
     ON CONFLICT (organization_id, operation, key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, order_id = EXCLUDED.order_id, created_at = now()
       WHERE idempotency_record.created_at < now() - interval '24 hours'
     RETURNING id`,
    [randomUUID(), viewer.organizationId, operation, key, requestHash, orderId],
  );
  if (claimed.length > 0) return { replay: false };

  const [first] = await tx.execute<{ request_hash: string; order_id: string }[]>(
    `SELECT request_hash, order_id FROM idempotency_record
     WHERE organization_id = ? AND operation = ? AND key = ?`,
    [viewer.organizationId, operation, key],
  );
  // The input hashed includes the order it acts on (or, for a create, what it makes).
  if (!first || first.request_hash !== requestHash) {
    refuse(
      UserErrorCode.VALIDATION,
      'This idempotency key was used with a different request in the last 24 hours.',
      ['idempotencyKey'],
    );
  }
  return { replay: true, orderId: first.order_id };
}
