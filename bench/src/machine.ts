import { execFileSync } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import { repoRoot } from './portal-process.js';

export interface Machine {
  /** One line: CPU, cores, memory, Node, PostgreSQL. */
  description: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  os: string;
  /** 1-minute load average when the run began and ended: others' work skews the figures. */
  loadAverageStart: number;
  loadAverageEnd?: number;
  commit: string;
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot });
    const dirty = execFileSync('git', ['status', '--porcelain', 'server'], { cwd: repoRoot });
    return `${head.toString().trim()}${dirty.length > 0 ? ' (server has local changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

export async function describeMachine(postgresUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  await client.end();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const cores = os.availableParallelism();
  const memoryGiB = Math.round(os.totalmem() / 2 ** 30);
  const postgres = `PostgreSQL ${rows[0]?.server_version ?? '?'} (embedded, fsync off)`;
  return {
    description: `${cpu}, ${cores} cores, ${memoryGiB} GiB, Node ${process.version}, ${postgres}, ${os.type()} ${os.release()}`,
    cpu,
    cores,
    memoryGiB,
    node: process.version,
    postgres,
    os: `${os.type()} ${os.release()}`,
    loadAverageStart: Math.round(os.loadavg()[0]! * 100) / 100,
    commit: commit(),
  };
}
