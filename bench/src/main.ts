/**
 * `pnpm bench [--quick] [--profile | --no-profile]`: the portal's benchmark (issue 7).
 * One embedded PostgreSQL; ceilings first (nothing else running), then the built server as
 * a child process under domain load, the SQL counts in-process, fan-out, two instances,
 * and (full runs) CPU profiles of separate instances. Prints a table, writes
 * bench/results.json and, on a full run, the figures section of BENCHMARKS.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { login, orderTarget, RESELLER, VENDOR } from './api.js';
import { insertApiKeys } from './api-keys.js';
import { measureCeilings } from './ceilings.js';
import { measureFanout } from './fanout.js';
import { measureGrid, measurePortalHello } from './grid.js';
import { describeMachine } from './machine.js';
import { measureOrmCost } from './orm-cost.js';
import { serverEntry, startPortalProcess, type PortalProcess } from './portal-process.js';
import { startCluster } from './postgres.js';
import { profileLoads } from './profiles.js';
import { judge, printTable, writeBenchmarksMd, writeResults, type Results } from './report.js';
import { countStatements } from './sql-count.js';
import { QUEUE_EVENTS_WITH_ORDER } from './subscribers.js';
import { measureSubmit } from './submit.js';
import { measureSubmitFloor } from './submit-floor.js';
import { measureTwoInstances } from './two-instances.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const profile = args.has('--profile') || (!quick && !args.has('--no-profile'));

/** Durations and sizes: --quick keeps the whole run under two minutes on 2 cores. */
const settings = quick
  ? { seconds: 4, warmUpSeconds: 3, submitClients: 16, submitsPerClient: 12, submitWarmUp: 4 }
  : { seconds: 15, warmUpSeconds: 5, submitClients: 16, submitsPerClient: 60, submitWarmUp: 8 };
/** The grid's clients, and the hello ceilings' (the grid's target is a share of one). */
const gridConnections = 50;

const fanout = quick
  ? { small: 1_000, large: 1_000, smallTransitions: 3, largeTransitions: 3 }
  : { small: 1_000, large: 10_000, smallTransitions: 10, largeTransitions: 5 };
const twoInstances = quick ? { subscribers: 50, orders: 20 } : { subscribers: 200, orders: 60 };

const started = performance.now();
const step = (what: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${what}`);

/** The open-file limit: each subscriber socket is one descriptor here and one in the server. */
function openFileLimit(): number {
  if (!existsSync('/proc/self/limits')) return Number.POSITIVE_INFINITY;
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((row) => row.startsWith('Max open files'));
  const soft = line?.split(/\s{2,}/)[1];
  return soft === undefined || soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
}

async function main(): Promise<void> {
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: run \`pnpm build\``);
  const needed = fanout.large + 1_000;
  if (openFileLimit() < needed) {
    throw new Error(
      `${fanout.large} subscribers need ${needed} open files; the limit is ${openFileLimit()}: run \`ulimit -n ${needed * 2}\` first`,
    );
  }
  step(`${quick ? 'quick' : 'full'} run; starting PostgreSQL`);
  const cluster = await startCluster();
  const processes: PortalProcess[] = [];
  try {
    const machine = await describeMachine(await cluster.database('postgres'));
    step(machine.description);

    step(`ceilings (${settings.seconds} s each)`);
    const ceilings = await measureCeilings({
      pgUrl: await cluster.database('bench_tpcb'),
      pgClients: settings.submitClients,
      httpConnections: gridConnections,
      seconds: settings.seconds,
    });
    step(`ceilings: ${JSON.stringify(ceilings)}`);

    const databaseUrl = await cluster.database('portal');
    // With DevTools listening, so the fan-out can collect garbage before reading memory.
    const a = await startPortalProcess({ databaseUrl, inspect: true });
    processes.push(a);
    const [resellerToken, vendorToken] = await Promise.all([
      login(a.graphqlUrl, RESELLER),
      login(a.graphqlUrl, VENDOR),
    ]);
    const target = await orderTarget(a.graphqlUrl, resellerToken);

    // The grid first, on the demo data as seeded; the submits add orders afterwards.
    const gridLoad = {
      graphqlUrl: a.graphqlUrl,
      token: resellerToken,
      customerId: target.customerId,
      connections: gridConnections,
      seconds: settings.seconds,
      serverPid: a.child.pid,
    };
    // Untimed first: a fresh process runs its first seconds in V8's interpreter and
    // baseline compilers, which made a quick run's figures several times a full run's.
    step(`warm-up: grid and { __typename }, ${settings.warmUpSeconds} s each (not counted)`);
    await measureGrid({ ...gridLoad, seconds: settings.warmUpSeconds });
    await measurePortalHello({ ...gridLoad, seconds: settings.warmUpSeconds });
    step(`the portal's { __typename }, ${gridConnections} connections`);
    const portalHello = await measurePortalHello(gridLoad);
    step(`portal hello: ${JSON.stringify(portalHello)}`);
    step(`grid, ${gridConnections} connections`);
    const grid = await measureGrid(gridLoad);
    step(`grid: ${JSON.stringify(grid)}`);

    // The same load with every read a first read: an instance without the response cache,
    // on the same database and token (what each viewer's first grid costs, and what the
    // grid cost before the cache).
    step(`grid without the response cache (RESPONSE_CACHE_MB=0), ${gridConnections} connections`);
    const uncachedPortal = await startPortalProcess({
      databaseUrl,
      env: { RESPONSE_CACHE_MB: '0' },
    });
    processes.push(uncachedPortal);
    const uncachedLoad = {
      ...gridLoad,
      graphqlUrl: uncachedPortal.graphqlUrl,
      serverPid: uncachedPortal.child.pid,
    };
    await measureGrid({ ...uncachedLoad, seconds: settings.warmUpSeconds });
    const gridUncached = await measureGrid(uncachedLoad);
    await uncachedPortal.stop();
    step(`grid without the cache: ${JSON.stringify(gridUncached)}`);

    const submitLoad = {
      graphqlUrl: a.graphqlUrl,
      token: resellerToken,
      target,
      clients: settings.submitClients,
      serverPid: a.child.pid,
      databaseUrl,
    };
    step(`warm-up: ${settings.submitClients} × ${settings.submitWarmUp} submits (not counted)`);
    await measureSubmit({ ...submitLoad, perClient: settings.submitWarmUp });
    step(`submit, ${settings.submitClients} clients`);
    const submit = await measureSubmit({ ...submitLoad, perClient: settings.submitsPerClient });
    step(`submit: ${JSON.stringify(submit)}`);

    const common = { portal: a, vendorToken, resellerToken, target };
    step(`fan-out to ${fanout.small}`);
    const fanout1k = await measureFanout({
      ...common,
      count: fanout.small,
      transitions: fanout.smallTransitions,
    });
    step(`fan-out: ${JSON.stringify(fanout1k)}`);
    step(`fan-out to ${fanout.large}`);
    const fanout10k = await measureFanout({
      ...common,
      count: fanout.large,
      transitions: fanout.largeTransitions,
    });
    step(`fan-out: ${JSON.stringify(fanout10k)}`);
    step(`fan-out to ${fanout.small} distinct API keys (one audience each)`);
    const keys = await insertApiKeys(databaseUrl, VENDOR, fanout.small);
    const fanout1kDistinct = await measureFanout({
      ...common,
      vendorToken: keys,
      count: fanout.small,
      transitions: fanout.smallTransitions,
    });
    step(`fan-out: ${JSON.stringify(fanout1kDistinct)}`);
    step(`fan-out to ${fanout.small} distinct API keys, each event with its order`);
    const fanout1kDistinctOrder = await measureFanout({
      ...common,
      vendorToken: keys,
      count: fanout.small,
      transitions: fanout.smallTransitions,
      query: QUEUE_EVENTS_WITH_ORDER,
    });
    step(`fan-out: ${JSON.stringify(fanout1kDistinctOrder)}`);

    step(
      `two instances: ${twoInstances.subscribers} subscribers on B, ${twoInstances.orders} orders on A`,
    );
    const two = await measureTwoInstances({
      a,
      databaseUrl,
      vendorToken,
      resellerToken,
      target,
      ...twoInstances,
    });
    step(`two instances: ${JSON.stringify(two)}`);
    await a.stop();

    step('SQL statements per query (in-process portal)');
    const sqlDatabase = await cluster.database('portal_sql');
    const sql = await countStatements(sqlDatabase);
    step(
      `SQL: grid ${sql.sqlPerGridQuery} (first read ${sql.sqlPerGridFirstRead}), orders page ${sql.sqlPerOrdersPage50}`,
    );
    step(
      `the submit's own SQL, replayed by ${settings.submitClients} node-postgres clients, and reshaped`,
    );
    const submitFloor = await measureSubmitFloor(await cluster.database('portal_floor'), {
      clients: settings.submitClients,
      perClient: settings.submitsPerClient,
    });
    step(`submit floor: ${JSON.stringify(submitFloor)}`);
    step('CPU per catalogue read: MikroORM find against plain SQL (in-process)');
    const ormCost = await measureOrmCost(sqlDatabase);
    step(`ORM cost: ${JSON.stringify(ormCost)}`);

    const profiles = profile
      ? await profileLoads(
          cluster,
          { ...settings, gridConnections, perClient: Math.min(settings.submitsPerClient, 20) },
          step,
        )
      : [];

    machine.loadAverageEnd = Math.round(os.loadavg()[0]! * 100) / 100;
    const measured = {
      machine: machine.description,
      quick,
      date: new Date().toISOString(),
      details: machine,
      settings: {
        ...settings,
        gridConnections,
        ...prefixed('fanout', fanout),
        ...prefixed('two', twoInstances),
      },
      ceilings,
      submitPerSec: submit.rps,
      submitP50Ms: submit.p50Ms,
      submitP99Ms: submit.p99Ms,
      submitFailed: submit.failed,
      submitServerCpuMs: submit.serverCpuMsPerRequest,
      submitSqlFloorTps: submitFloor.recorded.tps,
      submitSqlFloorP99Ms: submitFloor.recorded.p99Ms,
      submitSqlRoundTrips: submitFloor.recorded.roundTrips,
      submitReshapedTps: submitFloor.reshaped.tps,
      submitReshapedP99Ms: submitFloor.reshaped.p99Ms,
      submitReshapedRoundTrips: submitFloor.reshaped.roundTrips,
      portalHelloRps: portalHello.rps,
      portalHelloP99Ms: portalHello.p99Ms,
      portalHelloServerCpuMs: portalHello.serverCpuMsPerRequest,
      gridRps: grid.rps,
      gridP50Ms: grid.p50Ms,
      gridP99Ms: grid.p99Ms,
      gridFailed: grid.failed,
      gridServerCpuMs: grid.serverCpuMsPerRequest,
      gridUncachedRps: gridUncached.rps,
      gridUncachedP99Ms: gridUncached.p99Ms,
      gridUncachedServerCpuMs: gridUncached.serverCpuMsPerRequest,
      sqlPerGridQuery: sql.sqlPerGridQuery,
      sqlPerGridFirstRead: sql.sqlPerGridFirstRead,
      sqlPerOrdersPage50: sql.sqlPerOrdersPage50,
      sqlPerOrdersPage50WithTotal: sql.sqlPerOrdersPage50WithTotal,
      sqlPerSubmit: sql.sqlPerSubmit,
      ormFindCpuUs: ormCost.ormFindCpuUs,
      plainSqlCpuUs: ormCost.plainSqlCpuUs,
      ormReadRows: ormCost.rows,
      fanout1k,
      fanout10k,
      fanout1kDistinct,
      fanout1kDistinctOrder,
      twoInstances: two,
      ...(profiles.length > 0 ? { profiles } : {}),
    };
    const results: Results = { ...measured, ...judge(measured) };
    printTable(results);
    console.log(`\nwrote ${await writeResults(results)}`);
    if (!quick) console.log(`wrote ${await writeBenchmarksMd(results)} (figures section)`);
    step('done');
  } finally {
    for (const running of processes) await running.stop();
    await cluster.stop();
  }
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      `${prefix}${key[0]!.toUpperCase()}${key.slice(1)}`,
      value,
    ]),
  );
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
