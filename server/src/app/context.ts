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

/** The EntityManager a long-lived context started with; each event's own is forked from it. */
const startedWith = new WeakMap<Context, EntityManager>();

/**
 * Gives a long-lived context (one subscription) a fresh EntityManager and loaders before
 * it resolves its next event, so nothing cached for an earlier event is served again. Both
 * are made on first use: most events resolve from the event itself, and a fan-out to
 * thousands of subscribers should not fork thousands of EntityManagers it never uses.
 */
export function freshContext(context: Context): void {
  let base = startedWith.get(context);
  if (!base) {
    base = context.em;
    startedWith.set(context, base);
  }
  const root = base;
  let em: EntityManager | undefined;
  let loaders: Loaders | undefined;
  Object.defineProperties(context, {
    em: { configurable: true, enumerable: true, get: () => (em ??= root.fork()) },
    loaders: {
      configurable: true,
      enumerable: true,
      get: () => (loaders ??= new LoadersClass(context.em, context.viewer)),
    },
  });
}
