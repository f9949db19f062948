import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { BODY_NOT_JSON, REFUSED, sendJson, type GraphqlGate } from '../graphql-gate.js';
import type { PortalMetrics } from '../metrics.js';
import { requestIdOf } from '../request-id.js';
import { cacheableRead, type CacheableRead } from './cacheable-read.js';
import type { ReadVersions } from './read-versions.js';

/** Bodies larger than this are never cached reads (a licence grid query is under 1 KB). */
const MAX_BODY_BYTES = 16 * 1024;
/** Query texts whose cacheability is remembered (parsing one costs more than a cached answer). */
const KNOWN_QUERIES = 1_000;
const JSON_UTF8 = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

/** What a request body reads: whose grid, and the operation's name (for metrics). */
interface Target {
  customerId: string;
  operationName: string;
}

/** An answer kept: its bytes, what it answers, and the read version it was made at. */
interface Answer {
  target: Target;
  version: string;
  body: Buffer;
}

/**
 * Where a context carries its request's ticket: a symbol-keyed property, because Apollo
 * hands plugins a shallow copy of the context (which copies it), not the object itself.
 */
const TICKET = Symbol('response cache ticket');

/** A request the full pipeline answers, whose answer is to be kept if it succeeds. */
interface Ticket {
  key: string;
  target: Target;
  version: string;
}

export interface ResponseCacheOptions {
  schema: GraphQLSchema;
  gate: GraphqlGate;
  /** The database's read versions, once it is open. */
  versions: () => ReadVersions | undefined;
  /** Whether the portal answers GraphQL yet (until then, Express says why not). */
  ready: () => boolean;
  maxBytes: number;
  logger: Logger;
  metrics: PortalMetrics;
}

/**
 * Answers a repeated licence-grid read from memory, in front of Express and Apollo.
 *
 * The grid is the portal's most frequent read, and most of its cost is not the grid: the
 * portal's own `{ __typename }` costs a quarter of it (Express, request logging, Apollo's
 * pipeline; see BENCHMARKS.md). A read this cache may answer (cacheable-read.ts) still
 * takes an in-flight slot, is authenticated and charged to its client as every request
 * is (the same GraphqlGate), and is answered from memory only when the same credential
 * sent the same body before and the customer's read version (read-versions.ts: one
 * indexed statement, kept current by database triggers on every write, on any instance)
 * is the one that answer was made at. Anything else goes on to Express (with the body it
 * read, parsed), and the full pipeline's successful answer is kept for next time (`plugin`).
 *
 * Keyed by the credential, not the organisation: an answer is only ever given again to
 * whoever was given it, so what a viewer may see is decided by the full pipeline, and a
 * revoked API key or an expired token is refused by the gate before the cache is read.
 * Kept per instance, bounded by RESPONSE_CACHE_MB, least recently used first out.
 */
export class ResponseCache {
  private readonly answers: LRUCache<string, Answer>;
  private readonly reads = new LRUCache<string, { read: CacheableRead | null }>({
    max: KNOWN_QUERIES,
  });
  private readonly pendingTickets = new WeakMap<IncomingMessage, Ticket>();

  constructor(private readonly options: ResponseCacheOptions) {
    this.answers = new LRUCache<string, Answer>({
      maxSize: options.maxBytes,
      sizeCalculation: (answer, key) => answer.body.length + key.length + 64,
    });
  }

  /** The HTTP server's handler: answers a repeated read itself, or hands the request on. */
  handle(req: IncomingMessage, res: ServerResponse, onward: () => void): void {
    const length = cacheableRequestLength(req);
    if (length === undefined || !this.options.ready()) return onward();
    // What this answers itself (a kept answer, a refusal) is logged as Express logs the rest.
    const started = process.hrtime.bigint();
    const id = requestIdOf(req, res);
    let handedOn = false;
    const { logger } = this.options;
    if (logger.isLevelEnabled('info')) {
      res.once('finish', () => {
        if (handedOn) return;
        logger.info(
          {
            req: { id, method: req.method, url: req.url },
            res: { statusCode: res.statusCode },
            responseTime: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
          },
          'request completed',
        );
      });
    }
    const goOn = () => {
      handedOn = true;
      onward();
    };
    this.answer(req, res, length, started, goOn).catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'response cache failed');
      if (!res.headersSent) {
        sendJson(res, 500, {
          errors: [
            { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
          ],
        });
      }
    });
  }

  private async answer(
    req: IncomingMessage,
    res: ServerResponse,
    length: number,
    started: bigint,
    onward: () => void,
  ): Promise<void> {
    const { gate, logger } = this.options;
    const viewer = await gate.enter(req, res, logger);
    if (viewer === REFUSED) return;
    if (!viewer) {
      // Not signed in: refused by the full pipeline, charged to the address Express knows.
      gate.pass(req, { viewer: null, charged: false });
      return onward();
    }
    if (!(await gate.charge(req, res, viewer, undefined))) return;
    gate.pass(req, { viewer, charged: true });

    const text = await readBody(req, length);
    if (text === null) return; // the client went away
    const key = `${req.headers.authorization}\0${text}`;
    const kept = this.answers.get(key);
    // A body answered before is not parsed again unless it goes on to Apollo.
    const target = kept?.target ?? this.targetOf(req, res, text);
    if (target === REFUSED) return;
    const handOn = () => {
      parsed(req, text);
      onward();
    };
    const versions = this.options.versions();
    if (!target || !versions) return handOn();
    const version = await versions.ofCustomer(target.customerId);
    if (version === null) return handOn();
    if (kept?.version !== version) {
      this.options.metrics.cachedReads.inc({ outcome: 'miss' });
      this.pendingTickets.set(req, { key, target, version });
      return handOn();
    }

    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': kept.body.length,
    });
    res.end(kept.body);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { metrics } = this.options;
    metrics.cachedReads.inc({ outcome: 'hit' });
    metrics.operations.inc({ operation: target.operationName, type: 'query', outcome: 'ok' });
    metrics.latency.observe({ operation: target.operationName, type: 'query' }, seconds);
  }

  /**
   * What a body the cache has not answered reads, parsed (and left for Apollo as
   * `req.body`): null when it is not a cacheable read, REFUSED once a body that is not
   * JSON has been answered as express.json answers it (which can no longer read it).
   */
  private targetOf(
    req: IncomingMessage,
    res: ServerResponse,
    text: string,
  ): Target | null | typeof REFUSED {
    const body = parseJsonObject(text);
    if (body === undefined) {
      sendJson(res, 400, { errors: [BODY_NOT_JSON] });
      return REFUSED;
    }
    (req as RequestWithBody).body = body;
    if (typeof body.query !== 'string' || body.extensions !== undefined) return null;
    let known = this.reads.get(body.query);
    if (!known) {
      known = { read: cacheableRead(this.options.schema, body.query) };
      this.reads.set(body.query, known);
    }
    const customerId = known.read?.customerId(body.variables);
    return known.read && customerId
      ? { customerId, operationName: known.read.operationName }
      : null;
  }

  /**
   * Ties a request handed on from `handle` to its GraphQL context, so that `plugin` can
   * keep its answer. Called by the context function.
   */
  attach(req: IncomingMessage, context: object): void {
    const ticket = this.pendingTickets.get(req);
    if (ticket) (context as { [TICKET]?: Ticket })[TICKET] = ticket;
  }

  /** Keeps the full pipeline's answer to a read that missed, when it succeeded. */
  plugin(): ApolloServerPlugin<object> {
    const { answers } = this;
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, response }) {
            const ticket = (contextValue as { [TICKET]?: Ticket })[TICKET];
            if (!ticket || response.body.kind !== 'single') return;
            const { errors, data, extensions } = response.body.singleResult;
            if (errors?.length || (response.http.status ?? 200) !== 200) return;
            // What Apollo sends for it (prettyJSONStringify of the ordered result).
            const body = Buffer.from(`${JSON.stringify({ data, extensions })}\n`);
            answers.set(ticket.key, { target: ticket.target, version: ticket.version, body });
          },
        };
      },
    };
  }

  /** Bytes kept now (for metrics). */
  get keptBytes(): number {
    return this.answers.calculatedSize;
  }
}

type RequestWithBody = IncomingMessage & { body?: unknown };

/** Leaves the parsed body for Apollo (express.json can no longer read it). */
function parsed(req: RequestWithBody, text: string): void {
  req.body ??= JSON.parse(text) as unknown;
}

/** The body's length, for a request that may be a cacheable read; undefined for any other. */
function cacheableRequestLength(req: IncomingMessage): number | undefined {
  const { headers } = req;
  if (req.method !== 'POST' || req.url !== '/graphql' || !headers.authorization) return undefined;
  if (!JSON_UTF8.test(headers['content-type'] ?? '')) return undefined;
  if (headers['transfer-encoding'] !== undefined || headers['content-encoding'] !== undefined) {
    return undefined;
  }
  const length = Number(headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= MAX_BODY_BYTES ? length : undefined;
}

/** The whole body as text, or null if the client went away before sending it. */
function readBody(req: IncomingMessage, length: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks, length).toString('utf8')));
    req.once('close', () => {
      if (!req.complete) resolve(null);
    });
    req.once('error', () => resolve(null));
  });
}

/** A JSON object or array, as express.json (strict) accepts; undefined for anything else. */
function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
