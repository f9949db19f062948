import { Repeater } from '@repeaterjs/repeater';
import {
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type ExecutionResult,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { sharedSubscribe } from './shared-execution.js';

/** A schema with one subscription whose resolver counts its executions. */
function fixture() {
  const listeners = new Set<(event: { n: number }) => void>();
  let executions = 0;
  let released = 0;
  const Event = new GraphQLObjectType({
    name: 'Event',
    fields: {
      n: { type: GraphQLInt },
      seenBy: {
        type: GraphQLString,
        resolve: (_event, _args, context: { viewer: string }) => context.viewer,
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        events: {
          type: Event,
          subscribe: () =>
            new Repeater<{ n: number }>(async (push, stop) => {
              const listener = (event: { n: number }) => void push(event);
              listeners.add(listener);
              await stop;
              listeners.delete(listener);
              released++;
            }),
          resolve: (event: { n: number }) => {
            executions++;
            return event;
          },
        },
      },
    }),
  });
  return {
    schema,
    publish: (event: { n: number }) => listeners.forEach((listener) => listener(event)),
    executions: () => executions,
    released: () => released,
    listening: () => listeners.size,
  };
}

const subscribe = sharedSubscribe((context) => (context as { viewer: string }).viewer);

async function open(schema: GraphQLSchema, viewer: string, query = '{ n seenBy }') {
  const stream = (await subscribe({
    schema,
    document: parse(`subscription { events ${query} }`),
    contextValue: { viewer },
  })) as AsyncIterableIterator<ExecutionResult>;
  return stream;
}

describe('sharedSubscribe', () => {
  it('executes an event once for subscribers with the same audience and document, once more for each other audience', async () => {
    const { schema, publish, executions, listening } = fixture();
    const [a1, a2, b] = await Promise.all([
      open(schema, 'alice'),
      open(schema, 'alice'),
      open(schema, 'bob'),
    ]);
    const next = [a1.next(), a2.next(), b.next()] as const;
    await new Promise((resolve) => setImmediate(resolve)); // the source subscribed
    expect(listening()).toBe(3);
    publish({ n: 1 });
    const [r1, r2, r3] = await Promise.all(next);
    expect(r1.value).toEqual({ data: { events: { n: 1, seenBy: 'alice' } } });
    expect(r2.value).toEqual(r1.value);
    expect(r3.value).toEqual({ data: { events: { n: 1, seenBy: 'bob' } } });
    expect(executions()).toBe(2);
  });

  it('does not share between different documents', async () => {
    const { schema, publish, executions } = fixture();
    const [full, short] = await Promise.all([
      open(schema, 'alice'),
      open(schema, 'alice', '{ n }'),
    ]);
    const next = [full.next(), short.next()] as const;
    await new Promise((resolve) => setImmediate(resolve));
    publish({ n: 2 });
    const [r1, r2] = await Promise.all(next);
    expect(r1.value).toEqual({ data: { events: { n: 2, seenBy: 'alice' } } });
    expect(r2.value).toEqual({ data: { events: { n: 2 } } });
    expect(executions()).toBe(2);
  });

  it('releases the source as soon as the subscriber leaves, without waiting for an event', async () => {
    const { schema, released, listening } = fixture();
    const stream = await open(schema, 'alice');
    const pending = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(listening()).toBe(1);
    expect(await stream.return!()).toEqual({ done: true, value: undefined });
    expect(released()).toBe(1);
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('returns the errors of a subscription that cannot start', async () => {
    const { schema } = fixture();
    const result = await subscribe({
      schema,
      document: parse('subscription { nope }'),
      contextValue: { viewer: 'alice' },
    });
    expect((result as ExecutionResult).errors?.[0]?.message).toMatch(/nope/);
  });
});
