import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

/**
 * What every resolver gets: its own EntityManager fork (one per request or subscription
 * operation, never shared) and a logger carrying the request id.
 *
 * A `type`, not an `interface`: graphql-ws's context typing needs an index-compatible type.
 */
export type Context = {
  em: EntityManager;
  log: Logger;
  requestId: string;
};
