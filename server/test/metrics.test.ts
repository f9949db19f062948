/** Operations can watch the portal: Prometheus metrics at GET /metrics. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, USERS } from './helpers/api.js';
import { APPROVE } from './helpers/documents.js';
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
});
