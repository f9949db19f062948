import { cpuMeter } from './cpu.js';
import { LICENSE_GRID } from './api.js';
import { load, type LoadResult } from './http-load.js';

/**
 * The licence grid (the change-order screen's first read) under `connections` concurrent
 * clients, through the real HTTP server: authentication, GraphQL validation and complexity
 * checks, the customer's facts (catalogue, agreements, inventory) and the JSON answer.
 */
export async function measureGrid(options: {
  graphqlUrl: string;
  token: string;
  customerId: string;
  connections: number;
  seconds: number;
  /** The server's process, to count its CPU per request. */
  serverPid?: number;
}): Promise<LoadResult & { serverCpuMsPerRequest: number }> {
  const cpu = cpuMeter(options.serverPid);
  const result = await load({
    url: options.graphqlUrl,
    connections: options.connections,
    duration: options.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query: LICENSE_GRID, variables: { id: options.customerId } }),
    accept: (body) => body.startsWith('{"data":{"customer":{') && !body.includes('"errors"'),
  });
  return { ...result, serverCpuMsPerRequest: cpu.perRequest(result.requests) };
}
