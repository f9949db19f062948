import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { drafts, login, orderTarget, RESELLER, submit } from './api.js';
import { startInProcessPortal } from './in-process-portal.js';
import { analyze } from './postgres.js';
import { RESHAPED_ROUND_TRIPS, reshapedSubmit } from './reshaped-submit.js';
import { percentile, round } from './stats.js';

/** Transactions a second by bare node-postgres, one draft's submit each. */
export interface FloorRun {
  tps: number;
  p99Ms: number;
  /** Round trips per submit, BEGIN and COMMIT included. */
  roundTrips: number;
  /** Submits made (each on a draft of its own). */
  submitted: number;
}

export interface SubmitFloor {
  /** The portal's own statements, recorded and replayed. */
  recorded: FloorRun;
  /** The same work reshaped by hand into fewer, prepared statements (reshaped-submit.ts). */
  reshaped: FloorRun;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * The floor under `submitPerSec`: what the submit's SQL alone reaches on this machine, with
 * no HTTP, GraphQL, ORM or rules in front of it. A real submit is recorded statement for
 * statement (as MikroORM sends them: text, values inline), then replayed on other drafts by
 * `clients` node-postgres connections, each replay one transaction, exactly as the TPC-B-like
 * ceiling is driven. Each replay gets its draft's order and line ids and fresh ids for the
 * rows it inserts (the event, the alerts); every other value (customer, vendor, users,
 * stamps, the held quantities) is the recorded one, which is the same for every bench draft.
 *
 * No portal can submit faster than this with the same statements. Beside it, the same work
 * reshaped as BENCHMARKS.md proposes (`reshapedSubmit`: 7 round trips, prepared) on as many
 * other drafts, driven the same way: how far a rewrite of the write path could go.
 */
export async function measureSubmitFloor(
  databaseUrl: string,
  options: { clients: number; perClient: number },
): Promise<SubmitFloor> {
  const portal = await startInProcessPortal(databaseUrl);
  let statements: string[];
  try {
    const token = await login(portal.graphqlUrl, RESELLER);
    const target = await orderTarget(portal.graphqlUrl, token);
    const [template] = await drafts(portal.graphqlUrl, token, target, 1, 'Floor template');
    statements = await portal.sentDuring(() => submit(portal.graphqlUrl, token, template!));
    const count = options.clients * options.perClient;
    await drafts(portal.graphqlUrl, token, target, count, 'Floor');
    await drafts(portal.graphqlUrl, token, target, count, 'Reshaped');
  } finally {
    await portal.close();
  }

  await analyze(databaseUrl);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  let replays: string[][];
  let reshaped: { id: string; reseller_id: string }[];
  try {
    replays = await replaysOf(admin, statements);
    ({ rows: reshaped } = await admin.query<{ id: string; reseller_id: string }>(
      `SELECT id, reseller_id FROM change_order WHERE title LIKE 'Reshaped %' AND status = 'DRAFT'`,
    ));
  } finally {
    await admin.end();
  }
  return {
    recorded: {
      ...(await inTransactions(databaseUrl, replays, options.clients, replay)),
      roundTrips: statements.length + 2,
    },
    reshaped: {
      ...(await inTransactions(databaseUrl, reshaped, options.clients, (client, order) =>
        reshapedSubmit(client, order.id, order.reseller_id),
      )),
      roundTrips: RESHAPED_ROUND_TRIPS,
    },
  };
}

type OrderRow = { id: string; lines: string[] };

/** The recorded statements rewritten for each draft: its ids, and fresh ones for new rows. */
async function replaysOf(client: pg.Client, statements: string[]): Promise<string[][]> {
  const orders = `SELECT o.id, array_agg(l.id ORDER BY l.position) AS lines
                    FROM change_order o JOIN change_order_line l ON l.order_id = o.id
                   WHERE o.title LIKE $1 AND o.status = $2 GROUP BY o.id`;
  const { rows: templates } = await client.query<OrderRow>(orders, [
    'Floor template %',
    'SUBMITTED',
  ]);
  const template = templates[0];
  if (templates.length !== 1 || !template) throw new Error('the floor template was not submitted');
  const { rows: created } = await client.query<{ id: string }>(
    `SELECT id FROM order_event WHERE order_id = $1 AND type = 'SUBMITTED'
     UNION ALL SELECT id FROM alert WHERE order_id = $1`,
    [template.id],
  );
  const { rows: drafted } = await client.query<OrderRow>(orders, ['Floor %', 'DRAFT']);
  return drafted.map((order) => {
    if (order.lines.length !== template.lines.length) throw new Error('drafts differ in lines');
    const ids = new Map<string, string>([[template.id, order.id]]);
    template.lines.forEach((line, i) => ids.set(line, order.lines[i]!));
    for (const row of created) ids.set(row.id, randomUUID());
    return statements.map((sql) => sql.replace(UUID, (id) => ids.get(id) ?? id));
  });
}

/** One recorded submit, rewritten for a draft, in one transaction. */
async function replay(client: pg.Client, statements: string[]): Promise<void> {
  await client.query('BEGIN');
  for (const sql of statements) {
    const result = await client.query(sql);
    // A statement that missed its row would make the floor a fiction: refuse it.
    if (/^update\b/i.test(sql.trim()) && result.rowCount !== 1) {
      throw new Error(`a replayed update changed ${result.rowCount} rows: ${sql}`);
    }
  }
  await client.query('COMMIT');
}

/** `clients` connections submit one item after another, as the TPC-B-like ceiling runs. */
async function inTransactions<T>(
  databaseUrl: string,
  items: readonly T[],
  clients: number,
  submitOne: (client: pg.Client, item: T) => Promise<void>,
): Promise<Omit<FloorRun, 'roundTrips'>> {
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      connections.map(async (client) => {
        while (next < items.length) {
          const item = items[next++]!;
          const began = performance.now();
          await submitOne(client, item);
          latencies.push(performance.now() - began);
        }
      }),
    );
  } finally {
    await Promise.all(connections.map((client) => client.end()));
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    tps: round(latencies.length / seconds),
    p99Ms: round(percentile(latencies, 99)),
    submitted: latencies.length,
  };
}
