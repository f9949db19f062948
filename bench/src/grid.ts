import { cpuMeter } from './cpu.js';
import { LICENSE_GRID } from './api.js';
import { load, type LoadResult } from './http-load.js';

export interface GridLoad {
  graphqlUrl: string;
  token: string;
  customerId: string;
  connections: number;
  seconds: number;
  /** The server's process, to count its CPU per request. */
  serverPid?: number;
}

export type MeasuredLoad = LoadResult & { serverCpuMsPerRequest: number };

/**
 * The licence grid (the change-order screen's first read) under `connections` concurrent
 * clients, through the real HTTP server: authentication, GraphQL validation and complexity
 * checks, the customer's facts (catalogue, agreements, inventory) and the JSON answer.
 */
export function measureGrid(options: GridLoad): Promise<MeasuredLoad> {
  return measure(options, {
    body: { query: LICENSE_GRID, variables: { id: options.customerId } },
    accept: (body) => body.startsWith('{"data":{"customer":{') && !body.includes('"errors"'),
  });
}

/**
 * `{ __typename }` through the same portal, with the grid's token and connections: what
 * every request pays before any resolver runs (HTTP, Express, request logging, the
 * throttle, authentication, Apollo's pipeline, the pre-run checks, metrics). No grid
 * implementation answers faster than this, so it says how far the grid's own work is from
 * the grid's target, and whether the target is within the portal's reach at all.
 */
export function measurePortalHello(options: Omit<GridLoad, 'customerId'>): Promise<MeasuredLoad> {
  return measure(options, {
    body: { query: '{ __typename }' },
    accept: (body) => body === '{"data":{"__typename":"Query"}}\n',
  });
}

async function measure(
  options: Omit<GridLoad, 'customerId'>,
  request: { body: object; accept: (body: string) => boolean },
): Promise<MeasuredLoad> {
  const cpu = cpuMeter(options.serverPid);
  const result = await load({
    url: options.graphqlUrl,
    connections: options.connections,
    duration: options.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify(request.body),
    accept: request.accept,
  });
  return { ...result, serverCpuMsPerRequest: cpu.perRequest(result.requests) };
}
