import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Orm } from './orm.js';

/**
 * Prometheus metrics at GET /metrics: GraphQL operations by name and outcome with their
 * latency, open WebSockets, how far the outbox relay is behind the newest event, the mail
 * queue by status, the database pool, what the throttle refuses, open subscriptions, and
 * subscriptions cut off for falling behind. One registry per portal (tests run several).
 */
export class PortalMetrics {
  readonly registry = new Registry();
  readonly operations = new Counter({
    name: 'portal_graphql_operations_total',
    help: 'GraphQL operations over HTTP, by operation name, type and outcome.',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'portal_graphql_operation_seconds',
    help: 'Time to answer a GraphQL operation over HTTP, by operation name.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly subscriptionsBehind = new Counter({
    name: 'portal_subscriptions_fell_behind_total',
    help: 'Subscriptions ended because their socket held more than 8 MiB its client had not read (the client may resume with afterSequence).',
    registers: [this.registry],
  });
  readonly cachedReads = new Counter({
    name: 'portal_response_cache_reads_total',
    help: 'Cacheable reads (licence grids) by outcome: hit (answered from memory) or miss (answered by the full pipeline, then kept).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly throttled = new Counter({
    name: 'portal_throttled_total',
    help: 'Operations refused by the throttle: OVERLOADED (too many in flight) or RATE_LIMITED (one client too fast).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor(sources: {
    orm: () => Orm | undefined;
    relayHead: () => number | undefined;
    openSockets: () => number;
    openSubscriptions: () => number;
    inFlight: () => number;
    /** Bytes the response cache keeps (undefined when it is off). */
    cachedBytes: () => number | undefined;
  }) {
    collectDefaultMetrics({ register: this.registry });
    const registry = this.registry;
    new Gauge({
      name: 'portal_outbox_lag_events',
      help: 'Order events committed but not yet delivered by this instance’s relay.',
      registers: [registry],
      async collect() {
        const orm = sources.orm();
        const head = sources.relayHead();
        if (!orm || head === undefined) return;
        const [row] = await orm.em
          .fork()
          .execute<{ max: number | null }[]>('SELECT max(sequence) AS max FROM order_event');
        this.set(Math.max(0, (row?.max ?? 0) - head));
      },
    });
    new Gauge({
      name: 'portal_mail_queue',
      help: 'Mails in the outbox, by status.',
      labelNames: ['status'] as const,
      registers: [registry],
      async collect() {
        const orm = sources.orm();
        if (!orm) return;
        this.reset();
        const rows = await orm.em
          .fork()
          .execute<{ status: string; count: string }[]>(
            'SELECT status, count(*) AS count FROM mail_message GROUP BY status',
          );
        for (const row of rows) this.set({ status: row.status }, Number(row.count));
      },
    });
    new Gauge({
      name: 'portal_db_pool_connections',
      help: 'Database pool connections, by state.',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const connection = sources.orm()?.em.getConnection() as
          { getNativeClient?: () => Promise<PoolLike> } | undefined;
        const pool = await connection?.getNativeClient?.();
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount ?? 0);
        this.set({ state: 'idle' }, pool.idleCount ?? 0);
        this.set({ state: 'waiting' }, pool.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'portal_http_in_flight',
      help: 'GraphQL requests over HTTP being answered now.',
      registers: [registry],
      collect() {
        this.set(sources.inFlight());
      },
    });
    new Gauge({
      name: 'portal_response_cache_bytes',
      help: 'Bytes of answers the response cache keeps (at most RESPONSE_CACHE_MB).',
      registers: [registry],
      collect() {
        this.set(sources.cachedBytes() ?? 0);
      },
    });
    new Gauge({
      name: 'portal_websockets_open',
      help: 'Open graphql-ws sockets.',
      registers: [registry],
      collect() {
        this.set(sources.openSockets());
      },
    });
    new Gauge({
      name: 'portal_subscriptions_open',
      help: 'Operations open on graphql-ws sockets: subscriptions, and any query or mutation being answered.',
      registers: [registry],
      collect() {
        this.set(sources.openSubscriptions());
      },
    });
  }

  /** Counts and times every operation over HTTP. */
  plugin<T extends object>(): ApolloServerPlugin<T> {
    const { operations, latency } = this;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        let operation = 'unknown';
        let type = 'unknown';
        return {
          async didResolveOperation({ operationName, operation: definition }) {
            operation = operationName ?? 'anonymous';
            type = definition?.operation ?? 'unknown';
          },
          async willSendResponse({ errors }) {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            operations.inc({ operation, type, outcome: errors?.length ? 'error' : 'ok' });
            latency.observe({ operation, type }, seconds);
          },
        };
      },
    };
  }
}

type PoolLike = { totalCount?: number; idleCount?: number; waitingCount?: number };
