/**
 * The shell's router keeps the whole route, path and query string, so that a screen's state
 * kept in the query string (Order Management's page and filter) survives reload, back and
 * forward, and links that carry one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { microFrontendOf, navigate, pageTitleOf, path, search } from './router';

/** A click on a link, as the user makes it: whether the router left it to the browser. */
function clickLink(href: string): { leftToBrowser: boolean } {
  const link = document.createElement('a');
  link.href = href;
  document.body.append(link);
  let leftToBrowser = false;
  // After the router's own listener (added when it loaded): sees what it decided, then keeps
  // jsdom, which cannot load another page, from trying.
  const settle = (event: Event) => {
    leftToBrowser = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener('click', settle);
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
  document.removeEventListener('click', settle);
  link.remove();
  return { leftToBrowser };
}

/** The browser's back button: history moves, then popstate tells the page. */
async function back(): Promise<void> {
  const moved = new Promise((resolve) =>
    window.addEventListener('popstate', resolve, { once: true }),
  );
  window.history.back();
  await moved;
}

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined); // jsdom has no layout
  navigate('/', true);
});
afterEach(() => vi.restoreAllMocks());

describe('the router', () => {
  it('navigates to a path with a query string and tells both apart', () => {
    navigate('/orders?status=APPROVED&after=c1');
    expect(path()).toBe('/orders');
    expect(search()).toBe('?status=APPROVED&after=c1');
    expect(window.location.pathname + window.location.search).toBe(
      '/orders?status=APPROVED&after=c1',
    );

    navigate('/customers');
    expect(path()).toBe('/customers');
    expect(search()).toBe('');
  });

  it('keeps the query string of an in-app link it follows in place', () => {
    expect(clickLink('/orders?status=REJECTED').leftToBrowser).toBe(false);
    expect(path()).toBe('/orders');
    expect(search()).toBe('?status=REJECTED');
  });

  it('leaves download links to the browser', () => {
    navigate('/orders/o1');
    expect(clickLink('/files/a1?exp=1&sig=abc').leftToBrowser).toBe(true);
    expect(path()).toBe('/orders/o1');
  });

  it('brings the query string back with the back button', async () => {
    navigate('/orders?status=APPROVED');
    navigate('/orders?status=APPROVED&after=c1');
    await back();
    expect(path()).toBe('/orders');
    expect(search()).toBe('?status=APPROVED');
  });

  it('still routes by path alone', () => {
    expect(microFrontendOf('/orders')).toBe('orders');
    expect(microFrontendOf('/customers/c1')).toBe('customers');
    expect(microFrontendOf('/customers/c1/change-order')).toBe('change-order');
    expect(microFrontendOf('/vendor/orders/o1')).toBe('vendor');
    expect(microFrontendOf('/nowhere')).toBeNull();
  });
});

describe('pageTitleOf', () => {
  it('names each page for the browser tab', () => {
    expect(pageTitleOf('/customers')).toBe('Customers · Change-order portal');
    expect(pageTitleOf('/customers/c1')).toBe('Customer · Change-order portal');
    expect(pageTitleOf('/customers/c1/change-order')).toBe('Change Order · Change-order portal');
    expect(pageTitleOf('/orders/o1/confirm')).toBe('Order Final Confirm · Change-order portal');
    expect(pageTitleOf('/vendor')).toBe('Approval dashboard · Change-order portal');
    expect(pageTitleOf('/nowhere')).toBe('Change-order portal');
  });
});
