import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Ceilings } from './ceilings.js';
import type { FanoutResult } from './fanout.js';
import type { Machine } from './machine.js';
import { repoRoot } from './portal-process.js';
import type { ProfileLine, ProfileSummary } from './profile.js';
import { round } from './stats.js';
import type { TwoInstancesResult } from './two-instances.js';

const run = promisify(execFile);

/** Everything a run measured: the shape of bench/results.json (issue 7's keys, and more). */
export interface Results {
  machine: string;
  quick: boolean;
  date: string;
  details: Machine;
  settings: Record<string, number>;
  ceilings: Ceilings;
  submitPerSec: number;
  submitP50Ms: number;
  submitP99Ms: number;
  submitFailed: number;
  /** Server CPU (user + system) per submit, from /proc. */
  submitServerCpuMs: number;
  /** The submit's own statements replayed by bare node-postgres, 16 clients (submit-floor.ts). */
  submitSqlFloorTps: number;
  submitSqlFloorP99Ms: number;
  /** Round trips of one submit's transaction, BEGIN and COMMIT included. */
  submitSqlRoundTrips: number;
  /** The same work by hand in fewer, prepared statements (reshaped-submit.ts), 16 clients. */
  submitReshapedTps: number;
  submitReshapedP99Ms: number;
  submitReshapedRoundTrips: number;
  /** `{ __typename }` through the portal with the grid's token and load: every request's fixed cost. */
  portalHelloRps: number;
  portalHelloP99Ms: number;
  portalHelloServerCpuMs: number;
  gridRps: number;
  gridP50Ms: number;
  gridP99Ms: number;
  gridFailed: number;
  gridServerCpuMs: number;
  /** The same load on an instance started with RESPONSE_CACHE_MB=0: every read a first read. */
  gridUncachedRps: number;
  gridUncachedP99Ms: number;
  gridUncachedServerCpuMs: number;
  /** A repeated read (the response cache answers it) and a viewer's first read. */
  sqlPerGridQuery: number;
  sqlPerGridFirstRead: number;
  sqlPerOrdersPage50: number;
  sqlPerOrdersPage50WithTotal: number;
  sqlPerSubmit: number;
  /** CPU per read of the grid's catalogue through MikroORM's em.find, and as plain SQL. */
  ormFindCpuUs: number;
  plainSqlCpuUs: number;
  ormReadRows: number;
  fanout1k: FanoutResult;
  fanout10k: FanoutResult;
  /** fanout1k's load with one API key per socket: no two subscribers share an execution. */
  fanout1kDistinct: FanoutResult;
  /** fanout1kDistinct's, each event with its order (`order { id number status }`). */
  fanout1kDistinctOrder: FanoutResult;
  twoInstances: TwoInstancesResult;
  ratios: {
    submitToTpcb: number;
    submitSqlFloorToTpcb: number;
    submitToSqlFloor: number;
    submitReshapedToTpcb: number;
    gridToNodeHello: number;
    gridToApolloHello: number;
    gridToPortalHello: number;
    gridUncachedToNodeHello: number;
    portalHelloToNodeHello: number;
  };
  targets: Target[];
  profiles?: ProfileSummary[];
}

export interface Target {
  metric: string;
  value: string;
  target: string;
  /** Ratio to the ceiling it is judged against, when there is one. */
  ratio?: string;
  met: boolean;
}

const percent = (ratio: number) => `${round(ratio * 100)}%`;
/** Ratios keep four decimals: the grid's share of the Node hello is small. */
const ratio = (value: number, ceiling: number) => Math.round((value / ceiling) * 10_000) / 10_000;

/** Issue 7's targets, judged on this run's figures. */
export function judge(r: Omit<Results, 'targets' | 'ratios'>): Pick<Results, 'targets' | 'ratios'> {
  const ratios = {
    submitToTpcb: ratio(r.submitPerSec, r.ceilings.pgTpcbTps),
    submitSqlFloorToTpcb: ratio(r.submitSqlFloorTps, r.ceilings.pgTpcbTps),
    submitToSqlFloor: ratio(r.submitPerSec, r.submitSqlFloorTps),
    submitReshapedToTpcb: ratio(r.submitReshapedTps, r.ceilings.pgTpcbTps),
    gridToNodeHello: ratio(r.gridRps, r.ceilings.nodeHelloRps),
    gridToApolloHello: ratio(r.gridRps, r.ceilings.apolloHelloRps),
    gridToPortalHello: ratio(r.gridRps, r.portalHelloRps),
    gridUncachedToNodeHello: ratio(r.gridUncachedRps, r.ceilings.nodeHelloRps),
    portalHelloToNodeHello: ratio(r.portalHelloRps, r.ceilings.nodeHelloRps),
  };
  const n10k = r.fanout10k.subscribers.toLocaleString('en');
  const targets: Target[] = [
    {
      metric: 'submitChangeOrder /s (16 clients)',
      value: `${r.submitPerSec}`,
      target: `≥ 60% of TPC-B-like (${r.ceilings.pgTpcbTps} tps)`,
      ratio:
        `${percent(ratios.submitToTpcb)} (own SQL alone: ${percent(ratios.submitSqlFloorToTpcb)}, ` +
        `reshaped: ${percent(ratios.submitReshapedToTpcb)})`,
      met: ratios.submitToTpcb >= 0.6,
    },
    {
      metric: 'submit p99',
      value: `${r.submitP99Ms} ms`,
      target: '≤ 50 ms',
      met: r.submitP99Ms <= 50,
    },
    {
      metric: 'licence grid req/s (50 clients)',
      value: `${r.gridRps}`,
      target: `≥ 20% of Node hello (${r.ceilings.nodeHelloRps} req/s)`,
      ratio:
        `${percent(ratios.gridToNodeHello)} (Apollo hello: ${percent(ratios.gridToApolloHello)}, ` +
        `portal hello: ${percent(ratios.gridToPortalHello)})`,
      met: ratios.gridToNodeHello >= 0.2,
    },
    { metric: 'grid p99', value: `${r.gridP99Ms} ms`, target: '≤ 25 ms', met: r.gridP99Ms <= 25 },
    {
      metric: 'SQL per grid query: repeated / first read',
      value: `${r.sqlPerGridQuery} / ${r.sqlPerGridFirstRead}`,
      target: '≤ 3',
      met: Math.max(r.sqlPerGridQuery, r.sqlPerGridFirstRead) <= 3,
    },
    {
      metric: 'SQL per page of 50 orders with lines',
      value: `${r.sqlPerOrdersPage50} (${r.sqlPerOrdersPage50WithTotal} with totalCount)`,
      target: '≤ 5',
      met: r.sqlPerOrdersPage50 <= 5,
    },
    {
      metric: 'fan-out 1,000: p99 / lost',
      value: `${r.fanout1k.p99Ms} ms / ${r.fanout1k.lost}`,
      target: '≤ 100 ms, 0 lost',
      met: r.fanout1k.p99Ms <= 100 && r.fanout1k.lost === 0 && r.fanout1k.failed === 0,
    },
    {
      metric: `fan-out ${n10k}${r.quick ? ' (quick: not 10,000)' : ''}: p99 / lost`,
      value: `${r.fanout10k.p99Ms} ms / ${r.fanout10k.lost}`,
      target: '≤ 1,000 ms, 0 lost',
      met: r.fanout10k.p99Ms <= 1000 && r.fanout10k.lost === 0 && r.fanout10k.failed === 0,
    },
    {
      metric: 'two instances: delivered / out of order',
      value: `${r.twoInstances.delivered} of ${r.twoInstances.expected} / ${r.twoInstances.outOfOrder}`,
      target: 'all, 0',
      met: r.twoInstances.delivered === r.twoInstances.expected && r.twoInstances.outOfOrder === 0,
    },
  ];
  return { ratios, targets };
}

/** The ceilings and targets as rows of [metric, value, target, ratio, ok]. */
function rows(r: Results): string[][] {
  const ceiling = (name: string, value: string) => [name, value, '(ceiling)', '', ''];
  const info = (name: string, value: string) => [name, value, '(no target)', '', ''];
  return [
    ceiling('pgbench TPC-B-like, 16 clients (tps)', `${r.ceilings.pgTpcbTps}`),
    ceiling(
      'bare Node http hello, 50 conns (req/s)',
      `${r.ceilings.nodeHelloRps} (p99 ${r.ceilings.nodeHelloP99Ms} ms)`,
    ),
    ceiling(
      'bare Apollo { __typename }, 50 conns (req/s)',
      `${r.ceilings.apolloHelloRps} (p99 ${r.ceilings.apolloHelloP99Ms} ms)`,
    ),
    [
      "the portal's { __typename } with a session, 50 conns (req/s)",
      `${r.portalHelloRps} (p99 ${r.portalHelloP99Ms} ms, ${r.portalHelloServerCpuMs} ms CPU)`,
      '(reference)',
      `${percent(r.ratios.portalHelloToNodeHello)} of Node hello`,
      '',
    ],
    [
      `the submit's own SQL, bare node-postgres, ${r.settings.submitClients} clients (tps)`,
      `${r.submitSqlFloorTps} (p99 ${r.submitSqlFloorP99Ms} ms, ${r.submitSqlRoundTrips} round trips)`,
      '(reference)',
      `${percent(r.ratios.submitSqlFloorToTpcb)} of TPC-B-like`,
      '',
    ],
    [
      `the same work reshaped by hand, prepared, ${r.settings.submitClients} clients (tps)`,
      `${r.submitReshapedTps} (p99 ${r.submitReshapedP99Ms} ms, ${r.submitReshapedRoundTrips} round trips)`,
      '(reference)',
      `${percent(r.ratios.submitReshapedToTpcb)} of TPC-B-like`,
      '',
    ],
    ...r.targets.map((t) => [t.metric, t.value, t.target, t.ratio ?? '', t.met ? 'ok' : 'NOT MET']),
    info('server CPU per grid query', `${r.gridServerCpuMs} ms`),
    info(
      'grid without the response cache, 50 conns (req/s)',
      `${r.gridUncachedRps} (p99 ${r.gridUncachedP99Ms} ms, ${r.gridUncachedServerCpuMs} ms CPU; ` +
        `${percent(r.ratios.gridUncachedToNodeHello)} of Node hello)`,
    ),
    info('server CPU per submit', `${r.submitServerCpuMs} ms`),
    info('SQL per submit (+ BEGIN/COMMIT)', `${r.sqlPerSubmit}`),
    info(
      `CPU per catalogue read (${r.ormReadRows} rows): MikroORM find / plain SQL`,
      `${r.ormFindCpuUs} µs / ${r.plainSqlCpuUs} µs`,
    ),
    info(
      `fan-out ${r.fanout1kDistinct.subscribers.toLocaleString('en')}, one API key each: p99 / lost`,
      `${r.fanout1kDistinct.p99Ms} ms / ${r.fanout1kDistinct.lost}`,
    ),
    info(
      `fan-out ${r.fanout1kDistinctOrder.subscribers.toLocaleString('en')}, one API key each, with the order: p99 / lost`,
      `${r.fanout1kDistinctOrder.p99Ms} ms / ${r.fanout1kDistinctOrder.lost}`,
    ),
    info(
      `server memory per subscriber (${r.fanout10k.subscribers.toLocaleString('en')})`,
      `${round(r.fanout10k.bytesPerSubscriber / 1024)} KiB RSS, ${round(r.fanout10k.heapBytesPerSubscriber / 1024)} KiB heap`,
    ),
  ];
}

export function printTable(r: Results): void {
  const header = ['metric', 'value', 'target', 'ratio to ceiling', 'ok'];
  const body = rows(r);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(`\n${r.machine}${r.quick ? '  [QUICK RUN]' : ''}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  const fan = (name: string, f: FanoutResult) =>
    `${name}: ${f.subscribers} subscribers, ${f.transitions} transitions, p50 ${f.p50Ms} ms, ` +
    `p99 ${f.p99Ms} ms, max ${f.maxMs} ms, lost ${f.lost}, failed ${f.failed}, ` +
    `${round(f.bytesPerSubscriber / 1024)} KiB RSS / ${round(f.heapBytesPerSubscriber / 1024)} KiB heap per subscriber, ` +
    `opened in ${f.openSeconds} s`;
  console.log(
    `\n${fan('fanout1k', r.fanout1k)}\n${fan('fanout10k', r.fanout10k)}\n` +
      `${fan('fanout1kDistinct', r.fanout1kDistinct)}\n` +
      fan('fanout1kDistinctOrder', r.fanout1kDistinctOrder),
  );
  for (const profile of r.profiles ?? []) {
    console.log(`\nCPU profile under ${profile.load} (${profile.busySeconds} s busy):`);
    const list = (title: string, lines: ProfileLine[]) => {
      console.log(`  ${title}`);
      for (const line of lines.slice(0, 10)) {
        console.log(`    ${String(line.percent).padStart(6)}%  ${line.name}`);
      }
    };
    list('time by layer', profile.byLayer);
    list('self time by package', profile.byPackage);
    list('self time by function', profile.topSelf);
  }
}

export async function writeResults(r: Results): Promise<string> {
  const file = path.join(repoRoot, 'bench/results.json');
  await fs.writeFile(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

const BEGIN = '<!-- bench:figures:begin (written by `pnpm bench`; edit outside) -->';
const END = '<!-- bench:figures:end -->';

function markdownTable(header: string[], body: string[][]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** The generated part of BENCHMARKS.md: machine, table, profiles, the raw JSON. */
function figures(r: Results): string {
  const d = r.details;
  const parts = [
    `Run of ${r.date} at commit ${d.commit}${r.quick ? ' (**quick run**)' : ''}.`,
    '',
    `**Machine:** ${r.machine}. Load average (1 min) ${d.loadAverageStart} at the start, ` +
      `${d.loadAverageEnd ?? '?'} at the end.`,
    '',
    markdownTable(['metric', 'value', 'target', 'ratio to ceiling', 'ok'], rows(r)),
    '',
    `Fan-out details: 1,000 subscribers: p50 ${r.fanout1k.p50Ms} ms, max ${r.fanout1k.maxMs} ms, ` +
      `${round(r.fanout1k.bytesPerSubscriber / 1024)} KiB RSS per subscriber; ` +
      `${r.fanout10k.subscribers.toLocaleString('en')} subscribers: p50 ${r.fanout10k.p50Ms} ms, ` +
      `max ${r.fanout10k.maxMs} ms, ${round(r.fanout10k.heapBytesPerSubscriber / 1024)} KiB heap ` +
      `per subscriber, sockets opened in ${r.fanout10k.openSeconds} s. Event stamp to the ` +
      `submit's HTTP response: ${r.fanout1k.stampToResponseMs} ms (median). ` +
      `${r.fanout1kDistinct.subscribers.toLocaleString('en')} subscribers with an API key each ` +
      `(no shared execution): p50 ${r.fanout1kDistinct.p50Ms} ms, max ${r.fanout1kDistinct.maxMs} ms, ` +
      `${round(r.fanout1kDistinct.heapBytesPerSubscriber / 1024)} KiB heap per subscriber, ` +
      `${r.fanout1kDistinct.failed} failed; with each event's order: p50 ` +
      `${r.fanout1kDistinctOrder.p50Ms} ms, max ${r.fanout1kDistinctOrder.maxMs} ms, ` +
      `${round(r.fanout1kDistinctOrder.heapBytesPerSubscriber / 1024)} KiB heap per subscriber, ` +
      `${r.fanout1kDistinctOrder.failed} failed.`,
  ];
  for (const profile of r.profiles ?? []) {
    parts.push(
      '',
      `**CPU profile under ${profile.load}** (${profile.busySeconds} s of busy samples):`,
      '',
      markdownTable(
        ['time by layer (first match on the stack)', '%'],
        profile.byLayer.map((line) => [line.name, `${line.percent}`]),
      ),
      '',
      markdownTable(
        ['self time by package', '%'],
        profile.byPackage.map((line) => [line.name, `${line.percent}`]),
      ),
      '',
      markdownTable(
        ['self time by function', '%'],
        profile.topSelf.map((line) => [`\`${line.name}\``, `${line.percent}`]),
      ),
    );
  }
  parts.push(
    '',
    '<details><summary>bench/results.json of this run</summary>',
    '',
    '```json',
    JSON.stringify(r, null, 2),
    '```',
    '',
    '</details>',
  );
  return parts.join('\n');
}

/** Replaces the generated section of BENCHMARKS.md (the prose around it is kept). */
export async function writeBenchmarksMd(r: Results): Promise<string> {
  const file = path.join(repoRoot, 'BENCHMARKS.md');
  const current = await fs.readFile(file, 'utf8').catch(() => `# Benchmarks\n\n${BEGIN}\n${END}\n`);
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} lacks the figures markers`);
  const next = `${current.slice(0, start + BEGIN.length)}\n${figures(r)}\n${current.slice(end)}`;
  await fs.writeFile(file, next);
  // The repository's Prettier (root devDependency) aligns the generated tables, so that
  // `pnpm lint` stays clean after a run.
  const prettier = path.join(repoRoot, 'node_modules/prettier/bin/prettier.cjs');
  await run(process.execPath, [prettier, '--write', '--log-level', 'warn', file]);
  return file;
}
