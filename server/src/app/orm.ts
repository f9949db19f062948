import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import type { Logger } from 'pino';
import { entities } from './entities.js';
import { migrationsList } from '../migrations/index.js';

export type Orm = MikroORM;

export interface OrmHooks {
  /**
   * Sees every SQL statement sent through the ORM, and the response cache's version reads
   * (tests and benchmarks count them), with its values (MikroORM sends them inline).
   */
  onQuery?: (sql: string, params?: readonly unknown[]) => void;
}

/** A statement as `OrmHooks.onQuery` saw it. */
export interface SentStatement {
  sql: string;
  params: readonly unknown[];
}

/**
 * Records the statements sent while a piece of work runs: its `onQuery` is the hook to start
 * the portal with, `during` the statements of one piece of work, in order. For the tests'
 * and the bench's statement counts.
 */
export function statementRecorder() {
  let recording: SentStatement[] | undefined;
  return {
    onQuery: (sql: string, params: readonly unknown[] = []) => {
      recording?.push({ sql, params });
    },
    async during(work: () => Promise<unknown>): Promise<SentStatement[]> {
      recording = [];
      try {
        await work();
        return recording;
      } finally {
        recording = undefined;
      }
    },
  };
}

/** MikroORM options shared by the server, the migration writer and the tests. */
export function ormOptions(clientUrl: string, logger: Logger, hooks: OrmHooks = {}): Options {
  const sqlLogger = logger.child({ component: 'sql' });
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      // The running server never writes files; `pnpm db:migration` diffs against a live schema.
      snapshot: false,
      snapshotOnMigrate: false,
      silent: true,
    },
    // A request works on its own fork (see the request context); a stray global use is a bug.
    allowGlobalContext: false,
    pool: { min: 0, max: 20 },
    colors: false,
    debug: sqlLogger.isLevelEnabled('debug'),
    logger: (message) => sqlLogger.debug(message),
    ...(hooks.onQuery
      ? {
          onQuery: (sql: string, params: readonly unknown[]) => {
            hooks.onQuery!(sql, params);
            return sql;
          },
        }
      : {}),
  };
}

/** Any fixed number: the key of the lock that lets one instance at a time migrate and seed. */
const STARTUP_LOCK_KEY = 0x0c0_5747;

/**
 * Connects, and brings the schema up to date by running every pending migration; then runs
 * `afterMigrate` (the seeder). Both happen under a PostgreSQL advisory lock, so instances
 * starting together on one database take turns instead of racing each other's DDL.
 */
export async function openOrm(
  clientUrl: string,
  logger: Logger,
  hooks?: OrmHooks,
  afterMigrate?: (orm: Orm) => Promise<unknown>,
): Promise<Orm> {
  const orm = await MikroORM.init(ormOptions(clientUrl, logger, hooks));
  const lock = new pg.Client({ connectionString: clientUrl });
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    const applied = await orm.migrator.up();
    if (applied.length > 0) {
      logger.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
    }
    await afterMigrate?.(orm);
  } catch (error) {
    await orm.close();
    throw error;
  } finally {
    await lock.end().catch(() => undefined); // ending the session releases the lock
  }
  return orm;
}
