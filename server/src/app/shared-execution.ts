import {
  createSourceEventStream,
  execute,
  print,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';

/**
 * graphql-js's `subscribe`, except that subscribers who would get the same result for an
 * event share one execution of it. A vendor dashboard open in a thousand tabs, or a
 * thousand sockets of one integration, ask the same document of the same event as the same
 * viewer: executing it once and handing every one of them that result turns a fan-out from
 * a thousand executions (and their garbage) into one, plus a thousand sends.
 *
 * Results are shared only between subscriptions with the same audience (`audienceOf`:
 * everything resolvers may read from the context that changes what they return), the same
 * document, operation name and variables, and the very same event object (the relay hands
 * one object to every subscriber). Entries live as long as the event object does.
 *
 * Written here because neither graphql-js nor graphql-ws offers it; it keeps graphql-js's
 * own pieces (`createSourceEventStream`, `execute`) and only changes how they are joined.
 */
export function sharedSubscribe(audienceOf: (contextValue: unknown) => string | undefined) {
  const executions = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  return async function subscribe(
    args: ExecutionArgs,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source; // a result carrying the errors

    const audience = audienceOf(args.contextValue);
    const key =
      audience === undefined
        ? undefined
        : [
            audience,
            args.operationName ?? '',
            JSON.stringify(args.variableValues ?? {}),
            print(args.document),
          ].join('\n');
    const run = (payload: unknown) =>
      Promise.resolve(execute({ ...args, rootValue: payload }) as ExecutionResult);

    return mapAsyncIterator(source, (payload) => {
      if (key === undefined || payload === null || typeof payload !== 'object') return run(payload);
      let byKey = executions.get(payload);
      if (!byKey) executions.set(payload, (byKey = new Map<string, Promise<ExecutionResult>>()));
      let result = byKey.get(key);
      if (!result) byKey.set(key, (result = run(payload)));
      return result;
    });
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
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
