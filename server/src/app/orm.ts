import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from 'pino';
import { entities } from './entities.js';
import { migrationsList } from '../migrations/index.js';

export type Orm = MikroORM;

/** MikroORM options shared by the server, the migration writer and the tests. */
export function ormOptions(clientUrl: string, logger: Logger): Options {
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
  };
}

/** Connects, and brings the schema up to date by running every pending migration. */
export async function openOrm(clientUrl: string, logger: Logger): Promise<Orm> {
  const orm = await MikroORM.init(ormOptions(clientUrl, logger));
  const applied = await orm.migrator.up();
  if (applied.length > 0) {
    logger.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
  }
  return orm;
}
