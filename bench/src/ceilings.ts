import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { load, type LoadResult } from './http-load.js';
import { round } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Ceilings: what this machine can do at all, measured in the same run as the portal's
 * figures, so a ratio stays meaningful on a slower or busier machine.
 */
export interface Ceilings {
  pgTpcbTps: number;
  nodeHelloRps: number;
  apolloHelloRps: number;
  nodeHelloP99Ms: number;
  apolloHelloP99Ms: number;
}

/** pgbench's scale 1: 1 branch, 10 tellers, 100,000 accounts (`pgbench -i -s 1`). */
const BRANCHES = 1;
const TELLERS = 10;
const ACCOUNTS = 100_000;

/** Creates and fills the pgbench tables, as `pgbench -i -s 1` would. */
async function initialiseTpcb(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      DROP TABLE IF EXISTS pgbench_history, pgbench_tellers, pgbench_accounts, pgbench_branches;
      CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int, filler char(88)) WITH (fillfactor = 100);
      CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int, tbalance int, filler char(84)) WITH (fillfactor = 100);
      CREATE TABLE pgbench_accounts (aid int PRIMARY KEY, bid int, abalance int, filler char(84)) WITH (fillfactor = 100);
      CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22));
      INSERT INTO pgbench_branches SELECT b, 0 FROM generate_series(1, ${BRANCHES}) b;
      INSERT INTO pgbench_tellers SELECT t, (t - 1) / 10 + 1, 0 FROM generate_series(1, ${TELLERS}) t;
      INSERT INTO pgbench_accounts SELECT a, (a - 1) / 100000 + 1, 0, '' FROM generate_series(1, ${ACCOUNTS}) a;
    `);
    await client.query('VACUUM ANALYZE'); // as pgbench -i does; not allowed in a multi-statement query
  } finally {
    await client.end();
  }
}

const random = (max: number) => 1 + Math.floor(Math.random() * max);

/**
 * pgbench's default "TPC-B (sort of)" transaction, statement for statement, through
 * node-postgres (the portal's driver) with server-side parameters, by `clients` connections
 * for `seconds`. Returns committed transactions a second.
 */
export async function pgTpcb(url: string, clients: number, seconds: number): Promise<number> {
  await initialiseTpcb(url);
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  let committed = 0;
  const until = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    connections.map(async (client) => {
      while (Date.now() < until) {
        const aid = random(ACCOUNTS);
        const tid = random(TELLERS);
        const bid = random(BRANCHES);
        const delta = Math.floor(Math.random() * 10_001) - 5_000;
        await client.query('BEGIN');
        await client.query('UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2', [
          delta,
          aid,
        ]);
        await client.query('SELECT abalance FROM pgbench_accounts WHERE aid = $1', [aid]);
        await client.query('UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2', [
          delta,
          tid,
        ]);
        await client.query('UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2', [
          delta,
          bid,
        ]);
        await client.query(
          'INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)',
          [tid, bid, aid, delta],
        );
        await client.query('END');
        committed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(connections.map((client) => client.end()));
  return round(committed / elapsed);
}

/** Starts one of the hello servers of `hello/` as a child process; resolves with its port. */
async function startHello(file: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'hello', file)], {
    cwd: path.join(here, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    void exited.then(() => reject(new Error(`${file} exited before listening: ${output}`)));
  });
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A hello server under the grid's load (same connections, same seconds). */
async function helloCeiling(
  file: string,
  connections: number,
  seconds: number,
  request: { method: 'GET' | 'POST'; path: string; body?: string },
): Promise<LoadResult> {
  const hello = await startHello(file);
  try {
    return await load({
      url: `http://127.0.0.1:${hello.port}${request.path}`,
      connections,
      duration: seconds,
      method: request.method,
      headers: { 'content-type': 'application/json' },
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
  } finally {
    await hello.stop();
  }
}

export async function measureCeilings(options: {
  pgUrl: string;
  pgClients: number;
  httpConnections: number;
  seconds: number;
}): Promise<Ceilings> {
  const pgTpcbTps = await pgTpcb(options.pgUrl, options.pgClients, options.seconds);
  const node = await helloCeiling('node-hello.ts', options.httpConnections, options.seconds, {
    method: 'GET',
    path: '/',
  });
  const apollo = await helloCeiling('apollo-hello.ts', options.httpConnections, options.seconds, {
    method: 'POST',
    path: '/graphql',
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return {
    pgTpcbTps,
    nodeHelloRps: node.rps,
    apolloHelloRps: apollo.rps,
    nodeHelloP99Ms: node.p99Ms,
    apolloHelloP99Ms: apollo.p99Ms,
  };
}
