import {
  createSourceEventStream,
  execute,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { asError, isObservable, OBSERVE, type Feed } from '../common/feed.js';

/** Where a subscription's results can be written directly (a socket, for one subscription). */
export interface ResultSink {
  /** Writes one result, given as its JSON text; false once the receiver is too far behind. */
  write(resultJson: string): boolean;
  /** Resolves once what was written has left (a replay waits for it between pages). */
  drained(): Promise<void>;
}

export interface SharedSubscribeOptions {
  /** Everything resolvers may read from the context that changes what they return. */
  audienceOf: (contextValue: unknown) => string | undefined;
  /** The sink of a subscription whose transport lets results be written directly. */
  sinkOf?: (args: ExecutionArgs) => ResultSink | undefined;
  /** What a subscriber whose sink refuses a result (too far behind) is ended with. */
  behind?: () => unknown;
  /**
   * Called with a subscriber's context once its results so far are all written: whatever
   * the context holds for those events (an EntityManager and its entities, loaders) can
   * go now rather than wait for the next event, which may be hours away on a quiet order.
   */
  eventsDone?: (contextValue: unknown) => void;
}

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * graphql-js's `subscribe`, except that subscribers who would get the same result for an
 * event share one execution of it, and, where the transport allows, one serialisation of
 * it written straight to each socket.
 *
 * A vendor dashboard open in a thousand tabs, or a thousand sockets of one integration, ask
 * the same document of the same event as the same viewer: executing it once and handing
 * every one of them that result turns a fan-out from a thousand executions (and their
 * garbage) into one. Results are shared only between subscriptions with the same audience,
 * the same document, operation name and variables, and the very same event object (the
 * relay hands one object to every subscriber); entries live as long as the event object.
 *
 * When the source is a Feed (common/feed.ts) and the subscription has a sink, the source is
 * observed rather than iterated: each event is written to the sink as it is pushed, in the
 * order pushed, and the iterator handed back to graphql-ws only ends (or throws) when the
 * feed does. graphql-ws's own `next` path (its `onNext` hook, which the portal does not
 * use) is bypassed; its `complete` and `error` still follow the last result written.
 *
 * Written here because neither graphql-js nor graphql-ws offers it; it keeps graphql-js's
 * own pieces (`createSourceEventStream`, `execute`) and only changes how they are joined.
 */
export function sharedSubscribe(options: SharedSubscribeOptions) {
  const executions = new WeakMap<object, Map<string, Result>>();
  const printed = new WeakMap<DocumentNode, string>();
  const json = new WeakMap<ExecutionResult, string>();

  const keyOf = (args: ExecutionArgs): string | undefined => {
    const audience = options.audienceOf(args.contextValue);
    if (audience === undefined) return undefined;
    let text = printed.get(args.document);
    if (text === undefined) printed.set(args.document, (text = print(args.document)));
    return [
      audience,
      args.operationName ?? '',
      JSON.stringify(args.variableValues ?? {}),
      text,
    ].join('\n');
  };
  const jsonOf = (result: ExecutionResult): string => {
    let text = json.get(result);
    if (text === undefined) json.set(result, (text = JSON.stringify(result)));
    return text;
  };

  return async function subscribe(
    args: ExecutionArgs,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source; // a result carrying the errors

    const key = keyOf(args);
    const resultFor = (payload: unknown): Result => {
      const run = () => execute({ ...args, rootValue: payload }) as Result;
      if (key === undefined || payload === null || typeof payload !== 'object') return run();
      let byKey = executions.get(payload);
      if (!byKey) executions.set(payload, (byKey = new Map<string, Result>()));
      let result = byKey.get(key);
      if (!result) byKey.set(key, (result = run()));
      return result;
    };

    const eventsDone = () => options.eventsDone?.(args.contextValue);
    const sink = options.sinkOf?.(args);
    if (sink && isObservable(source)) {
      return observeInto(source, resultFor, sink, jsonOf, { ...options, eventsDone });
    }
    return mapAsyncIterator(source, async (payload) => {
      const result = await resultFor(payload);
      eventsDone();
      return result;
    });
  };
}

/**
 * Observes a feed, writing each payload's result as it comes; results that are promises
 * (a resolver reading the database) are written in turn, so order is kept. Returns the
 * iterator graphql-ws holds: it yields nothing, ends when the feed ends, and leaving it
 * (`return`) stops the feed.
 */
function observeInto(
  source: Feed<unknown>,
  resultFor: (payload: unknown) => Result,
  sink: ResultSink,
  jsonOf: (result: ExecutionResult) => string,
  options: { behind?: () => unknown; eventsDone: () => void },
): AsyncIterableIterator<ExecutionResult> {
  let settle!: (outcome: { error?: unknown }) => void;
  const finished = new Promise<IteratorResult<ExecutionResult>>((resolve, reject) => {
    settle = ({ error }) =>
      error === undefined ? resolve({ done: true, value: undefined }) : reject(asError(error));
  });
  finished.catch(() => undefined); // handed to graphql-ws's next(); never unhandled
  let stop = () => {};
  const fail = (error: unknown) => {
    stop();
    settle({ error });
  };
  const deliver = (result: ExecutionResult) => {
    if (!sink.write(jsonOf(result)))
      fail(options.behind?.() ?? new Error('The subscriber fell behind.'));
  };

  // Results waiting on earlier ones: while any is, each new one queues behind them.
  let queue: Promise<void> = Promise.resolve();
  let queued = 0;
  stop = source[OBSERVE]({
    // Called by the relay for every subscriber in turn: it must not throw, whatever fails.
    next(payload) {
      let result: Result;
      try {
        result = resultFor(payload);
        if (queued === 0 && !isPromiseLike(result)) {
          deliver(result);
          options.eventsDone();
          return;
        }
      } catch (error) {
        fail(error);
        return;
      }
      queued++;
      // Never rejects: a failed result or write ends this subscriber, not the process.
      queue = queue
        .then(() => result)
        .then(deliver)
        .catch(fail)
        .finally(() => {
          // Only once nothing is left to resolve: a later event may be using the context.
          if (--queued === 0) options.eventsDone();
        });
    },
    end(error) {
      if (queued === 0) settle({ error });
      else void queue.then(() => settle({ error }));
    },
    drained: () => queue.then(() => sink.drained()),
  });
  const done = async (): Promise<IteratorResult<ExecutionResult>> => {
    stop();
    settle({});
    return { done: true, value: undefined };
  };
  return {
    next: () => finished,
    return: done,
    throw: async (error: unknown) => {
      await done();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | null)?.then === 'function';
}

/**
 * Maps each value of an async iterator, passing `return` and `throw` straight through, so
 * that a subscriber who leaves releases the source at once (an async generator would wait
 * for the source's next value first).
 */
function mapAsyncIterator<T, U>(
  source: AsyncIterable<T>,
  map: (value: T) => Promise<U>,
): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const mapped = async (step: IteratorResult<T>): Promise<IteratorResult<U>> =>
    step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
  return {
    next: async () => mapped(await iterator.next()),
    return: async () =>
      iterator.return ? mapped(await iterator.return()) : { done: true, value: undefined },
    throw: async (error: unknown) => {
      if (iterator.throw) return mapped(await iterator.throw(error));
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
