import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverEntry = path.join(repoRoot, 'server/dist/main.js');

/** A server process started as `pnpm start` would, with its output captured. */
export interface PortalProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** What it printed on stderr alone. */
  errorOutput(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Resolves once a line containing `text` was printed. */
  printed(text: string | RegExp): Promise<void>;
}

export async function tempDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-e2e-'));
  await fs.chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach it
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The built server as a child process, with this environment and these options for Node. */
export function startPortalProcess(
  env: Record<string, string>,
  nodeOptions: string[] = [],
): PortalProcess {
  const child = spawn(process.execPath, [...nodeOptions, serverEntry], {
    cwd: path.join(repoRoot, 'server'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { text: string | RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      const found =
        typeof waiter.text === 'string' ? output.includes(waiter.text) : waiter.text.test(output);
      if (found) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  let errorOutput = '';
  child.stdout.on('data', onData);
  child.stderr.on('data', (chunk: Buffer) => {
    errorOutput += chunk.toString('utf8');
    onData(chunk);
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return {
    child,
    url: `http://127.0.0.1:${env.PORT ?? 4000}`,
    output: () => output,
    errorOutput: () => errorOutput,
    exited,
    printed(text) {
      return new Promise((resolve, reject) => {
        waiters.push({ text, resolve });
        onData(Buffer.alloc(0));
        void exited.then((code) =>
          reject(new Error(`exited (${code}) before printing ${text}:\n${output}`)),
        );
      });
    },
  };
}

/** Stops a portal with SIGTERM, unless it has ended already, and waits for it to exit. */
export async function stopPortal(portal: PortalProcess): Promise<void> {
  if (portal.child.exitCode === null && portal.child.signalCode === null)
    portal.child.kill('SIGTERM');
  await portal.exited;
}

/** The value of one unlabelled metric at GET /metrics (0 when it is not there). */
export async function metricValue(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return Number(line?.slice(name.length + 1) ?? 0);
}

/** Polls GET /healthz until it is 200 (the server logs "ready" at the same moment). */
export async function waitHealthy(portal: PortalProcess): Promise<void> {
  await portal.printed('"msg":"ready"');
  const response = await fetch(`${portal.url}/healthz`);
  if (response.status !== 200) throw new Error(`healthz ${response.status} after ready`);
}

/** Whether a PostgreSQL still runs on the data dir (its postmaster.pid names a live process). */
export function postgresRunning(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'postgres/postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
