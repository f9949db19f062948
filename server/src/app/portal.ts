import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Config } from './config.js';
import type { Context } from './context.js';
import { openDatabase, type Database } from './database.js';
import { Loaders } from './loaders.js';
import { openOrm, type Orm } from './orm.js';
import { createServices, type Services } from './services.js';
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
  /** Stops accepting, drains HTTP and sockets, closes the ORM, stops the embedded PostgreSQL. */
  close(): Promise<void>;
}

export interface PortalOptions {
  config: Config;
  logger: Logger;
  /** Where the database comes from; the default follows DATABASE_URL / DATA_DIR. Tests inject. */
  database?: () => Promise<Database>;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

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
  let database: Database | undefined;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger,
      genReqId(req, res) {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
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

  const httpServer = http.createServer(app);
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: 1 << 20,
  });
  /** A fresh context: its own EntityManager, the viewer behind the credentials, new loaders. */
  async function makeContext(
    authorization: unknown,
    log: Logger,
    requestId: string,
  ): Promise<Context> {
    if (!orm || !services) throw new Error('The portal is still starting');
    const em = orm.em.fork();
    const viewer = await services.auth.authenticate(em, authorization);
    return { em, log, requestId, viewer, loaders: new Loaders(em, viewer), services };
  }

  const wsCleanup = useServer<Record<string, unknown>, { context?: Context }>(
    {
      schema,
      context: (ctx) => {
        const requestId = randomUUID();
        return makeContext(
          ctx.connectionParams?.authorization,
          logger.child({ requestId, transport: 'ws' }),
          requestId,
        );
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT and closes the whole portal in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5_000 }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
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
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: ({ req }) => makeContext(req.headers.authorization, req.log, req.id as string),
    }),
  );

  serveWebApp(app, config.WEB_DIST);

  await listen(httpServer, config);
  const port = (httpServer.address() as AddressInfo).port;
  logger.info({ port }, `listening on http://localhost:${port}`);

  const ready = (async () => {
    database = await (options.database ?? (() => openDatabase(config, logger)))();
    orm = await openOrm(database.url, logger);
    if (config.SEED === 'demo') await seedDatabase(orm.em.fork(), logger);
    services = await createServices(orm.em.fork(), config.JWT_SECRET);
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
    await new Promise<void>((resolve) => wsServer.close(() => resolve()));
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

/** The built single-page app at `/`, with its client-side routes falling back to index.html. */
function serveWebApp(app: express.Express, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req: Request, res: Response) => {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet: run `pnpm build` (or `pnpm start`, which builds).');
    });
    return;
  }
  app.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz|schema\.graphql).*/, (req: Request, res: Response, next) => {
    if (!req.accepts('html')) return next();
    res.sendFile(index);
  });
}
