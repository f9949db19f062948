import autocannon from 'autocannon';
import { round } from './stats.js';

/**
 * One load tool for every HTTP figure (ceilings and domain load alike), so the ratios
 * compare the servers, not the clients. autocannon keeps `connections` requests in
 * flight (one per connection, no pipelining) and records each response's latency.
 */
export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is given. */
  duration?: number;
  /** Total requests, then stop (each submit needs a draft of its own). */
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Changes each request before it is sent (a fresh draft per submit). */
  setupRequest?: autocannon.Request['setupRequest'];
  /** Whether a 2xx body is a success (GraphQL errors come with 200). */
  accept?: (body: string) => boolean;
}

export interface LoadResult {
  /** Successful (2xx and accepted) responses a second over the whole run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx, connection errors, timeouts and rejected bodies. */
  failed: number;
  seconds: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  let rejected = 0;
  const accept = options.accept;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    ...(options.amount !== undefined ? { amount: options.amount } : {}),
    duration: options.duration ?? 10,
    timeout: 30,
    requests: [
      {
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        ...(options.body !== undefined ? { body: options.body } : {}),
        ...(options.setupRequest ? { setupRequest: options.setupRequest } : {}),
        ...(accept
          ? {
              onResponse: (status: number, body: string) => {
                if (status >= 200 && status < 300 && !accept(body)) rejected++;
              },
            }
          : {}),
      },
    ],
  });
  const ok = result['2xx'] - rejected;
  return {
    rps: round(ok / result.duration),
    p50Ms: round(result.latency.p50),
    p99Ms: round(result.latency.p99),
    requests: result['2xx'] + result.non2xx,
    failed: result.non2xx + result.errors + rejected,
    seconds: round(result.duration),
  };
}
