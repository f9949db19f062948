/**
 * A live feed of values pushed by a producer: the source stream of a subscription.
 *
 * It is an async iterator, which is what graphql-js asks of a subscription's source. It can
 * also be *observed*: an observer's `next` is called synchronously with each value as it is
 * pushed. The WebSocket fan-out observes (see shared-execution.ts): one event delivered to
 * ten thousand subscribers then costs ten thousand function calls, not ten thousand chains
 * of promises through an iterator, a mapping iterator and graphql-ws's `for await`.
 *
 * Written here rather than taken from @repeaterjs/repeater (which the iterator side of it
 * replaces) because no push-iterator library offers that synchronous side, and the
 * per-value promises are what the fan-out profile spent its time on.
 *
 * The producer starts on first use (the first `next()` or the observer), as a Repeater's
 * executor does, so a feed that is never consumed never subscribes to anything, and it is
 * stopped once: by the consumer leaving (`return()`, or the observer's unsubscribe), by the
 * producer (`stop()`), or by an iterator consumer falling `maxBacklog` values behind.
 */

export const OBSERVE: unique symbol = Symbol('Feed.observe');

export interface FeedObserver<T> {
  next(value: T): void;
  /** The feed ended: with an error, or without one because the producer stopped. */
  end(error?: unknown): void;
  /** Resolves once what was handed over has been dealt with (the producer's `drained()`). */
  drained?(): Promise<void>;
}

/** What the producer is given. */
export interface FeedController<T> {
  readonly push: (value: T) => void;
  /** Ends the feed: consumers get `error`, or the end of the stream without one. */
  readonly stop: (error?: unknown) => void;
  /** Resolves once the feed has stopped, whoever stopped it. */
  readonly stopped: Promise<void>;
  /** Resolves once the consumer has taken every value pushed so far (an observer: see its `drained`). */
  readonly drained: () => Promise<void>;
}

export interface FeedOptions {
  /** Values an iterating consumer may leave untaken before the feed stops with `overflow()`. */
  maxBacklog?: number;
  overflow?: () => unknown;
}

/** The producer: runs once, on first use; may return a teardown run when the feed stops. */
export type Producer<T> = (
  feed: FeedController<T>,
) => void | (() => void) | Promise<void | (() => void)>;

export function isObservable<T>(value: unknown): value is Feed<T> {
  return typeof (value as Feed<T> | null)?.[OBSERVE] === 'function';
}

type Waiter<T> = {
  resolve: (result: IteratorResult<T>) => void;
  reject: (error: Error) => void;
};

/** What a consumer is thrown: the producer's error itself when it is one. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export class Feed<T> implements AsyncIterableIterator<T> {
  private state: 'idle' | 'running' | 'stopped' = 'idle';
  private observer: FeedObserver<T> | undefined;
  private readonly queue: T[] = [];
  private readonly waiters: Waiter<T>[] = [];
  private drainWaiters: (() => void)[] = [];
  /** Set when the feed stopped with an error not yet handed to the consumer. */
  private failure: { error: Error } | undefined;
  private teardown: (() => void) | undefined;
  private readonly stoppedPromise: Promise<void>;
  private resolveStopped!: () => void;

  constructor(
    private readonly producer: Producer<T>,
    private readonly options: FeedOptions = {},
  ) {
    this.stoppedPromise = new Promise((resolve) => (this.resolveStopped = resolve));
  }

  /** Hands every value to `observer` as it is pushed; returns the unsubscribe (stops the feed). */
  [OBSERVE](observer: FeedObserver<T>): () => void {
    if (this.observer || this.state !== 'idle') {
      throw new Error('A feed can be observed only once, and not after it was iterated.');
    }
    this.observer = observer;
    this.start();
    return () => this.finish(undefined, false);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.observer) return Promise.reject(new Error('This feed is observed.'));
    if (this.queue.length > 0) {
      const value = this.queue.shift()!;
      if (this.queue.length === 0) this.notifyDrained();
      return Promise.resolve({ done: false, value });
    }
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.state === 'stopped') return Promise.resolve({ done: true, value: undefined });
    this.start();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.failure = undefined;
    this.finish(undefined, false);
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.finish(undefined, false);
    return Promise.reject(asError(error));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    const controller: FeedController<T> = {
      push: (value) => this.push(value),
      stop: (error) => this.finish(error, true),
      stopped: this.stoppedPromise,
      drained: () =>
        this.observer?.drained && this.state !== 'stopped'
          ? this.observer.drained()
          : this.queue.length === 0 || this.state === 'stopped'
            ? Promise.resolve()
            : new Promise((resolve) => this.drainWaiters.push(resolve)),
    };
    Promise.resolve()
      .then(() => this.producer(controller))
      .then(
        (teardown) => {
          if (typeof teardown !== 'function') return;
          if (this.state === 'stopped') teardown();
          else this.teardown = teardown;
        },
        (error: unknown) => this.finish(error, true),
      );
  }

  private push(value: T): void {
    if (this.state !== 'running') return;
    if (this.observer) {
      this.observer.next(value);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve({ done: false, value });
      return;
    }
    this.queue.push(value);
    if (this.queue.length > (this.options.maxBacklog ?? Number.POSITIVE_INFINITY)) {
      this.queue.length = 0;
      this.finish(
        this.options.overflow?.() ?? new Error('The consumer fell too far behind.'),
        true,
      );
    }
  }

  /** Stops once. `byProducer`: the consumer is told (an observer's end, a pending next()). */
  private finish(error: unknown, byProducer: boolean): void {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.teardown?.();
    this.teardown = undefined;
    this.resolveStopped();
    this.notifyDrained();
    const observer = this.observer;
    if (observer) {
      if (byProducer) observer.end(error);
      return;
    }
    const waiters = this.waiters.splice(0);
    if (error !== undefined && byProducer) {
      if (waiters.length > 0) waiters[0]!.reject(asError(error));
      else this.failure = { error: asError(error) };
      for (const waiter of waiters.slice(1)) waiter.resolve({ done: true, value: undefined });
      return;
    }
    for (const waiter of waiters) waiter.resolve({ done: true, value: undefined });
  }

  private notifyDrained(): void {
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }
}
