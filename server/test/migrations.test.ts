import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/app/logger.js';
import { openOrm, type Orm } from '../src/app/orm.js';
import { createTestDatabase, dropTestDatabase } from './helpers/database.js';

let database: { name: string; url: string };
let orm: Orm;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.url, createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }));
});
afterAll(async () => {
  await orm.close();
  await dropTestDatabase(database.name);
});

describe('the migrations', () => {
  // `pnpm db:migration` writes this difference; an entity and its migration that disagree
  // (or that the ORM reads back differently, like a default it cannot compare) show here
  // before someone finds stray statements in their next migration.
  it('make exactly the schema the entities describe', async () => {
    const { up, down } = await orm.schema.getUpdateSchemaMigrationSQL({ wrap: false });
    expect(up).toBe('');
    expect(down).toBe('');
  });
});
