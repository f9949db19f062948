/**
 * SPEC.md's cloud-phone scenario in Chromium, across two browser contexts: Rich edits
 * Premium IPECS ONE USER +1 and submits; Kim's dashboard shows it without a reload and she
 * approves; Rich's banner appears without a reload; OK; Final Confirm; the grid shows 12;
 * the addendum downloads. A screenshot of each step goes to e2e/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, shot, signIn } from '../helpers/browser.js';
import { act, login, submittedOrder } from '../helpers/orders.js';
import { freshPortal } from '../helpers/scenario.js';

let fresh: Awaited<ReturnType<typeof freshPortal>>;
beforeAll(async () => {
  fresh = await freshPortal();
});
afterAll(() => fresh.stop());

describe('cloud phone, in the browser', () => {
  it('Premium IPECS ONE USER 11 + 1 = 12, from Change Order to the addendum', async () => {
    const url = fresh.portal.url;
    const reseller = await openBrowser();
    const vendor = await openBrowser();
    try {
      const rich = reseller.page;
      const kim = vendor.page;
      await signIn(kim, url, 'kim@vertical.example');
      await kim.getByRole('heading', { name: 'Approval dashboard' }).waitFor();

      await signIn(rich, url, 'rich@rs-vertical.example');
      await rich.getByRole('link', { name: 'Vertical Demo' }).click();
      const premiumRow = rich.getByRole('row', { name: /Premium IPECS ONE USER/ });
      await expect(premiumRow.getByRole('cell').nth(2).textContent()).resolves.toBe('11');
      await shot(rich, 'cloud-phone-01-customer');

      await rich.getByRole('button', { name: 'Change Order' }).click();
      await rich.getByLabel('Order Title', { exact: true }).fill('One more Premium user');
      await rich.getByRole('button', { name: 'Next: Order Items' }).click();
      await rich.getByRole('button', { name: /^Increase Premium IPECS ONE USER/ }).click();
      const delta = rich.getByRole('spinbutton', {
        name: /^Order\(\+\/-\) Premium IPECS ONE USER/,
      });
      await expect(delta.inputValue()).resolves.toBe('1');
      await rich
        .getByRole('row', { name: /Premium IPECS ONE USER/ })
        .getByText('12', { exact: true })
        .waitFor();
      await rich.getByRole('status').getByText('Draft saved').waitFor();
      await shot(rich, 'cloud-phone-02-order-items');

      await rich.getByRole('button', { name: 'Next: Review' }).click();
      await rich.getByLabel('The order is governed by the MSA in effect').check();
      await rich.getByLabel('I am authorized to place this order').check();
      await shot(rich, 'cloud-phone-03-review');
      await rich.getByRole('button', { name: 'Save & Submit Order' }).click();
      await rich
        .getByRole('heading', { name: /^Order No\. \d+ submitted to Vertical for approval\.$/ })
        .waitFor();

      // Kim's dashboard shows it without a reload.
      const queued = kim.getByRole('table', { name: 'Submitted orders' }).getByRole('link').first();
      await queued.waitFor();
      const orderLabel = (await queued.textContent())!.trim();
      await shot(kim, 'cloud-phone-04-vendor-queue');
      await queued.click();
      await kim.getByLabel('Comment').fill('Approved, thanks');
      await kim.getByRole('button', { name: 'Approve' }).click();
      await kim.getByText(/is approved\./).waitFor();
      await shot(kim, 'cloud-phone-05-approved');

      // Rich's banner appears without a reload.
      const banner = rich.getByRole('region', { name: 'Alerts' });
      await banner.getByText('1 order was approved for your final confirmation').waitFor();
      await shot(rich, 'cloud-phone-06-banner');
      await banner.getByRole('link', { name: /One more Premium user/ }).click();
      await banner.getByRole('button', { name: /^OK, order/ }).click();
      await banner.waitFor({ state: 'detached' });

      await rich.getByRole('heading', { name: 'Order Final Confirm' }).waitFor();
      await rich.getByRole('button', { name: 'Final Confirm' }).click();
      const dialog = rich.getByRole('dialog');
      await shot(rich, 'cloud-phone-07-confirm-dialog');
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await rich.getByRole('heading', { name: 'New inventory' }).waitFor();
      const after = rich.getByRole('row', { name: /Premium IPECS ONE USER/ }).last();
      await expect(after.textContent()).resolves.toContain('12');
      await shot(rich, 'cloud-phone-08-confirmed');

      const addendum = rich.getByRole('link', { name: /_Change_Addendum \[\d+\]\.pdf/ });
      const [download] = await Promise.all([rich.waitForEvent('download'), addendum.click()]);
      expect(download.suggestedFilename()).toMatch(/^Vertical Demo_Change_Addendum \[\d+\]\.pdf$/);
      const file = await download.path();
      expect(file).toBeTruthy();

      // The customer page now shows 12 and keeps the documents.
      await rich.getByRole('link', { name: 'Customers' }).click();
      await rich.getByRole('link', { name: 'Vertical Demo' }).click();
      await expect(
        rich
          .getByRole('row', { name: /Premium IPECS ONE USER/ })
          .getByRole('cell')
          .nth(2)
          .textContent(),
      ).resolves.toBe('12');
      expect(orderLabel).toMatch(/\d{6}/);
      await shot(rich, 'cloud-phone-09-grid-12');
    } finally {
      await reseller.close();
      await vendor.close();
    }
  });

  it("a submitted order cancelled from its page leaves the vendor's queue", async () => {
    const url = fresh.portal.url;
    const token = await login(`${url}/graphql`, 'rich@rs-vertical.example');
    // A title of the longest kind (200 characters), mostly one word: pages wrap it, never widen.
    const title = `Withdrawn before review ${'x'.repeat(176)}`;
    const orderId = await submittedOrder(`${url}/graphql`, token, title);
    const reseller = await openBrowser();
    const vendor = await openBrowser();
    const overflow = (page: typeof vendor.page) =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    try {
      const kim = vendor.page;
      await signIn(kim, url, 'kim@vertical.example');
      const queue = kim.getByRole('table', { name: 'Submitted orders' });
      await queue.getByRole('row', { name: /Withdrawn before review/ }).waitFor();
      expect(await overflow(kim)).toBeLessThanOrEqual(0);

      const rich = reseller.page;
      await signIn(rich, url, 'rich@rs-vertical.example');
      await rich.goto(`${url}/orders/${encodeURIComponent(orderId)}`);
      await rich.getByRole('button', { name: 'Cancel order' }).waitFor();
      expect(await overflow(rich)).toBeLessThanOrEqual(0);
      await rich.getByRole('button', { name: 'Cancel order' }).click();
      const dialog = rich.getByRole('dialog', { name: /^Cancel order \d+\?$/ });
      await shot(rich, 'cloud-phone-10-cancel-dialog');
      await dialog.getByRole('button', { name: 'Cancel order' }).click();
      await rich.locator('.badge', { hasText: 'Cancelled' }).first().waitFor();
      expect(await rich.getByRole('button', { name: 'Cancel order' }).count()).toBe(0);

      // Kim's queue drops it without a reload.
      await queue
        .getByRole('row', { name: /Withdrawn before review/ })
        .waitFor({ state: 'detached' });
      await shot(kim, 'cloud-phone-11-queue-after-cancel');
    } finally {
      await reseller.close();
      await vendor.close();
    }
  });

  it('a rejected order is copied into a new draft that opens in the wizard with its items', async () => {
    const url = fresh.portal.url;
    const api = `${url}/graphql`;
    const [richToken, kimToken] = await Promise.all([
      login(api, 'rich@rs-vertical.example'),
      login(api, 'kim@vertical.example'),
    ]);
    const orderId = await submittedOrder(api, richToken, 'Rejected, then sent again');
    await act(
      api,
      kimToken,
      'mutation($i: OrderDecisionInput!) { rejectChangeOrder(input: $i) { order { id } userErrors { code } } }',
      { i: { orderId, comment: 'Not this month' } },
    );
    const reseller = await openBrowser();
    try {
      const rich = reseller.page;
      await signIn(rich, url, 'rich@rs-vertical.example');
      await rich.goto(`${url}/orders/${encodeURIComponent(orderId)}`);
      const copy = rich.getByRole('button', { name: 'Copy into a new order' });
      await copy.waitFor();
      await shot(rich, 'cloud-phone-12-rejected-order');
      await copy.click();

      // The wizard, on the copy's own address, with the rejected order's +1.
      await rich.getByRole('heading', { name: 'Order Items', level: 2 }).waitFor();
      const copyId = decodeURIComponent(new URL(rich.url()).pathname.split('/').pop()!);
      expect(copyId).not.toBe(orderId);
      const delta = rich.getByRole('spinbutton', { name: /^Order\(\+\/-\) Stand Alone VM/ });
      await expect(delta.inputValue()).resolves.toBe('1');
      await shot(rich, 'cloud-phone-13-copied-order');

      // The rejected order is as it was.
      const rejected = await act(
        api,
        richToken,
        'query($id: ID!) { changeOrder(id: $id) { status } }',
        {
          id: orderId,
        },
      );
      expect(rejected).toEqual({ status: 'REJECTED' });
    } finally {
      await reseller.close();
    }
  });
});
