import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, startPortalProcess, type PortalProcess } from './portal-process.js';
import { round } from './stats.js';

/** The part of a V8 .cpuprofile the summary reads (times in microseconds). */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  /** Share of the busy (non-idle) time of the load window, in percent. */
  percent: number;
}

export interface ProfileSummary {
  load: string;
  /** CPU seconds the server spent (not idle) during the load. */
  busySeconds: number;
  /** Time per layer (GC, JWT, logging, driver, ORM flush/hydration/queries, GraphQL…). */
  byLayer: ProfileLine[];
  /** Self time: where the CPU actually was. */
  topSelf: ProfileLine[];
  /** Self time by package (node core, V8's GC, @mikro-orm/…, graphql, the portal). */
  byPackage: ProfileLine[];
}

/**
 * Runs a fresh instance under `node --cpu-prof`, applies `work` to it, stops it (V8 writes
 * the profile at exit) and summarises where its CPU went while `work` ran (the start-up,
 * module loading above all, is cut off). A separate instance: profiling slows the server,
 * so no reported figure comes from a profiled process.
 */
export async function profileUnder(
  label: string,
  databaseUrl: string,
  work: (portal: PortalProcess) => Promise<{ loadStart: number; loadEnd: number }>,
): Promise<ProfileSummary & { file: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-bench-prof-'));
  const portal = await startPortalProcess({
    databaseUrl,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250'],
  });
  let window: { loadStart: number; loadEnd: number };
  try {
    window = await work(portal);
  } finally {
    await portal.stop();
  }
  const exitedAt = Date.now();
  const [name] = (await fs.readdir(dir)).filter((file) => file.endsWith('.cpuprofile'));
  if (!name) throw new Error(`no profile written in ${dir}`);
  const file = path.join(dir, name);
  const profile = JSON.parse(await fs.readFile(file, 'utf8')) as CpuProfile;
  // The profile's clock is not the wall clock; its end is the exit, which we saw just now.
  const fromEnd = (wall: number) => profile.endTime - (exitedAt - wall) * 1000;
  return {
    ...summarise(label, profile, fromEnd(window.loadStart), fromEnd(window.loadEnd)),
    file,
  };
}

/** Where a script lives, short: the package for dependencies, the file for the portal's own. */
function place(url: string): { file: string; owner: string } {
  if (!url) return { file: '', owner: '' };
  if (url.startsWith('node:')) return { file: url, owner: 'node (core)' };
  const local = url.replace(/^file:\/\//, '');
  const modules = local.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = local.slice(modules + '/node_modules/'.length).split('/');
    const pkg = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    return { file: rest.join('/'), owner: pkg };
  }
  return { file: path.relative(repoRoot, local), owner: 'portal (server/dist)' };
}

type Frame = CpuProfile['nodes'][number]['callFrame'];

/**
 * Layers a request passes through, most specific first. A sample counts for the first
 * layer found anywhere on its stack, so the shares add up to 100% and a socket write of
 * the database driver counts for the driver, not for "node". (Async resolvers lose their
 * callers in a CPU profile, so "which resolver" is read from the SQL counts instead.)
 *
 * Middleware is the exception: pino-http and Express call the rest of the request
 * synchronously (`next()`), so "anywhere on the stack" would give them much of what runs
 * after them. They count only where the innermost package frame is theirs (WRAPPERS).
 */
const LAYERS: [string, (frame: Frame, owner: string) => boolean][] = [
  ['V8 garbage collector', (f) => f.functionName === '(garbage collector)'],
  ['JWT verification (jose, WebCrypto HMAC)', (_f, o) => o === 'jose'],
  ['request logging (pino-http, pino)', (_f, o) => LOGGING.has(o)],
  ['complexity check (graphql-query-complexity)', (_f, o) => o === 'graphql-query-complexity'],
  ['PostgreSQL driver (pg, kysely)', (_f, o) => ['pg', 'pg-protocol', 'kysely'].includes(o)],
  ['ORM unit of work (identity map, change sets, flush)', (f) => /unit-of-work\//.test(f.url)],
  ['ORM hydration (EntityFactory, hydrators)', (f) => /EntityFactory|hydration\//.test(f.url)],
  ['ORM fork (EntityManager.fork)', (f, o) => o === '@mikro-orm/core' && f.functionName === 'fork'],
  ['ORM query building and the rest', (_f, o) => o.startsWith('@mikro-orm/')],
  ['WebSocket delivery (graphql-ws, ws)', (_f, o) => ['graphql-ws', 'ws'].includes(o)],
  ['type-graphql resolvers', (_f, o) => o === 'type-graphql'],
  ['graphql-js (parse, validate, execute)', (_f, o) => o === 'graphql'],
  ['Node HTTP and sockets', (f) => /^node:(_http|net|internal\/(streams|stream_base))/.test(f.url) || ['writev', 'writeBuffer'].includes(f.functionName)],
  ['Apollo Server', (_f, o) => o.startsWith('@apollo/') || o === '@as-integrations/express5'],
  ['Express (router, body parsing)', (_f, o) => EXPRESS.has(o)],
  ['portal code (server/dist)', (_f, o) => o === 'portal (server/dist)'],
]; // prettier-ignore

const LOGGING = new Set(['pino-http', 'pino', '@pinojs/redact', 'pino-std-serializers']);
const EXPRESS = new Set(['express', 'router', 'body-parser', 'raw-body']);
const WRAPPERS = new Set(['request logging (pino-http, pino)', 'Express (router, body parsing)']);

/** Self time per function and per package, and time per layer, within [from, to] µs. */
export function summarise(
  load: string,
  profile: CpuProfile,
  from: number,
  to: number,
  top = 15,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const nameOf = (frame: Frame) => {
    const { file } = place(frame.url);
    return file
      ? `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`
      : frame.functionName || '(native code)';
  };
  const layerOf = (id: number) => {
    const stack: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      stack.push(byId.get(at)!.callFrame);
    }
    const innermost = stack.find((f) => !['', 'node (core)'].includes(place(f.url).owner));
    const found = LAYERS.find(([layer, test]) =>
      WRAPPERS.has(layer)
        ? innermost !== undefined && test(innermost, place(innermost.url).owner)
        : stack.some((f) => test(f, place(f.url).owner)),
    );
    return found?.[0] ?? 'other (Node core, microtasks, native)';
  };
  const self = new Map<string, number>();
  const layers = new Map<string, number>();
  const packages = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) =>
    map.set(key, (map.get(key) ?? 0) + ms);
  let busy = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    if (time < from || time > to || frame.functionName === '(idle)') return;
    busy += ms;
    add(self, nameOf(frame), ms);
    add(packages, place(frame.url).owner || frame.functionName || '(native code)', ms);
    add(layers, layerOf(id), ms);
  });
  const ranked = (map: Map<string, number>, count = top) =>
    [...map]
      .sort((x, y) => y[1] - x[1])
      .slice(0, count)
      .map(([name, ms]) => ({ name, percent: round((100 * ms) / busy) }));
  return {
    load,
    busySeconds: round(busy / 1000),
    byLayer: ranked(layers, LAYERS.length + 1),
    topSelf: ranked(self),
    byPackage: ranked(packages),
  };
}
