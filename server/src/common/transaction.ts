import type { EntityManager } from '@mikro-orm/postgresql';
import { Refusal, type UserError } from './user-error.js';

export type Outcome<T> = { value: T; userErrors: [] } | { value: null; userErrors: UserError[] };

/**
 * Runs one mutation in one transaction. A Refusal thrown anywhere inside rolls everything
 * back and becomes the payload's userErrors; any other error is a bug and propagates.
 */
export async function inTransaction<T>(
  em: EntityManager,
  work: (tx: EntityManager) => Promise<T>,
): Promise<Outcome<T>> {
  try {
    const value = await em.transactional(work);
    return { value, userErrors: [] };
  } catch (error) {
    if (error instanceof Refusal) return { value: null, userErrors: error.errors };
    throw error;
  }
}
