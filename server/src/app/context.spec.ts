import type { EntityManager } from '@mikro-orm/postgresql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Services } from './services.js';
import { createContext, freshContext, releaseEventState } from './context.js';

/** A context whose forks are numbered, to tell one unit of work from the next. */
function counted() {
  let forks = 0;
  const context = createContext(() => ({ fork: ++forks }) as unknown as EntityManager, {
    log: pino({ enabled: false }),
    requestId: 'test',
    viewer: null,
    services: {} as Services,
  });
  return { context, forks: () => forks };
}

describe('a subscription context between events', () => {
  it('forks nothing until something is read', () => {
    const { context, forks } = counted();
    freshContext(context, {});
    expect(forks()).toBe(0);
    expect(context.em).toEqual({ fork: 1 });
    expect(context.em).toBe(context.em);
  });

  it('lets go of the EntityManager and loaders an event made, once its results are written', () => {
    const { context, forks } = counted();
    const firstEm = context.em;
    const firstLoaders = context.loaders;
    releaseEventState(context);
    expect(forks()).toBe(1); // nothing is made again until it is read
    expect(context.em).not.toBe(firstEm);
    expect(context.loaders).not.toBe(firstLoaders);
    expect(forks()).toBe(2);
  });

  it('leaves a context that made nothing as it is', () => {
    const { context } = counted();
    const descriptor = () => Object.getOwnPropertyDescriptor(context, 'em');
    const before = descriptor();
    releaseEventState(context);
    expect(descriptor()?.get === before?.get).toBe(true);
  });
});
