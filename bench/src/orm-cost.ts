// The schema module first: it loads reflect-metadata, which the entities' decorators need.
import '../../server/src/app/schema.js';
import { createLogger } from '../../server/src/app/logger.js';
import { openOrm } from '../../server/src/app/orm.js';
import { Product } from '../../server/src/modules/catalog/product.entity.js';
import { round } from './stats.js';

export interface OrmCost {
  /** CPU per `em.find` of the largest vendor catalogue in the demo data. */
  ormFindCpuUs: number;
  /** CPU per the same statement sent as plain SQL through the same ORM and pool. */
  plainSqlCpuUs: number;
  /** Rows each read returns. */
  rows: number;
}

const WARM_UP = 300;
const CALLS = 2_000;

/**
 * What one read costs the server's CPU through MikroORM, against the same SQL sent as
 * plain text over the same connection pool: a vendor's catalogue (the read the grid made
 * before it became one hand-written statement, and the rules still make), in this process,
 * one call at a time after a warm-up, on a fresh fork per call as a request has. Read with
 * `gridServerCpuMs` and `submitServerCpuMs`: it says how much of a request's CPU is the
 * ORM building queries and hydrating entities rather than the database's work.
 */
export async function measureOrmCost(databaseUrl: string): Promise<OrmCost> {
  const orm = await openOrm(
    databaseUrl,
    createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'production' }),
  );
  try {
    const [vendor] = await orm.em
      .fork()
      .execute<{ vendor_id: string }[]>(
        'SELECT vendor_id FROM product GROUP BY vendor_id ORDER BY count(*) DESC LIMIT 1',
      );
    if (!vendor) throw new Error('no catalogue to read: is the database seeded?');
    const viaOrm = () =>
      orm.em
        .fork()
        .find(
          Product,
          { vendor: { $in: [vendor.vendor_id] } },
          { orderBy: { position: 'asc', name: 'asc' } },
        );
    const plain = () =>
      orm.em
        .fork()
        .execute<unknown[]>(
          'SELECT * FROM product WHERE vendor_id IN (?) ORDER BY position ASC, name ASC',
          [vendor.vendor_id],
        );
    const rows = (await viaOrm()).length;
    return { ormFindCpuUs: await cpuPerCall(viaOrm), plainSqlCpuUs: await cpuPerCall(plain), rows };
  } finally {
    await orm.close();
  }
}

async function cpuPerCall(call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await call();
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await call();
  const used = process.cpuUsage(start);
  return round((used.user + used.system) / CALLS);
}
