import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { SingleFlight } from '../../common/single-flight.js';
import { Alert } from '../alert/alert.entity.js';
import { OrderEvent } from '../change-order/order-event.entity.js';
import { ORDER_EVENTS_CHANNEL } from '../change-order/order-event.recorder.js';

/** One committed event as every subscriber receives it, with the alerts it raised. */
export interface RelayedEvent {
  event: OrderEvent;
  alerts: Alert[];
}

export type RelayListener = (relayed: RelayedEvent) => void;

export interface RelayOptions {
  /** Connection string for the dedicated LISTEN connection. */
  databaseUrl: string;
  /** A fresh EntityManager for each read of the outbox. */
  fork: () => EntityManager;
  logger: Logger;
  /** Catch-up check even without notifications (a missed NOTIFY costs at most this). */
  pollIntervalMs?: number;
  batchSize?: number;
}

/**
 * The outbox relay of one server instance. Order events are written in their transition's
 * transaction, under a lock that makes sequence order commit order (see recordEvent), and
 * announced by NOTIFY at commit. The relay LISTENs on a dedicated connection, and on each
 * notification, every `pollIntervalMs`, and after each reconnect it reads the events after
 * the last one it delivered, in sequence order, and hands each to every listener exactly
 * once. So every instance delivers every event, in order, with no gap and no duplicate,
 * whichever instance committed it and whether or not a notification got lost.
 */
export class OrderEventRelay {
  private readonly listeners = new Set<RelayListener>();
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly reader = new SingleFlight(
    () => this.drain(),
    (error) => this.options.logger.warn({ err: error }, 'order event relay: read failed'),
  );
  private reconnectDelayMs = 100;
  /** The sequence of the last event delivered to listeners. */
  private last = 0;

  constructor(private readonly options: RelayOptions) {}

  /** The last sequence delivered: a listener added now receives exactly the events after it. */
  get head(): number {
    return this.last;
  }

  async start(): Promise<void> {
    const [row] = await this.options
      .fork()
      .execute<{ max: number | null }[]>('SELECT max(sequence) AS max FROM order_event');
    this.last = row?.max ?? 0;
    await this.connect();
    this.timer = setInterval(() => this.poke(), this.options.pollIntervalMs ?? 1_000);
    this.timer.unref();
  }

  /** Adds a listener; returns its removal. Listeners must not throw. */
  subscribe(listener: RelayListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Reads and delivers whatever committed since the last delivery. Resolves once caught up. */
  poke(): Promise<void> {
    return this.stopped ? Promise.resolve() : this.reader.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.listeners.clear();
    await this.reader.settled();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    for (;;) {
      const em = this.options.fork();
      const events = await em.find(
        OrderEvent,
        { sequence: { $gt: this.last } },
        { orderBy: { sequence: 'asc' }, limit: batchSize },
      );
      if (events.length === 0) return;
      const alerts = await em.find(
        Alert,
        { event: { $in: events.map((e) => e.id) } },
        { orderBy: { id: 'asc' } },
      );
      for (const event of events) {
        if (this.stopped) return;
        this.last = event.sequence;
        const relayed = { event, alerts: alerts.filter((alert) => alert.event.id === event.id) };
        for (const listener of this.listeners) listener(relayed);
      }
      if (events.length < batchSize) return;
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on('notification', () => void this.poke());
    client.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'order event relay: connection lost');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${ORDER_EVENTS_CHANNEL}`);
    this.client = client;
    this.reconnectDelayMs = 100;
    // Whatever committed while we were not listening.
    void this.poke();
  }

  private reconnect(lost: pg.Client): void {
    if (this.stopped || this.client !== lost) return;
    this.client = undefined;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(delay * 2, 5_000);
    setTimeout(() => {
      if (this.stopped) return;
      this.connect().catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'order event relay: reconnect failed');
        this.client = lost; // let reconnect() try again
        this.reconnect(lost);
      });
    }, delay).unref();
  }
}
