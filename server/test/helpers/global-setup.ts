/**
 * One PostgreSQL per test run: an ephemeral embedded cluster (no fsync), with a template
 * database migrated and seeded once. Each test file copies the template (CREATE DATABASE
 * ... TEMPLATE), which is far faster than migrating and seeding again.
 */
import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  startEmbeddedPostgres,
  ensureDatabase,
  withDatabase,
} from '../../src/app/embedded-postgres.js';
import { createLogger } from '../../src/app/logger.js';
import { openOrm } from '../../src/app/orm.js';
import { seedDatabase } from '../../src/seeders/seed.js';

export const TEMPLATE_DATABASE = 'portal_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgClusterUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const logger = createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'test' });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-test-pg-'));
  await fs.chmod(dataDir, 0o755);
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg'),
    ephemeral: true,
    logger,
  });

  await ensureDatabase(cluster.url, TEMPLATE_DATABASE);
  const orm = await openOrm(withDatabase(cluster.url, TEMPLATE_DATABASE), logger);
  await seedDatabase(orm.em.fork(), logger);
  await orm.close();

  project.provide('pgClusterUrl', cluster.url);
  return async () => {
    await cluster.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
