/**
 * The server process as a user runs it: start on an embedded PostgreSQL, answer, stop
 * on SIGTERM leaving nothing behind, start again on the same data, and refuse to start
 * with one clear line when a setting is wrong.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  postgresRunning,
  repoRoot,
  startPortalProcess,
  tempDataDir,
  waitHealthy,
} from '../helpers/portal-process.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** The customers Rich (demo reseller admin) sees, through the API as a user would. */
async function demoCustomers(url: string): Promise<string[]> {
  const post = async (query: string, token?: string) =>
    (await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query }),
      })
    ).json()) as { data: any };
  const login = await post(
    'mutation { login(email: "rich@rs-vertical.example", password: "demo") { token } }',
  );
  const customers = await post(
    '{ customers { totalCount edges { node { name } } } }',
    login.data.login.token,
  );
  return customers.data.customers.edges.map((edge: { node: { name: string } }) => edge.node.name);
}

async function typename(url: string): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return response.json();
}

describe('the portal process on an embedded PostgreSQL', () => {
  it('starts, serves, stops on SIGTERM with exit 0 and no postgres left, and restarts on its data', async () => {
    const port = String(await freePort());
    const first = startPortalProcess({ PORT: port, DATA_DIR: dataDir });
    await waitHealthy(first);
    expect(first.output()).toContain('initialising embedded PostgreSQL');
    expect(first.output()).toContain('demo data loaded');
    expect(await typename(first.url)).toEqual({ data: { __typename: 'Query' } });
    expect(await demoCustomers(first.url)).toEqual(['Acme Mail', 'Vertical Demo']);
    expect(postgresRunning(dataDir)).toBe(true);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(postgresRunning(dataDir)).toBe(false);

    const second = startPortalProcess({ PORT: port, DATA_DIR: dataDir });
    await waitHealthy(second);
    expect(second.output()).not.toContain('initialising embedded PostgreSQL');
    expect(second.output()).not.toContain('demo data loaded');
    expect(await typename(second.url)).toEqual({ data: { __typename: 'Query' } });
    expect(await demoCustomers(second.url)).toEqual(['Acme Mail', 'Vertical Demo']); // not seeded twice

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(postgresRunning(dataDir)).toBe(false);
  });

  it('takes over after a SIGKILL left its PostgreSQL running', async () => {
    const port = String(await freePort());
    const killed = startPortalProcess({ PORT: port, DATA_DIR: dataDir });
    await waitHealthy(killed);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(postgresRunning(dataDir)).toBe(true); // the orphan

    const next = startPortalProcess({ PORT: port, DATA_DIR: dataDir });
    await waitHealthy(next);
    expect(next.output()).toContain('left running by an earlier server process');
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expect(postgresRunning(dataDir)).toBe(false);
  });
});

describe('a start that cannot succeed says why in one line and exits non-zero', () => {
  async function failedStart(env: Record<string, string>, nodeOptions: string[] = []) {
    const portal = startPortalProcess({ DATA_DIR: dataDir, ...env }, nodeOptions);
    const code = await portal.exited;
    // The reason goes to stderr, alone; stdout carries the (JSON) log, in its own order.
    const lines = portal.errorOutput().trim().split('\n');
    return { code, lastLine: lines.at(-1) ?? '', lines };
  }

  it('a Node older than 22.12, before loading anything of the portal', async () => {
    // On an older Node, MikroORM or the native argon2 would fail obscurely as they load
    // (Node 20 on Linux x64 ends in a segmentation fault): the check has to come first.
    const loadedFile = path.join(dataDir, 'loaded-modules.json');
    const preload = pathToFileURL(path.join(repoRoot, 'e2e/helpers/as-old-node.mjs')).href;
    const { code, lines } = await failedStart(
      { OLD_NODE_VERSION: '20.19.0', LOADED_MODULES_FILE: loadedFile },
      ['--import', preload],
    );
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^Node 20\.19\.0 is too old: the portal needs Node 22\.12 or newer\. /),
    ]);
    const loaded = (JSON.parse(await fs.readFile(loadedFile, 'utf8')) as string[])
      .filter((url) => url.startsWith('file:'))
      .map((url) => path.relative(repoRoot, fileURLToPath(url)));
    expect(loaded).toEqual(['server/dist/main.js', 'server/dist/app/node-version.js']);
  });

  it('a PORT that is not a port', async () => {
    const { code, lines } = await failedStart({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Invalid configuration: PORT .*"eighty"/)]);
  });

  it('a PORT already in use', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const { code, lines } = await failedStart({ PORT: String(port) });
      expect(code).toBe(1);
      expect(lines).toEqual([`PORT ${port} on 0.0.0.0 is already in use`]);
    } finally {
      blocker.close();
    }
  });

  it('an unreachable DATABASE_URL', async () => {
    const { code, lastLine, lines } = await failedStart({
      PORT: String(await freePort()),
      DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/portal',
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lastLine).toMatch(
      /^DATABASE_URL: cannot connect to 127\.0\.0\.1:1\/portal \(ECONNREFUSED\)$/,
    );
    expect(lastLine).not.toContain('secret');
  });
});
