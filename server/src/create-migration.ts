/**
 * `pnpm db:migration [name]`: writes the next migration to src/migrations/.
 *
 * It applies the existing migrations to a throw-away embedded PostgreSQL, diffs the
 * entities against that schema, writes the difference as a migration class and
 * regenerates src/migrations/index.ts so the new file is run in order.
 */
import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from './app/logger.js';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from './app/embedded-postgres.js';
import { openOrm } from './app/orm.js';

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const logger = createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'development' });

async function writeIndex(): Promise<void> {
  const names = (await fs.readdir(migrationsDir))
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const source = [
    "import type { Constructor } from '@mikro-orm/core';",
    "import type { Migration } from '@mikro-orm/migrations';",
    ...names.map((name) => `import { ${name} } from './${name}.js';`),
    '',
    '/**',
    ' * Migrations in the order they run; written by `pnpm db:migration`, do not edit by hand.',
    ' * Listed rather than discovered so src/ (tsx, vitest) and dist/ (node) behave the same.',
    ' */',
    'export const migrationsList: { name: string; class: Constructor<Migration> }[] = [',
    ...names.map((name) => `  { name: '${name}', class: ${name} },`),
    '];',
    '',
  ].join('\n');
  await fs.writeFile(path.join(migrationsDir, 'index.ts'), source);
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-migration-'));
const cluster = await startEmbeddedPostgres({ dataDir, ephemeral: true, logger });
try {
  await ensureDatabase(cluster.url, 'portal');
  const orm = await openOrm(withDatabase(cluster.url, 'portal'), logger);
  try {
    const result = await orm.migrator.create(migrationsDir, false, false, process.argv[2]);
    if (!result.fileName) {
      console.log('No changes: the entities match the migrations.');
    } else {
      await writeIndex();
      console.log(`Wrote src/migrations/${result.fileName} and updated src/migrations/index.ts`);
    }
  } finally {
    await orm.close();
  }
} finally {
  await cluster.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
