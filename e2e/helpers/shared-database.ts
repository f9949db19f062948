import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ensureDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from '../../server/src/app/embedded-postgres.js';
import { createLogger } from '../../server/src/app/logger.js';
import { tempDataDir } from './portal-process.js';

/**
 * A PostgreSQL of the suite's own, for several server processes to share as DATABASE_URL
 * (as instances behind a load balancer would), and to outlive any of them.
 */
export async function startSharedDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = await tempDataDir();
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    ephemeral: true,
    logger: createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'test' }),
  });
  await ensureDatabase(cluster.url, 'portal');
  return {
    url: withDatabase(cluster.url, 'portal'),
    async stop() {
      await cluster.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
