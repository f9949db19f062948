import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ensureDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from '../../server/src/app/embedded-postgres.js';
import { createLogger } from '../../server/src/app/logger.js';
import pg from 'pg';

/**
 * One embedded PostgreSQL for the whole run, started with the server's own helper (the
 * same binaries and flags as the API tests: ephemeral, so fsync and synchronous_commit are
 * off). Every figure, the TPC-B-like ceiling included, runs against this one cluster, so
 * the ratios compare like with like.
 */
export interface BenchCluster {
  /** A database of the cluster, created if missing, as a `postgres://` URL. */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startCluster(): Promise<BenchCluster> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-bench-'));
  await fs.chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach it
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    ephemeral: true,
    logger: createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production' }),
  });
  return {
    async database(name) {
      await ensureDatabase(cluster.url, name);
      return withDatabase(cluster.url, name);
    },
    async stop() {
      await cluster.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Refreshes the planner's statistics, as `pgbench -i` does for the TPC-B-like ceiling: the
 * bench inserts hundreds of drafts within seconds, long before autovacuum would analyse
 * them, and with the seed's statistics the planner found an order by scanning its
 * reseller's orders (about 0.3 ms a submit) instead of by its key.
 */
export async function analyze(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
