import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Viewer } from '../modules/auth/viewer.js';
import { Loaders as LoadersClass, type Loaders } from './loaders.js';
import type { Services } from './services.js';

/**
 * What every resolver gets: its own EntityManager fork (one per request or subscription
 * operation, never shared), the viewer behind the credentials (null without valid ones),
 * per-request loaders, the services, and a logger carrying the request id.
 *
 * A `type`, not an `interface`: graphql-ws's context typing needs an index-compatible type.
 */
export type Context = {
  em: EntityManager;
  log: Logger;
  requestId: string;
  viewer: Viewer | null;
  loaders: Loaders;
  services: Services;
};

/** The viewer, or the request fails with UNAUTHENTICATED. */
export function requireViewer(context: Context): Viewer {
  if (!context.viewer) throw unauthenticated();
  return context.viewer;
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in, or send a valid API key: Authorization: Bearer <token>.', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}

/** How each context forks its EntityManager (the ORM's root manager's fork). */
const forks = new WeakMap<Context, () => EntityManager>();

/**
 * A context whose EntityManager and loaders are made on first use. A request that reads
 * nothing, or a subscription that waits for events (ten thousand sockets may), never forks
 * an EntityManager or builds its dozen DataLoaders.
 */
export function createContext(
  fork: () => EntityManager,
  fields: Pick<Context, 'log' | 'requestId' | 'viewer' | 'services'>,
): Context {
  const context = { ...fields } as Context;
  forks.set(context, fork);
  defineUnitsOfWork(context, fork);
  return context;
}

/**
 * Gives a long-lived context (one subscription) a fresh EntityManager and loaders before
 * it resolves its next event, so nothing cached for an earlier event is served again. Both
 * are made on first use: most events resolve from the event itself, and a fan-out to
 * thousands of subscribers should not fork thousands of EntityManagers it never uses.
 */
export function freshContext(context: Context): void {
  const fork = forks.get(context);
  if (!fork) throw new Error('freshContext needs a context made by createContext');
  defineUnitsOfWork(context, fork);
}

function defineUnitsOfWork(context: Context, fork: () => EntityManager): void {
  let em: EntityManager | undefined;
  let loaders: Loaders | undefined;
  Object.defineProperties(context, {
    em: { configurable: true, enumerable: true, get: () => (em ??= fork()) },
    loaders: {
      configurable: true,
      enumerable: true,
      get: () => (loaders ??= new LoadersClass(context.em, context.viewer)),
    },
  });
}
