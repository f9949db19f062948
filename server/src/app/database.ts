import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from './embedded-postgres.js';

/** The PostgreSQL the portal uses, and how to let go of it. */
export interface Database {
  url: string;
  /** Stops the embedded cluster; a no-op for a DATABASE_URL the portal does not own. */
  stop(): Promise<void>;
}

/** A database that cannot be used; the message names the setting, for a one-line start failure. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/** Fails fast, naming DATABASE_URL, when the configured server does not answer. */
async function probe(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
    throw new DatabaseUnavailableError(
      `DATABASE_URL: cannot connect to ${describe(url)} (${reason})`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * `DATABASE_URL` when set; otherwise an embedded PostgreSQL under `DATA_DIR/postgres`
 * whose data survives restarts, with the portal's tables in its `portal` database.
 */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>,
  logger: Logger,
): Promise<Database> {
  if (config.DATABASE_URL) {
    await probe(config.DATABASE_URL);
    return { url: config.DATABASE_URL, stop: async () => undefined };
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: path.resolve(config.DATA_DIR, 'postgres'),
    logger: logger.child({ component: 'embedded-postgres' }),
  });
  try {
    await ensureDatabase(cluster.url, 'portal');
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { url: withDatabase(cluster.url, 'portal'), stop: () => cluster.stop() };
}
