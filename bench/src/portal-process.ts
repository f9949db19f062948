import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './stats.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverEntry = path.join(repoRoot, 'server/dist/main.js');

/** The fixed secret every bench instance shares, so a token from one works on another. */
export const JWT_SECRET = 'bench-jwt-secret-of-at-least-32-characters';

/** A built server (`server/dist/main.js`) running as a child process, as in production. */
export interface PortalProcess {
  child: ChildProcess;
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  /** The DevTools endpoint when started with `inspect` (for a forced GC before memory reads). */
  inspectorUrl?: string;
  /** What it printed (stdout and stderr), for a failure message. */
  output(): string;
  /** SIGTERM, then waits for the exit (a `--cpu-prof` profile is written on that exit). */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  databaseUrl: string;
  /** Node flags before the entry, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** Listen for DevTools on a free local port (only attached to for a moment, to collect garbage). */
  inspect?: boolean;
}

/**
 * Starts an instance and resolves once it is ready (migrated, seeded, relay up).
 * Production settings: the throttle's per-client rate is off (the bench is one client
 * hammering on purpose) and logs are quiet (one JSON line per request would be measured).
 */
export async function startPortalProcess(options: StartOptions): Promise<PortalProcess> {
  const port = await freePort();
  const nodeArgs = [
    ...(options.nodeArgs ?? []),
    ...(options.inspect ? ['--inspect=127.0.0.1:0'] : []),
  ];
  const child = spawn(process.execPath, [...nodeArgs, serverEntry], {
    cwd: path.join(repoRoot, 'server'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      JWT_SECRET,
      SEED: 'demo',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_RPS: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  child.stdout.on('data', (chunk: Buffer) => (output = tail(output + chunk.toString('utf8'))));
  child.stderr.on('data', (chunk: Buffer) => (output = tail(output + chunk.toString('utf8'))));
  const url = `http://127.0.0.1:${port}`;
  // At LOG_LEVEL=warn the "ready" line is not printed: /healthz turns 200 at the same moment.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${String(await exited)}) before ready:\n${output}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 90 s:\n${output}`);
    }
    const status = await fetch(`${url}/healthz`).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    if (status === 200) break;
    await sleep(100);
  }
  const inspectorUrl = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
  return {
    child,
    url,
    ...(inspectorUrl ? { inspectorUrl } : {}),
    graphqlUrl: `${url}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Keeps the last 100 kB of output: enough for a failure message, bounded over a long run. */
function tail(text: string): string {
  return text.length > 100_000 ? text.slice(-100_000) : text;
}
