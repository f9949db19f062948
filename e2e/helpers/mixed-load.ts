/**
 * Machinery for running a load against a server that is killed and restarted under it: the
 * process generations on one database, HTTP sessions that tell "the process died under this
 * request" from a real failure, event subscribers that resume across restarts, and a queue
 * between the load's loops.
 */
import type { Client } from 'graphql-ws';
import { graphql } from '../../server/test/helpers/client.js';
import { liveClient } from '../../server/test/helpers/live.js';
import { freePort, startPortalProcess, waitHealthy, type PortalProcess } from './portal-process.js';

/** One server process of the run; the next one starts on the same database when it is killed. */
export interface Generation {
  /** 1 for the first process, then one more per restart. */
  index: number;
  process: PortalProcess;
  graphqlUrl: string;
  wsUrl: string;
  /** When its launch began (Date.now()): anything it claimed in the database is later. */
  launchedAt: number;
  /** Set the moment before it is sent SIGKILL: a request failing on it met the crash. */
  killed: boolean;
  /** Lines of its output still awaited (see `onLine`). */
  watches: { pattern: RegExp; remaining: number; fire: () => void }[];
  /** Answers still awaited (see `onAnswer`). */
  answerWatches: { operation: string; fire: () => void }[];
}

/**
 * The portal as a sequence of processes on one database: `crash()` sends SIGKILL at once
 * (synchronously, so a trigger fires at the exact moment it observes) and starts the next
 * process with the same settings on a fresh port; `current()` is the running one, waiting out
 * a restart.
 */
export class CrashingPortal {
  readonly generations: Generation[] = [];
  private running: Promise<Generation> | undefined;

  constructor(private readonly env: Record<string, string>) {}

  start(): Promise<Generation> {
    this.running = this.launch();
    return this.running;
  }

  /** The running process, once it is ready (during a restart: the next one). */
  current(): Promise<Generation> {
    if (!this.running) throw new Error('the portal was not started');
    return this.running;
  }

  /** Kills the latest process with SIGKILL now; resolves once the next one is ready. */
  crash(): Promise<Generation> {
    const victim = this.generations.at(-1);
    if (!victim || victim.killed) throw new Error('no running process to kill');
    victim.killed = true;
    victim.watches = [];
    victim.answerWatches = [];
    victim.process.child.kill('SIGKILL');
    this.running = victim.process.exited.then(() => this.launch());
    return this.running;
  }

  /**
   * Calls `fire` (synchronously, as the line is read) when `generation` has printed `count`
   * more lines matching `pattern`.
   */
  onLine(generation: Generation, pattern: RegExp, count: number, fire: () => void): void {
    generation.watches.push({ pattern, remaining: count, fire });
  }

  /**
   * Calls `fire` when `generation` has answered `operation` (the first field of a mutation,
   * e.g. `finalConfirmChangeOrder`) without userErrors: it has committed. The session that
   * got the answer then drops it, as if it had been lost on the way: the client is left not
   * knowing what a committed request did, the case its retries must get right.
   */
  onAnswer(generation: Generation, operation: string, fire: () => void): void {
    generation.answerWatches.push({ operation, fire });
  }

  /** Whether this answer fired a watch of `onAnswer` (and is to be dropped). */
  answered(generation: Generation, operation: string, data: Record<string, any>): boolean {
    const payload = data[operation];
    const watch = generation.answerWatches.find((candidate) => candidate.operation === operation);
    if (!watch || !payload || payload.userErrors?.length !== 0) return false;
    generation.answerWatches.splice(generation.answerWatches.indexOf(watch), 1);
    watch.fire();
    return true;
  }

  /** Stops the last process with SIGTERM (or makes sure a killed one has exited). */
  async stop(): Promise<void> {
    await this.running?.catch(() => undefined);
    for (const generation of this.generations) {
      const { child, exited } = generation.process;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    }
  }

  private async launch(): Promise<Generation> {
    const launchedAt = Date.now();
    const port = await freePort();
    const process = startPortalProcess({ ...this.env, PORT: String(port) });
    const generation: Generation = {
      index: this.generations.length + 1,
      process,
      graphqlUrl: `${process.url}/graphql`,
      wsUrl: `ws://127.0.0.1:${port}/graphql`,
      launchedAt,
      killed: false,
      watches: [],
      answerWatches: [],
    };
    this.generations.push(generation);
    let partial = '';
    process.child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        for (const watch of [...generation.watches]) {
          if (!watch.pattern.test(line) || --watch.remaining > 0) continue;
          generation.watches.splice(generation.watches.indexOf(watch), 1);
          watch.fire();
        }
      }
    });
    await waitHealthy(process);
    return generation;
  }
}

/** What a request whose process was killed under it comes back as: it may or may not have acted. */
export const LOST = Symbol('lost');

/** Counts of what the load met. */
export interface LoadStats {
  requests: number;
  /**
   * Requests that met a crash (no answer, or an answer cut short), and answers dropped at a
   * kill (`onAnswer`, marked "(answered)").
   */
  lost: { generation: number; operation: string }[];
}

/** The first field an operation asks for: `finalConfirmChangeOrder`, `changeOrder`… */
function operationOf(query: string): string {
  return /\{\s*(\w+)/.exec(query)?.[1] ?? 'operation';
}

/** One signed-in user over HTTP. */
export class Session {
  private token = '';

  constructor(
    private readonly portal: CrashingPortal,
    readonly email: string,
    private readonly stats: LoadStats,
  ) {}

  /** The session token: with a fixed JWT_SECRET, every later process accepts it. */
  get bearer(): string {
    return this.token;
  }

  async login(): Promise<this> {
    const data = await this.read(
      'mutation($e: String!) { login(email: $e, password: "demo") { token } }',
      { e: this.email },
    );
    this.token = data.login.token;
    return this;
  }

  /**
   * Sends one operation to the running process: its `data`, or LOST when that process was
   * killed before it answered. Any other failure (GraphQL errors, a bad status, a refused
   * connection to a process nobody killed) throws.
   */
  async attempt(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Record<string, any> | typeof LOST> {
    const generation = await this.portal.current();
    this.stats.requests++;
    try {
      const response = await graphql<Record<string, any>>(
        generation.graphqlUrl,
        query,
        variables,
        this.token ? { token: this.token } : {},
      );
      const operation = operationOf(query);
      if (response.status === 200 && !response.errors && response.data) {
        if (!this.portal.answered(generation, operation, response.data)) return response.data;
        this.stats.lost.push({
          generation: generation.index,
          operation: `${operation} (answered)`,
        });
        return LOST;
      }
      throw new Error(
        `${this.email}: ${response.status} ${JSON.stringify(response.errors)} for ${query}`,
      );
    } catch (error) {
      if (!generation.killed) throw error;
      this.stats.lost.push({ generation: generation.index, operation: operationOf(query) });
      return LOST;
    }
  }

  /** A read (or any operation safe to repeat), sent again until a process answers it. */
  async read(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
    for (;;) {
      const data = await this.attempt(query, variables);
      if (data !== LOST) return data;
    }
  }
}

export interface SeenEvent {
  sequence: number;
  type: string;
  /** The order's database key (decoded from its global id). */
  orderKey: string;
}

const ORDER_EVENTS = `subscription Resume($filter: OrderEventFilter) {
  orderEvents(filter: $filter) { sequence type order { id } }
}`;

/** The database key inside a global id (base64url of `Type:key`). */
export function keyOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
}

/**
 * An `orderEvents` subscriber as a dashboard would keep one: when its process is killed it
 * opens a fresh client on the next one and resumes with `afterSequence` = the last sequence
 * it saw. `received` keeps every value as it came, duplicates included.
 */
export class ResumingSubscriber {
  readonly received: SeenEvent[] = [];
  /** How many times it resumed on a new process. */
  resumes = 0;
  private client: Client | undefined;
  private failure: unknown;
  private stopped = false;
  private waiters: { done: () => boolean; resolve: () => void; reject: (e: unknown) => void }[] =
    [];

  constructor(
    private readonly portal: CrashingPortal,
    private readonly token: string,
    readonly label: string,
  ) {}

  get lastSequence(): number {
    return this.received.at(-1)?.sequence ?? 0;
  }

  start(): void {
    void this.subscribe();
  }

  /** Resolves once `done()` holds (checked on each arrival); rejects if the stream fails. */
  until(done: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ done, resolve, reject });
      this.settle();
    });
  }

  count(type: string): number {
    return this.received.filter((event) => event.type === type).length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.dispose();
  }

  private async subscribe(): Promise<void> {
    const generation = await this.portal.current();
    if (this.stopped) return;
    const client = liveClient(generation.wsUrl, this.token);
    this.client = client;
    client.subscribe<{ orderEvents: { sequence: number; type: string; order: { id: string } } }>(
      { query: ORDER_EVENTS, variables: { filter: { afterSequence: this.lastSequence } } },
      {
        next: (result) => {
          if (result.errors || !result.data) {
            this.fail(new Error(`${this.label}: ${JSON.stringify(result.errors)}`));
            return;
          }
          const { sequence, type, order } = result.data.orderEvents;
          this.received.push({ sequence, type, orderKey: keyOf(order.id) });
          this.settle();
        },
        error: (error) => {
          void client.dispose();
          if (this.stopped) return;
          if (!generation.killed) {
            this.fail(error);
            return;
          }
          this.resumes++;
          void this.subscribe().catch((failure: unknown) => this.fail(failure));
        },
        complete: () => {
          if (!this.stopped) this.fail(new Error(`${this.label}: the subscription ended`));
        },
      },
    );
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.settle();
  }

  private settle(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.done()) waiter.resolve();
      else if (this.failure !== undefined) waiter.reject(this.failure);
      else return true;
      return false;
    });
  }
}

/** A queue between two loops of the load: `push` and `close` on one side, `for await` on the other. */
export class Channel<T> {
  private readonly items: T[] = [];
  private readonly takers: ((result: IteratorResult<T>) => void)[] = [];
  private closed = false;

  push(item: T): void {
    const taker = this.takers.shift();
    if (taker) taker({ value: item, done: false });
    else this.items.push(item);
  }

  close(): void {
    this.closed = true;
    for (const taker of this.takers.splice(0)) taker({ value: undefined, done: true });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.items.length > 0) {
        yield this.items.shift()!;
        continue;
      }
      if (this.closed) return;
      const next = await new Promise<IteratorResult<T>>((resolve) => this.takers.push(resolve));
      if (next.done) return;
      yield next.value;
    }
  }
}

/** `promise`, or an error naming `what` once `ms` have passed (a deadline, not a wait). */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks `check` every `everyMs` until it holds, failing after `ms`: for state only a poll can
 * see (a row's status in the database).
 */
export async function pollUntil(
  check: () => Promise<boolean>,
  ms: number,
  what: string,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
