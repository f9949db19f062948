import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from '../../src/app/embedded-postgres.js';

const TEMPLATE_DATABASE = 'portal_template';

/** Runs SQL on the test cluster's maintenance database. */
export async function clusterQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('pgClusterUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database holding the migrated schema and the demo data; returns its URL. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await clusterQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  return { name, url: withDatabase(inject('pgClusterUrl'), name) };
}

/** Drops a test database, ending whatever connections it still has. */
export async function dropTestDatabase(name: string): Promise<void> {
  await clusterQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
