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

/** Entity reads shared by the subscribers of one relayed event, by that event's object. */
const sharedReads = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Gives a long-lived context (one subscription) a fresh EntityManager and loaders before
 * it resolves its next event, so nothing cached for an earlier event is served again. Both
 * are made on first use: most events resolve from the event itself, and a fan-out to
 * thousands of subscribers should not fork thousands of EntityManagers it never uses.
 *
 * `event` is the object the relay hands every subscriber of one event. Subscribers of
 * different audiences (each API key is one) execute their documents apart (see
 * sharedSubscribe), so a thousand dashboards selecting `order { customer { name } }` would
 * each read the same rows; with it, their loaders share `entity()` reads (relations by id,
 * the same for every viewer), and only the first one reads, or forks an EntityManager.
 */
export function freshContext(context: Context, event?: object): void {
  const fork = forks.get(context);
  if (!fork) throw new Error('freshContext needs a context made by createContext');
  let shared: Map<string, Promise<unknown>> | undefined;
  if (event) {
    shared = sharedReads.get(event);
    if (!shared) sharedReads.set(event, (shared = new Map<string, Promise<unknown>>()));
  }
  defineUnitsOfWork(context, fork, shared);
}

/**
 * Lets go of what a subscription's context made for the events it has resolved (an
 * EntityManager with their entities, loaders), once their results are written: otherwise
 * each of thousands of waiting sockets keeps them until its next event. Costs nothing for
 * a context that made neither, as most subscribers of a shared result did not.
 */
export function releaseEventState(context: Context): void {
  if (made.has(context)) freshContext(context);
}

/** Contexts that made an EntityManager or loaders since they were last made fresh. */
const made = new WeakSet<Context>();

function defineUnitsOfWork(
  context: Context,
  fork: () => EntityManager,
  sharedEntities?: Map<string, Promise<unknown>>,
): void {
  let em: EntityManager | undefined;
  let loaders: Loaders | undefined;
  made.delete(context);
  Object.defineProperties(context, {
    em: {
      configurable: true,
      enumerable: true,
      get: () => (em ??= (made.add(context), fork())),
    },
    loaders: {
      configurable: true,
      enumerable: true,
      get: () =>
        (loaders ??=
          (made.add(context), new LoadersClass(() => context.em, context.viewer, sharedEntities))),
    },
  });
}
