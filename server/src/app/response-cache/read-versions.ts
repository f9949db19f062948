import pg from 'pg';
import { NextRead } from '../../common/next-read.js';

/**
 * The version of everything a customer's cached reads show: its own rows (name, billing
 * accounts, inventory), its vendor's catalogue, which agreement its reseller has with the
 * vendor, and the add-ons that agreement enables. The database's triggers raise a scope's
 * version in the transaction of every write to its rows (`readVersionTrigger` on the
 * entities, migration `read_versions`), so a version read now is at least as new as every
 * commit before it, on any instance: an answer kept with an equal version is the answer
 * the full pipeline would give now.
 *
 * A scope's version only grows and its row is never deleted, and the scopes a customer
 * reads change only with a write that raises one of them (a customer moved to another
 * reseller raises `customer:`): two reads give the same text only if none of the rows
 * changed between them. The enabled add-ons are part of the text themselves (they live in
 * a pivot table, which has no entity to declare a trigger on): a few keys, read by index.
 */
const VERSION_SQL = `
SELECT coalesce((
         SELECT string_agg(v.scope || '=' || v.version, ',' ORDER BY v.scope)
           FROM read_version v
          WHERE v.scope IN ('customer:' || c.id, 'catalog:' || c.vendor_id,
                            'pair:' || c.reseller_id || ':' || c.vendor_id)), '')
       || ';' || coalesce((
         SELECT string_agg(e.product_id::text, ',' ORDER BY e.product_id)
           FROM agreement a JOIN agreement_add_on e ON e.agreement_id = a.id
          WHERE a.reseller_id = c.reseller_id AND a.vendor_id = c.vendor_id), '') AS version
  FROM customer c
 WHERE c.id = $1`;

export class ReadVersions {
  /**
   * A small pool of its own, through node-postgres directly: this read runs for every
   * cached answer, and through the ORM's connection it cost several times the CPU of the
   * statement (`pnpm bench`: "CPU per catalogue read"). Named, so each connection
   * prepares it once.
   */
  private readonly pool: pg.Pool;

  constructor(
    databaseUrl: string,
    /** Sees each statement, as the ORM's hook does (statement counts in tests and benchmarks). */
    private readonly onQuery: (sql: string) => void = () => undefined,
    connections = 4,
  ) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
    // An idle connection that breaks is replaced on the next query; without a listener
    // its error would end the process.
    this.pool.on('error', () => undefined);
  }

  /**
   * Requests for one customer share version reads, each only a read sent after it arrived
   * (NextRead): as new as a read of its own, since PostgreSQL takes a statement's snapshot
   * when it runs it. Under a load of one grid, a statement per request was half the CPU of
   * a cached answer (the driver's socket writes); shared, it is one per round trip.
   */
  private readonly reads = new NextRead<string, string | null>((id) => this.send(id));

  /** The customer's version text, or null when there is no such customer. */
  ofCustomer(customerId: string): Promise<string | null> {
    return this.reads.get(customerId);
  }

  private async send(customerId: string): Promise<string | null> {
    this.onQuery(VERSION_SQL);
    const result = await this.pool.query<{ version: string }>({
      name: 'customer-read-version',
      text: VERSION_SQL,
      values: [customerId],
    });
    return result.rows[0]?.version ?? null;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
