/**
 * SPEC.md's email-security scenario in Chromium: an upgrade combined with a seat downgrade
 * shows the error; fixed (and an enabled add-on added; the one not enabled is not offered);
 * submitted with the implementation lead and both tick boxes, which says to whom; approved by
 * Mimecast; confirmed, and the seats moved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, shot, signIn } from '../helpers/browser.js';
import { freshPortal } from '../helpers/scenario.js';

let fresh: Awaited<ReturnType<typeof freshPortal>>;
beforeAll(async () => {
  fresh = await freshPortal();
});
afterAll(() => fresh.stop());

describe('email security, in the browser', () => {
  it('Essentials → Advanced with Archive: the downgrade error, fixed, submitted, approved, confirmed', async () => {
    const url = fresh.portal.url;
    const reseller = await openBrowser();
    const vendor = await openBrowser();
    try {
      const rich = reseller.page;
      await signIn(rich, url, 'rich@rs-vertical.example');
      await rich.getByRole('link', { name: 'Acme Mail' }).click();
      await rich.getByRole('button', { name: 'Change Order' }).click();
      await rich.getByLabel('Order Title', { exact: true }).fill('Upgrade to Advanced');
      await rich.getByRole('button', { name: 'Next: Order Items' }).click();

      // Select New, with 5 seats fewer: refused.
      await rich.getByRole('radio', { name: 'Select New' }).check();
      await rich
        .getByLabel('Replace', { exact: true })
        .selectOption({ label: 'Email Security Essentials' });
      await rich.getByLabel('Upgrade to').selectOption({ label: 'Email Security Advanced' });
      const essentials = rich.getByRole('spinbutton', {
        name: /^Order\(\+\/-\) Email Security Essentials/,
      });
      await essentials.fill('-5');
      const essentialsRow = rich.getByRole('row', { name: /Email Security Essentials/ });
      await essentialsRow.getByText(/cannot be combined with seat downgrades/).waitFor();
      await shot(rich, 'email-security-01-downgrade-refused');

      // Fixed: no downgrade; 50 Archive seats (an add-on the agreement enables).
      await essentials.fill('0');
      await essentialsRow
        .getByText(/cannot be combined with seat downgrades/)
        .waitFor({ state: 'detached' });
      await rich.getByRole('spinbutton', { name: /^Order\(\+\/-\) Archive/ }).fill('50');
      // Awareness Training, which the agreement does not enable, is not offered.
      const awarenessRow = rich.getByRole('row', { name: /Awareness Training/ });
      await awarenessRow.getByText('Not in your agreement with this vendor.').waitFor();
      expect(await awarenessRow.getByRole('button', { name: /^Increase/ }).isDisabled()).toBe(true);
      await rich.getByRole('status').getByText('Draft saved').waitFor();
      await shot(rich, 'email-security-02-fixed');

      await rich.getByRole('button', { name: 'Next: Review' }).click();
      await rich
        .getByLabel('Primary Implementation Lead')
        .selectOption({ label: 'Dana Lead <lead@acme-mail.example>' });
      await rich.getByLabel('The order is governed by the MSA in effect').check();
      await rich.getByLabel('I am authorized to place this order').check();
      await shot(rich, 'email-security-03-review');
      await rich.getByRole('button', { name: 'Save & Submit Order' }).click();
      await rich
        .getByRole('heading', { name: /^Order No\. \d+ submitted to Mimecast for approval\.$/ })
        .waitFor();

      const morgan = vendor.page;
      await signIn(morgan, url, 'approver@mimecast.example');
      await morgan
        .getByRole('table', { name: 'Submitted orders' })
        .getByRole('link')
        .first()
        .click();
      await morgan.getByRole('button', { name: 'Approve' }).click();
      await morgan.getByText(/is approved\./).waitFor();
      await shot(morgan, 'email-security-04-approved');

      const banner = rich.getByRole('region', { name: 'Alerts' });
      await banner.getByRole('link', { name: /Upgrade to Advanced/ }).click();
      await rich.getByRole('button', { name: 'Final Confirm' }).click();
      await rich.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await rich.getByRole('heading', { name: 'New inventory' }).waitFor();
      const newInventory = rich.getByRole('table', { name: 'New inventory' });
      /** The row whose Item Name is `name` (another row may name it: "moved from …"). */
      const inventoryRow = (name: string) =>
        newInventory
          .getByRole('row')
          .filter({ has: rich.getByRole('cell', { name, exact: true }) });
      // The heading shows at once; the table once the inventory has been read.
      await inventoryRow('Email Security Essentials').waitFor();
      const cellsOf = async (name: string) =>
        (await inventoryRow(name).getByRole('cell').allTextContents()).map((text) => text.trim());
      expect(await cellsOf('Email Security Essentials')).toEqual([
        'Email Security',
        'Email Security Essentials',
        'Acme Mail',
        '0',
        'moved to Email Security Advanced',
      ]);
      expect(await cellsOf('Email Security Advanced')).toEqual([
        'Email Security',
        'Email Security Advanced',
        'Acme Mail',
        '50',
        'moved from Email Security Essentials',
      ]);
      expect((await cellsOf('Archive')).slice(3)).toEqual(['50', '+50']);
      await shot(rich, 'email-security-05-confirmed');
    } finally {
      await reseller.close();
      await vendor.close();
    }
  });
});
