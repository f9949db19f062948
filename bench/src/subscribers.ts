import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** The vendor dashboard's own subscription (web/vendor), plus `at` to time delivery. */
export const QUEUE_EVENTS = `subscription BenchQueueEvents {
  orderEvents(filter: { types: [SUBMITTED, APPROVED, REJECTED, CANCELLED] }) { id sequence type at }
}`;

/** A third-party dashboard's: the same events, each with its order's number and status. */
export const QUEUE_EVENTS_WITH_ORDER = `subscription BenchQueueEventsWithOrder {
  orderEvents(filter: { types: [SUBMITTED, APPROVED, REJECTED, CANCELLED] }) {
    id sequence type at order { id number status }
  }
}`;

interface EventValue {
  orderEvents: { sequence: number; type: string; at: string };
}

/** One graphql-ws socket with one subscription, and what it received (sequence → ms). */
interface Subscriber {
  client: Client;
  received: Map<number, number>;
  /** Received sequences in arrival order (to check that they only increase). */
  order: number[];
  failure?: unknown;
}

/**
 * Many subscribers of one token (one vendor user on many tabs and dashboards). Sockets are
 * opened in batches so the connection handshakes do not all queue at once; each records
 * the wall-clock time (the server's clock too: same machine) at which each event arrived.
 */
export class Subscribers {
  private readonly all: Subscriber[] = [];
  /** sequence → how many subscribers have it, and who waits for all of them. */
  private readonly counts = new Map<number, number>();
  private readonly waiters = new Map<number, () => void>();

  private constructor() {}

  get size(): number {
    return this.all.length;
  }

  /** With several tokens, socket i uses tokens[i % tokens.length]. */
  static async open(
    wsUrl: string,
    tokens: string | readonly string[],
    count: number,
    query = QUEUE_EVENTS,
    batch = 250,
  ): Promise<Subscribers> {
    const set = new Subscribers();
    const tokenOf = (i: number) =>
      typeof tokens === 'string' ? tokens : tokens[i % tokens.length]!;
    for (let start = 0; start < count; start += batch) {
      const size = Math.min(batch, count - start);
      await Promise.all(
        Array.from({ length: size }, (_, i) => set.add(wsUrl, tokenOf(start + i), query)),
      );
    }
    return set;
  }

  private add(wsUrl: string, token: string, query: string): Promise<void> {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: true,
    });
    const subscriber: Subscriber = { client, received: new Map(), order: [] };
    this.all.push(subscriber);
    const connected = new Promise<void>((resolve, reject) => {
      const offConnected = client.on('connected', () => {
        offConnected();
        offClosed();
        resolve();
      });
      const offClosed = client.on('closed', (event) => {
        offConnected();
        offClosed();
        reject(new Error(`socket closed before ack: ${(event as { code?: number }).code}`));
      });
    });
    client.subscribe<EventValue>(
      { query },
      {
        next: (result) => {
          const at = Date.now();
          const sequence = result.data?.orderEvents.sequence;
          if (sequence === undefined) {
            subscriber.failure = result.errors ?? 'empty value';
            return;
          }
          subscriber.order.push(sequence);
          if (subscriber.received.has(sequence)) return;
          subscriber.received.set(sequence, at);
          const seen = (this.counts.get(sequence) ?? 0) + 1;
          this.counts.set(sequence, seen);
          if (seen === this.all.length) this.waiters.get(sequence)?.();
        },
        error: (error) => (subscriber.failure = error),
        complete: () => undefined,
      },
    );
    return connected;
  }

  /** Resolves once every subscriber received `sequence`, or after `timeoutMs` (lost ones). */
  async waitFor(sequence: number, timeoutMs: number): Promise<void> {
    if ((this.counts.get(sequence) ?? 0) >= this.all.length) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.set(sequence, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.waiters.delete(sequence);
  }

  /** Delivery latencies (ms after `sinceMs`) of one event, and how many never got it. */
  latencies(sequence: number, sinceMs: number): { samples: number[]; lost: number } {
    const samples: number[] = [];
    for (const subscriber of this.all) {
      const at = subscriber.received.get(sequence);
      if (at !== undefined) samples.push(at - sinceMs);
    }
    return { samples, lost: this.all.length - samples.length };
  }

  /** Deliveries of `expected` sequences, and arrivals that did not increase (any subscriber). */
  delivery(expected: readonly number[]): { delivered: number; outOfOrder: number } {
    let delivered = 0;
    let outOfOrder = 0;
    for (const subscriber of this.all) {
      delivered += expected.filter((sequence) => subscriber.received.has(sequence)).length;
      for (let i = 1; i < subscriber.order.length; i++) {
        if (subscriber.order[i]! <= subscriber.order[i - 1]!) outOfOrder++;
      }
    }
    return { delivered, outOfOrder };
  }

  /** Subscribers whose subscription errored or ended (not counted as lost events). */
  get failed(): number {
    return this.all.filter((subscriber) => subscriber.failure !== undefined).length;
  }

  /** Closes every socket (graphql-ws sends the close; the server's side follows). */
  close(): void {
    for (const subscriber of this.all) void subscriber.client.dispose();
    this.all.length = 0;
  }
}
