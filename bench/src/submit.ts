import { drafts, SUBMIT, submitVariables, type OrderTarget } from './api.js';
import { cpuMeter } from './cpu.js';
import { load, type LoadResult } from './http-load.js';
import { analyze } from './postgres.js';

/**
 * `submitChangeOrder` under `clients` concurrent clients, each request on a draft of its
 * own: the drafts are made first (two mutations each, not timed), then autocannon sends
 * one submit per draft, `clients` in flight at all times. A submit locks its order's row,
 * checks the rules, stamps the transition and records the event under the event-order
 * lock, so this is the portal's hottest write path.
 */
export async function measureSubmit(options: {
  graphqlUrl: string;
  token: string;
  target: OrderTarget;
  clients: number;
  perClient: number;
  /** Told when the timed part begins (the profiler cuts the drafts off). */
  onLoadStart?: () => void;
  /** The server's process, to count its CPU per submit. */
  serverPid?: number;
  /** The server's database, analysed once the drafts are made (as pgbench -i does). */
  databaseUrl?: string;
}): Promise<LoadResult & { drafts: number; serverCpuMsPerRequest: number }> {
  const { graphqlUrl, token, target, clients, perClient } = options;
  const amount = clients * perClient;
  const queue = await drafts(graphqlUrl, token, target, amount, 'Bench submit');
  if (options.databaseUrl) await analyze(options.databaseUrl);
  options.onLoadStart?.();
  const cpu = cpuMeter(options.serverPid);
  let next = 0;
  const result = await load({
    url: graphqlUrl,
    connections: clients,
    amount,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SUBMIT, variables: submitVariables(queue[0]!) }),
    // Called once per request: each takes the next unused draft.
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({
        query: SUBMIT,
        variables: submitVariables(queue[Math.min(next++, queue.length - 1)]!),
      }),
    }),
    accept: (body) => body.includes('"status":"SUBMITTED"') && body.includes('"userErrors":[]'),
  });
  return {
    ...result,
    drafts: queue.length,
    serverCpuMsPerRequest: cpu.perRequest(result.requests),
  };
}
