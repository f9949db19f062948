import { collectGarbage } from './inspector.js';
import { sleep } from './stats.js';

/** The server's own memory figures, from its Prometheus endpoint (prom-client defaults). */
export interface Memory {
  rssBytes: number;
  heapUsedBytes: number;
}

function gauge(text: string, name: string): number {
  const line = text.split('\n').find((row) => row.startsWith(`${name} `));
  if (!line) throw new Error(`/metrics has no ${name}`);
  return Number(line.split(' ')[1]);
}

const scrape = async (baseUrl: string) => (await fetch(`${baseUrl}/metrics`)).text();

export async function memory(baseUrl: string): Promise<Memory> {
  const text = await scrape(baseUrl);
  return {
    rssBytes: gauge(text, 'process_resident_memory_bytes'),
    heapUsedBytes: gauge(text, 'nodejs_heap_size_used_bytes'),
  };
}

/**
 * Memory as held: after a full collection when the server listens for DevTools; otherwise
 * the least of a few samples, the one nearest a collection.
 */
export async function settledMemory(portal: {
  url: string;
  inspectorUrl?: string;
}): Promise<Memory> {
  if (portal.inspectorUrl) {
    await collectGarbage(portal.inspectorUrl);
    return memory(portal.url);
  }
  const samples: Memory[] = [];
  for (let i = 0; i < 4; i++) {
    if (i > 0) await sleep(250);
    samples.push(await memory(portal.url));
  }
  return {
    rssBytes: Math.min(...samples.map((sample) => sample.rssBytes)),
    heapUsedBytes: Math.min(...samples.map((sample) => sample.heapUsedBytes)),
  };
}

/** Waits (up to `timeoutMs`) until the server holds at most `count` WebSockets. */
export async function socketsDownTo(baseUrl: string, count: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (gauge(await scrape(baseUrl), 'portal_websockets_open') > count) {
    if (Date.now() > deadline)
      throw new Error(`the server still holds WebSockets after ${timeoutMs} ms`);
    await sleep(100);
  }
}
