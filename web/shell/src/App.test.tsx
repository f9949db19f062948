/**
 * The app's frame as each kind of organisation sees it: its main navigation. The server
 * (fetch) answers sign-in and the frame's own queries; the micro-frontends are not loaded.
 */
import { cleanup, render, screen, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { navigate } from './router';
import { signIn, signOut } from './session';

/** A signed-in person of an organisation of this kind, from the server's point of view. */
function serverFor(kind: 'VENDOR' | 'RESELLER') {
  const answers: Record<string, unknown> = {
    Login: {
      login: {
        token: 'token',
        viewer: {
          role: kind === 'VENDOR' ? 'VENDOR_APPROVER' : 'RESELLER_ADMIN',
          user: { name: 'Someone', email: 'someone@example.test' },
          organization: { id: 'o1', name: kind === 'VENDOR' ? 'Vertical' : 'RS-Vertical', kind },
        },
        userErrors: [],
      },
    },
    MailDelivery: { mailDelivery: 'SMTP' },
    PendingAlerts: { pendingAlerts: [] },
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { operationName } = JSON.parse(init.body as string) as { operationName: string };
      return new Response(JSON.stringify({ data: answers[operationName] ?? null }), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}

const mainLinks = async () => {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);
};

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined); // jsdom has no layout
  // The live socket is not under test: nothing to connect to.
  vi.stubGlobal(
    'WebSocket',
    class {
      close() {}
    },
  );
  navigate('/', true);
});
afterEach(() => {
  cleanup();
  signOut();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the main navigation', () => {
  it('gives a vendor its customers and Order Management beside the approval dashboard', async () => {
    serverFor('VENDOR');
    await signIn('kim@vertical.example', 'demo');
    render(() => <App />);
    expect(await mainLinks()).toEqual([
      ['Approval dashboard', '/vendor'],
      ['Customers', '/customers'],
      ['Order Management', '/orders'],
    ]);
  });

  it('gives a reseller Customers and Order Management', async () => {
    serverFor('RESELLER');
    await signIn('rich@rs-vertical.example', 'demo');
    render(() => <App />);
    expect(await mainLinks()).toEqual([
      ['Customers', '/customers'],
      ['Order Management', '/orders'],
    ]);
  });

  it('names the page in the tab, and starts focus at the new page after a move', async () => {
    serverFor('RESELLER');
    await signIn('rich@rs-vertical.example', 'demo');
    render(() => <App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(document.title).toBe('Customers · Change-order portal');
    const link = within(nav).getByRole('link', { name: 'Order Management' });
    link.focus();
    link.click();
    expect(document.title).toBe('Order Management · Change-order portal');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });
});
