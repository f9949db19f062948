import { drafts, eventOf, submit, type OrderTarget } from './api.js';
import { settledMemory, socketsDownTo } from './metrics.js';
import type { PortalProcess } from './portal-process.js';
import { percentile, round, sleep } from './stats.js';
import { Subscribers } from './subscribers.js';

/** How long a subscriber may take before its copy of an event counts as lost. */
const LOST_AFTER_MS = 30_000;

export interface FanoutResult {
  subscribers: number;
  transitions: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Subscriber × transition deliveries missing after 30 s. */
  lost: number;
  /** Subscriptions that errored or were ended by the server. */
  failed: number;
  /** Server RSS growth per subscriber (sockets open and subscribed). */
  bytesPerSubscriber: number;
  heapBytesPerSubscriber: number;
  /** Seconds to open and acknowledge every socket (batches of 250). */
  openSeconds: number;
  /** Median time from the event's stamp to the submit's HTTP response (the commit is in between). */
  stampToResponseMs: number;
}

/**
 * Fan-out on one instance: `count` vendor subscribers, then `transitions` submits, one at a
 * time. Each delivery is timed from the event's own `at` (stamped by transition() inside the
 * submit's transaction, so a little before the commit: the figure is an upper bound of
 * commit-to-receipt) to the moment the subscriber's message arrived, on the same clock.
 */
export async function measureFanout(options: {
  portal: PortalProcess;
  /** The subscribers' credentials: one for all, or one per socket (distinct audiences). */
  vendorToken: string | readonly string[];
  resellerToken: string;
  target: OrderTarget;
  count: number;
  transitions: number;
  /** The subscription document (the vendor dashboard's by default). */
  query?: string;
  /** Told when the timed transitions begin (the profiler cuts the set-up off). */
  onLoadStart?: () => void;
  /** Told when the last timed transition was delivered (before the sockets close). */
  onLoadEnd?: () => void;
}): Promise<FanoutResult> {
  const { portal, vendorToken, resellerToken, target, count, transitions } = options;
  // One draft for the warm-up, one per timed transition; made before any socket opens.
  const queue = await drafts(
    portal.graphqlUrl,
    resellerToken,
    target,
    transitions + 1,
    `Bench fan-out ${count}`,
  );
  const before = await settledMemory(portal);
  const opening = performance.now();
  const subscribers = await Subscribers.open(portal.wsUrl, vendorToken, count, options.query);
  const openSeconds = (performance.now() - opening) / 1000;
  try {
    const transition = async (orderId: string) => {
      await submit(portal.graphqlUrl, resellerToken, orderId);
      const responded = Date.now();
      const event = await eventOf(portal.graphqlUrl, resellerToken, orderId, 'SUBMITTED');
      await subscribers.waitFor(event.sequence, LOST_AFTER_MS);
      return { ...event, responded };
    };
    // The warm-up proves every subscription is live (a subscribe is not acknowledged in
    // graphql-ws; the first value is the proof). Its figures are not kept.
    await transition(queue[0]!);
    options.onLoadStart?.();
    const samples: number[] = [];
    const stampToResponse: number[] = [];
    let lost = 0;
    for (const orderId of queue.slice(1)) {
      await sleep(200); // let the previous burst's garbage go; transitions do not overlap
      const event = await transition(orderId);
      const delivered = subscribers.latencies(event.sequence, event.atMs);
      samples.push(...delivered.samples);
      lost += delivered.lost;
      stampToResponse.push(event.responded - event.atMs);
    }
    options.onLoadEnd?.();
    // Memory is read only now, the sockets still open and subscribed: reading it collects
    // all garbage through the inspector (a full, memory-reducing collection), and the first
    // transitions timed right after one took up to twice the others' latency.
    const after = await settledMemory(portal);
    return {
      subscribers: count,
      transitions,
      p50Ms: round(percentile(samples, 50)),
      p99Ms: round(percentile(samples, 99)),
      maxMs: round(Math.max(...samples)),
      lost,
      failed: subscribers.failed,
      bytesPerSubscriber: Math.round((after.rssBytes - before.rssBytes) / count),
      heapBytesPerSubscriber: Math.round((after.heapUsedBytes - before.heapUsedBytes) / count),
      openSeconds: round(openSeconds),
      stampToResponseMs: round(percentile(stampToResponse, 50)),
    };
  } finally {
    subscribers.close();
    await socketsDownTo(portal.url, 0); // before the next phase measures memory
  }
}
