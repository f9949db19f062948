import {
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type ExecutionResult,
} from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { Feed } from '../common/feed.js';
import { sharedSubscribe, type ResultSink } from './shared-execution.js';

/** A schema with one subscription whose resolver counts its executions. */
function fixture() {
  const listeners = new Set<(event: { n: number; delayMs?: number }) => void>();
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
      /** Resolves after the event's `delayMs`: a resolver that reads the database. */
      later: {
        type: GraphQLInt,
        resolve: async (event: { n: number; delayMs?: number }) => {
          await new Promise((resolve) => setTimeout(resolve, event.delayMs ?? 0));
          return event.n;
        },
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
            new Feed<{ n: number }>(({ push }) => {
              listeners.add(push);
              return () => {
                listeners.delete(push);
                released++;
              };
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
    publish: (event: { n: number; delayMs?: number }) =>
      listeners.forEach((listener) => listener(event)),
    executions: () => executions,
    released: () => released,
    listening: () => listeners.size,
  };
}

const subscribe = sharedSubscribe({
  audienceOf: (context) => (context as { viewer: string }).viewer,
});

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

/** A sink that keeps what is written, and refuses once `capacity` results were written. */
function recordingSink(capacity = Number.POSITIVE_INFINITY) {
  const written: unknown[] = [];
  const sink: ResultSink = {
    write: (json) => {
      written.push(JSON.parse(json));
      return written.length <= capacity;
    },
    drained: () => Promise.resolve(),
  };
  return { sink, written };
}

const direct = sharedSubscribe({
  audienceOf: (context) => (context as { viewer: string }).viewer,
  sinkOf: (args) => (args.contextValue as { sink?: ResultSink }).sink,
  behind: () => new Error('too far behind'),
  eventsDone: (context) => (context as { done?: () => void }).done?.(),
});

async function openDirect(
  schema: GraphQLSchema,
  viewer: string,
  sink: ResultSink,
  query = '{ n seenBy }',
  done?: () => void,
) {
  return (await direct({
    schema,
    document: parse(`subscription { events ${query} }`),
    contextValue: { viewer, sink, done },
  })) as AsyncIterableIterator<ExecutionResult>;
}

/** Lets the feeds start (their producers run a microtask after being observed). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('sharedSubscribe, writing to a sink', () => {
  it('writes each result to its sink as it is published, executing once per audience', async () => {
    const { schema, publish, executions } = fixture();
    const [a1, a2, b] = [recordingSink(), recordingSink(), recordingSink()];
    await Promise.all([
      openDirect(schema, 'alice', a1.sink),
      openDirect(schema, 'alice', a2.sink),
      openDirect(schema, 'bob', b.sink),
    ]);
    await settle();
    publish({ n: 1 });
    // Synchronously: no promise between the publish and the write.
    expect(a1.written).toEqual([{ data: { events: { n: 1, seenBy: 'alice' } } }]);
    expect(a2.written).toEqual(a1.written);
    expect(b.written).toEqual([{ data: { events: { n: 1, seenBy: 'bob' } } }]);
    expect(executions()).toBe(2);
  });

  it('keeps the order of events whose results take different times', async () => {
    const { schema, publish } = fixture();
    const { sink, written } = recordingSink();
    await openDirect(schema, 'alice', sink, '{ n later }');
    await settle();
    publish({ n: 1, delayMs: 30 });
    publish({ n: 2, delayMs: 0 });
    await vi.waitFor(() => expect(written).toHaveLength(2));
    expect(written).toEqual([
      { data: { events: { n: 1, later: 1 } } },
      { data: { events: { n: 2, later: 2 } } },
    ]);
  });

  it("tells when a subscriber's results are all written, so its context can let go of them", async () => {
    const { schema, publish } = fixture();
    const log: string[] = [];
    const sink: ResultSink = {
      write: (json) => {
        log.push(
          `wrote ${(JSON.parse(json) as { data: { events: { n: number } } }).data.events.n}`,
        );
        return true;
      },
      drained: () => Promise.resolve(),
    };
    await openDirect(schema, 'alice', sink, '{ n later }', () => log.push('done'));
    await settle();
    publish({ n: 1, delayMs: 0 });
    await vi.waitFor(() => expect(log).toEqual(['wrote 1', 'done']));
    // While an earlier result is still being made, a later event may be using the context.
    publish({ n: 2, delayMs: 30 });
    publish({ n: 3, delayMs: 0 });
    await vi.waitFor(() => expect(log).toHaveLength(5));
    expect(log).toEqual(['wrote 1', 'done', 'wrote 2', 'wrote 3', 'done']);
  });

  it('tells it at once after a result made without waiting', async () => {
    const { schema, publish } = fixture();
    const { sink, written } = recordingSink();
    let done = 0;
    await openDirect(schema, 'alice', sink, '{ n }', () => done++);
    await settle();
    publish({ n: 1 });
    expect(written).toHaveLength(1);
    expect(done).toBe(1);
  });

  it('ends a subscriber whose sink refuses a result with the behind error, and releases its source', async () => {
    const { schema, publish, listening, released } = fixture();
    const { sink, written } = recordingSink(1);
    const stream = await openDirect(schema, 'alice', sink);
    const ended = stream.next();
    await settle();
    publish({ n: 1 });
    publish({ n: 2 }); // refused: too far behind
    await expect(ended).rejects.toThrow('too far behind');
    expect(written).toHaveLength(2);
    expect(listening()).toBe(0);
    expect(released()).toBe(1);
    publish({ n: 3 });
    expect(written).toHaveLength(2);
  });

  it('stops writing and releases the source when the subscriber leaves', async () => {
    const { schema, publish, listening, released } = fixture();
    const { sink, written } = recordingSink();
    const stream = await openDirect(schema, 'alice', sink);
    const pending = stream.next();
    await settle();
    expect(listening()).toBe(1);
    expect(await stream.return!()).toEqual({ done: true, value: undefined });
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(released()).toBe(1);
    publish({ n: 1 });
    expect(written).toEqual([]);
  });

  it('ends only the subscriber whose write fails; the others still get the event', async () => {
    const { schema, publish } = fixture();
    const healthy = recordingSink();
    const broken: ResultSink = {
      write: () => {
        throw new Error('socket gone');
      },
      drained: () => Promise.resolve(),
    };
    const brokenStream = await openDirect(schema, 'alice', broken);
    const ended = brokenStream.next();
    await openDirect(schema, 'alice', healthy.sink);
    await settle();
    expect(() => publish({ n: 1 })).not.toThrow();
    await expect(ended).rejects.toThrow('socket gone');
    expect(healthy.written).toEqual([{ data: { events: { n: 1, seenBy: 'alice' } } }]);
  });
});
