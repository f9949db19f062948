/**
 * The web app across a restart of the instance it talks to: an order page left open is
 * brought up to date once its live socket is back, with what changed while it was down
 * (no event of that reaches it: it was sent while nobody was listening there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, shot, signIn } from '../helpers/browser.js';
import { act, login, submittedOrder } from '../helpers/orders.js';
import {
  freePort,
  metricValue,
  startPortalProcess,
  stopPortal,
  waitHealthy,
  type PortalProcess,
} from '../helpers/portal-process.js';
import { startSharedDatabase } from '../helpers/shared-database.js';

const JWT_SECRET = 'e2e-reconnect-secret-of-at-least-32-characters';

let database: Awaited<ReturnType<typeof startSharedDatabase>>;
const running: PortalProcess[] = [];

async function instance(port: string): Promise<PortalProcess> {
  const started = startPortalProcess({ PORT: port, DATABASE_URL: database.url, JWT_SECRET });
  running.push(started);
  await waitHealthy(started);
  return started;
}

/** Sockets open on an instance, from its metrics. */
const openSockets = (portal: PortalProcess) => metricValue(portal.url, 'portal_websockets_open');

beforeAll(async () => {
  database = await startSharedDatabase();
});
afterAll(async () => {
  for (const portal of running) await stopPortal(portal);
  await database?.stop();
});

describe('an order page open across a restart', () => {
  it('shows the approval made while its instance was down once it is back', async () => {
    const port = String(await freePort());
    const first = await instance(port);
    const other = await instance(String(await freePort()));
    const rich = await login(`${first.url}/graphql`, 'rich@rs-vertical.example');
    const orderId = await submittedOrder(`${first.url}/graphql`, rich, 'Open across a restart');

    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, first.url, 'rich@rs-vertical.example');
      await page.goto(`${first.url}/orders/${encodeURIComponent(orderId)}`);
      await page.getByRole('heading', { name: /Open across a restart/ }).waitFor();
      await expect.poll(() => openSockets(first), { timeout: 10_000 }).toBe(1); // followed live
      expect(await page.getByRole('link', { name: 'Order Final Confirm' }).count()).toBe(0);

      // The page's instance goes; the vendor approves on another; the instance comes back.
      await stopPortal(first);
      const kim = await login(`${other.url}/graphql`, 'kim@vertical.example');
      await act(
        `${other.url}/graphql`,
        kim,
        'mutation($i: OrderDecisionInput!) { approveChangeOrder(input: $i) { order { id } userErrors { code } } }',
        { i: { orderId } },
      );
      const back = await instance(port);

      // graphql-ws retries with a growing random pause: a few seconds.
      await page.getByRole('link', { name: 'Order Final Confirm' }).waitFor({ timeout: 60_000 });
      expect(await openSockets(back)).toBe(1);
      await shot(page, 'reconnect-01-approved-while-away');
    } finally {
      await browser.close();
    }
  });
});
