/**
 * The shell in a real browser: sign-in (errors inline), navigation by role, micro-frontends
 * loaded through the import map with one copy of Solid, at desktop and narrow widths.
 */
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, shot, signIn } from '../helpers/browser.js';
import {
  freePort,
  startPortalProcess,
  tempDataDir,
  waitHealthy,
  type PortalProcess,
} from '../helpers/portal-process.js';

let portal: PortalProcess;
let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
  portal = startPortalProcess({ PORT: String(await freePort()), DATA_DIR: dataDir });
  await waitHealthy(portal);
});
afterAll(async () => {
  portal.child.kill('SIGTERM');
  await portal.exited;
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the shell', () => {
  it('shows a refused sign-in inline, then signs in and lands on Customers', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await page.goto(portal.url);
      await page.getByLabel('Email').fill('rich@rs-vertical.example');
      await page.getByLabel('Password').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('wrong');
      await shot(page, 'shell-01-sign-in-refused');

      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Customers' })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/customers');
      await page.getByRole('link', { name: 'Order Management' }).waitFor();
      // No SMTP server here: mail is kept, and the mailbox shows it.
      await page.getByRole('link', { name: 'Mailbox' }).click();
      await page.getByRole('heading', { name: 'Mailbox' }).waitFor();
      await page.getByText('No e-mail yet.').waitFor();
      await page.getByRole('link', { name: 'Customers' }).click();
      await shot(page, 'shell-02-customers');

      // Signed out from a customer page, the next person starts at their own home.
      await page.getByRole('link', { name: 'Vertical Demo' }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('Email').fill('kim@vertical.example');
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Approval dashboard' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/vendor');
    } finally {
      await browser.close();
    }
  });

  it('loads Solid once, shared by the shell and the micro-frontends through the import map', async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      const scripts: Promise<{ url: string; body: string }>[] = [];
      page.on('response', (response) => {
        if (response.url().endsWith('.js'))
          scripts.push(response.text().then((body) => ({ url: response.url(), body })));
      });
      const customersLoaded = page.waitForResponse((response) =>
        response.url().endsWith('/mfe/customers/customers.js'),
      );
      await signIn(page, portal.url, 'rich@rs-vertical.example');
      await customersLoaded;
      const ordersLoaded = page.waitForResponse((response) =>
        response.url().endsWith('/mfe/orders/orders.js'),
      );
      await page.getByRole('link', { name: 'Order Management' }).click();
      await ordersLoaded;
      const loaded = await Promise.all(scripts);
      // One module URL is one module instance, however often it is fetched.
      const withSolid = [
        ...new Set(
          loaded
            .filter((script) => script.body.includes('solid-proxy'))
            .map((script) => new URL(script.url).pathname),
        ),
      ];
      expect(withSolid).toHaveLength(1);
      expect(withSolid[0]).toMatch(/^\/lib\//);
      expect(loaded.map((script) => new URL(script.url).pathname)).toEqual(
        expect.arrayContaining(['/mfe/customers/customers.js', '/mfe/orders/orders.js']),
      );
      const importMap = await page.evaluate(
        () => document.querySelector('script[type="importmap"]')?.textContent ?? '',
      );
      expect(JSON.parse(importMap).imports['solid-js']).toBe('/lib/solid-js.js');
    } finally {
      await browser.close();
    }
  });

  it('shows the vendor its approval dashboard, and fits a narrow screen', async () => {
    const browser = await openBrowser({ width: 390, height: 844 });
    try {
      const { page } = browser;
      await signIn(page, portal.url, 'kim@vertical.example');
      expect(new URL(page.url()).pathname).toBe('/vendor');
      await page.getByRole('link', { name: 'Approval dashboard' }).waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, 'shell-03-vendor-narrow');

      // The vendor's screens are app routes like any other: a reload keeps them.
      await page.reload();
      await page.getByRole('heading', { name: 'Approval dashboard' }).waitFor();
      for (const route of ['/vendor', '/vendor/orders/unknown-order']) {
        const response = await fetch(`${portal.url}${route}`, {
          headers: { accept: 'text/html' },
          redirect: 'manual',
        });
        expect(response.status, route).toBe(200);
        expect(await response.text(), route).toContain('type="importmap"');
      }
    } finally {
      await browser.close();
    }
  });
});
