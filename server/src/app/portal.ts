import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { repoRoot, type Config } from './config.js';
import { createContext, type Context } from './context.js';
import { openDatabase, type Database } from './database.js';
import { PortalMetrics } from './metrics.js';
import { clearParseFailure, complexityPlugin, validationRules } from './protection.js';
import { openOrm, type Orm, type OrmHooks } from './orm.js';
import { createServices, type Services } from './services.js';
import { BODY_NOT_JSON, GraphqlGate, REFUSED } from './graphql-gate.js';
import { requestIdOf } from './request-id.js';
import { ReadVersions } from './response-cache/read-versions.js';
import { ResponseCache } from './response-cache/response-cache.js';
import { clientKey, Throttle } from './throttle.js';
import { serveWebApp } from './web-app.js';
import { serveGraphqlWs } from './websocket.js';
import { OrderEventRelay } from '../modules/live/order-event-relay.js';
import { OrderEventType } from '../modules/change-order/change-order.enums.js';
import { downloadRoute } from '../modules/document/download.route.js';
import { MailWorker } from '../modules/mail/mail.worker.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { buildPortalSchema, printPortalSchema } from './schema.js';
import { seedDatabase } from '../seeders/seed.js';

/** A port already taken or not ours to bind; the message names PORT, for a one-line start failure. */
export class ListenError extends Error {
  override name = 'ListenError';
}

export type Phase = 'starting' | 'ready' | 'stopping';

/** A running portal: one HTTP server carrying GraphQL, graphql-ws, health, SDL and the web app. */
export interface Portal {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  phase(): Phase;
  /** Resolves once the database is migrated and seeded and GraphQL answers; rejects if that fails. */
  ready: Promise<void>;
  /** The ORM, once ready (tests use it to look behind the API). */
  orm(): Orm | undefined;
  /** The outbox relay, once ready. */
  relay(): OrderEventRelay | undefined;
  /** Stops accepting, drains HTTP and sockets, closes the ORM, stops the embedded PostgreSQL. */
  close(): Promise<void>;
}

export interface PortalOptions {
  config: Config;
  logger: Logger;
  /** Where the database comes from; the default follows DATABASE_URL / DATA_DIR. Tests inject. */
  database?: () => Promise<Database>;
  /** Observers of the ORM (statement counts in tests and benchmarks). */
  ormHooks?: OrmHooks;
  /** Socket timings (default 30 s each; tests shorten them). */
  sockets?: { keepAliveMs?: number; credentialCheckMs?: number };
}

/** Sign-in attempts per e-mail address a minute, per instance. */
const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

/**
 * Starts listening at once (health answers 503 while starting), then opens the database,
 * migrates, seeds and becomes ready. `ready` says how that went.
 */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const { config, logger } = options;
  const schema = await buildPortalSchema();
  const sdl = printPortalSchema(schema);

  let phase: Phase = 'starting';
  let orm: Orm | undefined;
  let services: Services | undefined;
  let relay: OrderEventRelay | undefined;
  let mailWorker: MailWorker | undefined;
  let database: Database | undefined;
  let readVersions: ReadVersions | undefined;

  const app = express();
  app.disable('x-powered-by');
  // Which proxies' X-Forwarded-For to believe: the client's address keys anonymous rates and logs.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(
    pinoHttp({
      logger,
      genReqId: requestIdOf,
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      // One short line per request: headers may carry credentials and are noise anyway.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.get('/healthz', async (_req, res) => {
    if (phase !== 'ready' || !orm) {
      res.status(503).json({ status: phase });
      return;
    }
    const answered = await answersWithin(orm, 2_000);
    res.status(answered ? 200 : 503).json({ status: answered ? 'ok' : 'database unavailable' });
  });

  app.get('/schema.graphql', (_req, res) => {
    res.type('application/graphql; charset=utf-8').send(sdl);
  });

  // The response cache answers before Express (see below); everything else goes to Express.
  let handleRequest: http.RequestListener = app;
  const httpServer = http.createServer((req, res) => handleRequest(req, res));

  /** A context: its own EntityManager, the viewer, new loaders (one per request or operation). */
  function contextFor(viewer: Viewer | null, log: Logger, requestId: string): Context {
    if (!orm || !services) throw new Error('The portal is still starting');
    const root = orm.em;
    return createContext(() => root.fork(), { log, requestId, viewer, services });
  }

  async function authenticate(authorization: unknown): Promise<Viewer | null> {
    if (!orm || !services) return null;
    const root = orm.em;
    return services.auth.authenticate(() => root.fork(), authorization);
  }

  // The metrics come later (they read the WebSocket server); refusals and subscribers cut
  // off are counted through these.
  let countRefusal: (reason: string) => void = () => undefined;
  let countFellBehind: () => void = () => undefined;
  const throttle = new Throttle(
    { maxInFlight: config.MAX_IN_FLIGHT, ratePerSecond: config.RATE_LIMIT_RPS },
    (reason) => countRefusal(reason),
  );

  const graphqlWs = serveGraphqlWs({
    httpServer,
    schema,
    logger,
    authenticate,
    charge: (viewer) => throttle.charge(clientKey(viewer, undefined)),
    revokedApiKeys: async (ids) =>
      orm && services ? services.apiKeys.revokedAmong(orm.em.fork(), ids) : new Set<string>(),
    credentialCheckMs: options.sockets?.credentialCheckMs,
    keepAliveMs: options.sockets?.keepAliveMs,
    onFellBehind: () => countFellBehind(),
    accepting: () => !!orm && phase === 'ready',
    makeContext: (viewer) => {
      const requestId = randomUUID();
      return contextFor(viewer, logger.child({ transport: 'ws', requestId }), requestId);
    },
  });

  const metrics = new PortalMetrics({
    orm: () => orm,
    relayHead: () => relay?.head,
    openSockets: () => graphqlWs.wsServer.clients.size,
    openSubscriptions: () => graphqlWs.openOperations(),
    inFlight: () => throttle.current,
    cachedBytes: (): number | undefined => responseCache?.keptBytes,
  });
  countRefusal = (reason) => metrics.throttled.inc({ reason });
  countFellBehind = () => metrics.subscriptionsBehind.inc();

  // Every GraphQL request over HTTP goes through the gate; a repeated licence grid may then
  // be answered by the response cache before Express (README, "Repeated reads").
  const gate = new GraphqlGate(throttle, authenticate);
  const responseCache: ResponseCache | undefined =
    config.RESPONSE_CACHE_MB > 0
      ? new ResponseCache({
          schema,
          gate,
          versions: () => readVersions,
          ready: () => !!orm && phase === 'ready',
          maxBytes: config.RESPONSE_CACHE_MB * 1024 * 1024,
          logger,
          metrics,
        })
      : undefined;
  if (responseCache) {
    handleRequest = (req, res) => responseCache.handle(req, res, () => void app(req, res));
  }

  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
    csrfPrevention: true,
    validationRules,
    formatError: clearParseFailure,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: the app does not use them, and Apollo answers a bad
    // hash or version with an INTERNAL_SERVER_ERROR code.
    persistedQueries: false,
    // serve.ts owns SIGTERM/SIGINT and closes the whole portal in order.
    stopOnTerminationSignals: false,
    plugins: [
      // Nothing here is cacheable by HTTP caches, and the default cache-control plugin wraps
      // every field's resolver (for HTTP and, sharing the schema, for every socket event).
      ApolloServerPluginCacheControlDisabled(),
      complexityPlugin(schema),
      metrics.plugin(),
      ...(responseCache ? [responseCache.plugin()] : []),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5_000 }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await graphqlWs.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    (req, res, next) => {
      if (orm && phase === 'ready') return next();
      res.status(503).json({ errors: [{ message: `The portal is ${phase}; try again shortly.` }] });
    },
    // A known API key's rate, an in-flight slot, who is asking, then whether they may ask
    // again this second, before the body is read (GraphqlGate); a request the response
    // cache handed on passed some of it.
    async (req, res, next) => {
      const passed = gate.passedBefore(req);
      let viewer = passed?.viewer ?? null;
      if (!passed) {
        const entered = await gate.enter(req, res, req.log);
        if (entered === REFUSED) return;
        viewer = entered;
      }
      res.locals.viewer = viewer;
      if (!passed?.charged && !(await gate.charge(req, res, viewer, req.ip))) return;
      next();
    },
    // A body the response cache read already is parsed already (express.json skips it).
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = contextFor(res.locals.viewer as Viewer | null, req.log, req.id as string);
        responseCache?.attach(req, context);
        return context;
      },
    }),
  );

  app.get(
    '/files/:id',
    downloadRoute(
      () => orm,
      () => services?.downloads,
    ),
  );

  app.use(jsonBodyErrors);
  serveWebApp(app, {
    shellDist: config.WEB_DIST,
    webRoot: path.join(repoRoot, 'web'),
    overrides: config.MICRO_FRONTENDS,
  });

  await listen(httpServer, config);
  const port = (httpServer.address() as AddressInfo).port;
  logger.info({ port }, `listening on http://localhost:${port}`);

  const ready = (async () => {
    database = await (options.database ?? (() => openDatabase(config, logger)))();
    orm = await openOrm(database.url, logger, options.ormHooks, async (opened) => {
      if (config.SEED === 'demo') await seedDatabase(opened.em.fork(), logger);
    });
    if (responseCache) readVersions = new ReadVersions(database.url, options.ormHooks?.onQuery);
    const em = orm.em;
    relay = new OrderEventRelay({ databaseUrl: database.url, fork: () => em.fork(), logger });
    await relay.start();
    services = await createServices(
      orm.em.fork(),
      config.JWT_SECRET,
      relay,
      !!config.SMTP_URL,
      // Sign-in is limited whenever rates are: guessing one account's password is slowed to
      // a few tries a minute, and each try is an argon2 hash the attacker makes us compute.
      config.RATE_LIMIT_RPS > 0 ? SIGN_IN_ATTEMPTS_PER_MINUTE : 0,
    );
    if (config.SMTP_URL) {
      const worker = new MailWorker({
        smtpUrl: config.SMTP_URL,
        from: config.MAIL_FROM,
        fork: () => em.fork(),
        logger: logger.child({ component: 'mail' }),
        retryBaseMs: config.MAIL_RETRY_MS,
        leaseMs: config.MAIL_LEASE_MS,
      });
      mailWorker = worker;
      worker.start();
      // Mail is queued with APPROVED and CONFIRMED events: send it as soon as they commit.
      relay.subscribe(({ event }) => {
        if (event.type === OrderEventType.APPROVED || event.type === OrderEventType.CONFIRMED) {
          void worker.poke();
        }
      });
    } else {
      logger.info('SMTP_URL is not set: mail is kept, not sent (see the mailbox)');
    }
    phase = 'ready';
    logger.info('ready');
  })();
  ready.catch(() => undefined); // observed by the caller; never an unhandled rejection here

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    phase = 'stopping';
    await ready.catch(() => undefined);
    await apollo.stop(); // stops accepting, drains HTTP, then disposes graphql-ws (drainServer)
    logger.debug('http and sockets drained');
    await mailWorker?.stop();
    await relay?.stop();
    await readVersions?.close();
    await orm?.close();
    logger.debug('orm closed');
    await database?.stop();
    logger.info('stopped');
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    phase: () => phase,
    ready,
    orm: () => orm,
    relay: () => relay,
    close: () => (closing ??= close()),
  };
}

/** Whether the database answers a query within `ms`; a hung connection counts as down. */
async function answersWithin(orm: Orm, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([orm.isConnected().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function listen(server: http.Server, config: Pick<Config, 'PORT' | 'HOST'>): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? 'is already in use'
          : error.code === 'EACCES'
            ? 'needs privileges this process does not have'
            : `cannot be used (${error.code ?? error.message})`;
      reject(new ListenError(`PORT ${config.PORT} on ${config.HOST} ${reason}`));
    };
    server.once('error', onError);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/**
 * A body that is not JSON, or over the 1 MB limit, gets a GraphQL-shaped JSON error with
 * the parser's status (400, 413), never an HTML error page or a stack trace.
 */
function jsonBodyErrors(
  error: { status?: number; type?: string; message?: string },
  _req: Request,
  res: Response,
  next: (error?: unknown) => void,
): void {
  const status = error?.status;
  if (!status || status < 400 || status >= 500) return next(error);
  if (error.type === 'entity.parse.failed') {
    res.status(status).json({ errors: [BODY_NOT_JSON] });
    return;
  }
  const message =
    error.type === 'entity.too.large'
      ? 'The request body is larger than 1 MB.'
      : 'The request body cannot be read.';
  res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}
