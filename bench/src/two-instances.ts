import { approve, drafts, eventOf, inParallel, submit, type OrderTarget } from './api.js';
import { startPortalProcess, type PortalProcess } from './portal-process.js';
import { Subscribers } from './subscribers.js';

export interface TwoInstancesResult {
  subscribers: number;
  events: number;
  /** Subscriber × event deliveries that arrived (of subscribers × events). */
  delivered: number;
  expected: number;
  /** Arrivals whose sequence did not exceed the one before, over every subscriber. */
  outOfOrder: number;
}

/**
 * Two instances on one database: subscribers on B, transitions committed on A (submits by
 * 4 reseller clients at once, then the vendor's approvals, interleaving commits), and every
 * subscriber must get every event, once, in sequence order: the outbox relay's promise.
 */
export async function measureTwoInstances(options: {
  a: PortalProcess;
  databaseUrl: string;
  vendorToken: string;
  resellerToken: string;
  target: OrderTarget;
  subscribers: number;
  orders: number;
}): Promise<TwoInstancesResult> {
  const { a, vendorToken, resellerToken, target } = options;
  const queue = await drafts(a.graphqlUrl, resellerToken, target, options.orders, 'Bench A→B');
  const b = await startPortalProcess({ databaseUrl: options.databaseUrl });
  const subscribers = await Subscribers.open(b.wsUrl, vendorToken, options.subscribers);
  try {
    // As in the fan-out: the first event proves the subscriptions are live on B.
    const [first, ...rest] = queue;
    await submit(a.graphqlUrl, resellerToken, first!);
    const warm = await eventOf(a.graphqlUrl, resellerToken, first!, 'SUBMITTED');
    await subscribers.waitFor(warm.sequence, 30_000);

    await inParallel(rest, 4, async (orderId, i) => {
      await submit(a.graphqlUrl, resellerToken, orderId);
      if (i % 2 === 0) await approve(a.graphqlUrl, vendorToken, orderId);
    });
    const expected = [warm.sequence];
    for (const [i, orderId] of rest.entries()) {
      expected.push((await eventOf(a.graphqlUrl, resellerToken, orderId, 'SUBMITTED')).sequence);
      if (i % 2 === 0) {
        expected.push((await eventOf(a.graphqlUrl, resellerToken, orderId, 'APPROVED')).sequence);
      }
    }
    const deadline = Date.now() + 30_000;
    for (const sequence of expected) {
      await subscribers.waitFor(sequence, Math.max(0, deadline - Date.now()));
    }
    const { delivered, outOfOrder } = subscribers.delivery(expected);
    return {
      subscribers: options.subscribers,
      events: expected.length,
      delivered,
      expected: expected.length * options.subscribers,
      outOfOrder,
    };
  } finally {
    subscribers.close();
    await b.stop();
  }
}
