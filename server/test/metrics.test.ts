/** Operations can watch the portal: Prometheus metrics at GET /metrics. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Api, USERS } from './helpers/api.js';
import { APPROVE } from './helpers/documents.js';
import { connected, liveClient, Received } from './helpers/live.js';
import { submittedOrder } from './helpers/orders.js';
import { createTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

async function scrape(): Promise<string> {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

describe('GET /metrics', () => {
  it('counts and times GraphQL operations by name, and shows the mail queue, outbox lag, sockets and pool', async () => {
    const rich = await Api.as(server, USERS.rich);
    const kim = await Api.as(server, USERS.kim);
    const order = await submittedOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    await kim.mutate(APPROVE, { orderId: order.id });
    await server.portal.relay()!.poke();

    const text = await scrape();
    expect(text).toMatch(
      /portal_graphql_operations_total\{operation="Submit",type="mutation",outcome="ok"\} 1/,
    );
    expect(text).toMatch(
      /portal_graphql_operation_seconds_count\{operation="Approve",type="mutation"\} 1/,
    );
    expect(text).toMatch(/portal_mail_queue\{status="PENDING"\} 1/);
    expect(text).toMatch(/portal_outbox_lag_events 0/);
    expect(text).toMatch(/portal_websockets_open 0/);
    expect(text).toMatch(/portal_db_pool_connections\{state="total"\} \d+/);
  });

  it('shows the sockets open and the subscriptions they hold, as they come and go', async () => {
    const rich = await Api.as(server, USERS.rich);
    /** Waits for the gauges to read `sockets` and `subscriptions` (a socket's messages are handled as they arrive). */
    const gauges = (sockets: number, subscriptions: number) =>
      vi.waitFor(
        async () => {
          const text = await scrape();
          expect(text).toMatch(new RegExp(`^portal_websockets_open ${sockets}$`, 'm'));
          expect(text).toMatch(new RegExp(`^portal_subscriptions_open ${subscriptions}$`, 'm'));
        },
        { timeout: 5_000, interval: 20 },
      );
    const client = liveClient(server.wsUrl, rich.token);
    try {
      const events = new Received(client, 'subscription { orderEvents { sequence } }');
      new Received(client, 'subscription { alertRaised { id } }');
      await connected(client);
      await gauges(1, 2);

      events.stop();
      await gauges(1, 1);
    } finally {
      await client.dispose();
    }
    await gauges(0, 0);
  });
});
