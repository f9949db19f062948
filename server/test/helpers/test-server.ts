import { loadConfig, type Config } from '../../src/app/config.js';
import type { Database } from '../../src/app/database.js';
import { createLogger } from '../../src/app/logger.js';
import { statementRecorder } from '../../src/app/orm.js';
import { startPortal, type Portal } from '../../src/app/portal.js';
import { createTestDatabase, dropTestDatabase } from './database.js';

export interface TestServer {
  portal: Portal;
  /** Runs `work` and returns the SQL statements the server sent meanwhile. */
  statementsDuring(work: () => Promise<unknown>): Promise<string[]>;
  /** http://127.0.0.1:<port> */
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  databaseUrl: string;
  databaseName: string;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
  /** Stops the server, keeping its database for a restart (`reuse`). */
  stop(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  /** Replaces the fresh per-server database (e.g. to hold the start back). */
  database?: () => Promise<Database>;
  /** Wait for `ready` (default true). */
  waitReady?: boolean;
  /** How often sockets are pinged, and their API keys checked for revocation. */
  sockets?: { keepAliveMs?: number; credentialCheckMs?: number };
  /** Start on the database of an earlier (closed) test server, as a restart would. */
  reuse?: { databaseName: string; databaseUrl: string };
}

/**
 * The whole HTTP + WebSocket server on port 0, over its own fresh copy of the seeded
 * template database (or the database the options give).
 */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { name, url } = options.reuse
    ? { name: options.reuse.databaseName, url: options.reuse.databaseUrl }
    : await createTestDatabase();
  const config: Config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED: 'none',
    // API tests fire requests as fast as they can as one user; throttle.test.ts turns it on.
    RATE_LIMIT_RPS: '0',
    ...options.env,
  });
  const logger = createLogger(config);
  const statements = statementRecorder();
  const portal = await startPortal({
    config,
    logger,
    ormHooks: { onQuery: statements.onQuery },
    sockets: options.sockets,
    database: options.database ?? (async () => ({ url, stop: async () => undefined })),
  });
  if (options.waitReady !== false) await portal.ready;
  return {
    portal,
    url: portal.url,
    graphqlUrl: `${portal.url}/graphql`,
    wsUrl: `${portal.url.replace('http', 'ws')}/graphql`,
    databaseUrl: url,
    databaseName: name,
    async statementsDuring(work) {
      return (await statements.during(work)).map(({ sql }) => sql);
    },
    async close() {
      await portal.close();
      await dropTestDatabase(name);
    },
    async stop() {
      await portal.close();
    },
  };
}
