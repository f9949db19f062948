import { batch, createSignal } from 'solid-js';

// Two signals rather than one location object: a screen that reads only the path is not
// re-run when only the query string changes (a list's page or filter).
const [path, setPath] = createSignal(window.location.pathname);
const [search, setSearch] = createSignal(window.location.search);

/** The current route's path (reactive), e.g. `/orders`. */
export { path };

/**
 * The current route's query string (reactive), e.g. `?status=APPROVED`, or `''`: where a
 * screen keeps what a reload, the back button or a shared link must bring back.
 */
export { search };

/** Takes the route from the address bar, as the browser has normalised it. */
function follow(): void {
  batch(() => {
    setPath(window.location.pathname);
    setSearch(window.location.search);
  });
}

/**
 * Goes to another route (a path, with or without a query string) without reloading; the
 * back button comes back.
 */
export function navigate(to: string, replace = false): void {
  if (to === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  follow();
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', follow);

/** Same-origin links navigate in place (micro-frontends' links included). */
document.addEventListener('click', (event) => {
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || event.defaultPrevented || event.button !== 0) return;
  if (
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    anchor.target ||
    anchor.hasAttribute('download')
  )
    return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/files/')) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});

/** Which micro-frontend owns a path. */
export function microFrontendOf(
  pathname: string,
): 'customers' | 'change-order' | 'orders' | 'vendor' | null {
  if (/^\/customers(\/[^/]+)?$/.test(pathname)) return 'customers';
  if (/^\/change-order\//.test(pathname) || /^\/customers\/[^/]+\/change-order$/.test(pathname))
    return 'change-order';
  if (/^\/orders(\/|$)/.test(pathname)) return 'orders';
  if (/^\/vendor(\/|$)/.test(pathname)) return 'vendor';
  return null;
}

/** The name of the page a path shows, for the browser tab and its history. */
export function pageTitleOf(pathname: string): string {
  const titles: [RegExp, string][] = [
    [/^\/customers\/?$/, 'Customers'],
    [/^\/customers\/[^/]+\/change-order$/, 'Change Order'],
    [/^\/customers\/[^/]+$/, 'Customer'],
    [/^\/change-order\//, 'Change Order'],
    [/^\/orders\/?$/, 'Order Management'],
    [/^\/orders\/[^/]+\/confirm$/, 'Order Final Confirm'],
    [/^\/orders\/[^/]+$/, 'Order'],
    [/^\/vendor\/?$/, 'Approval dashboard'],
    [/^\/vendor\/orders\/[^/]+$/, 'Order to decide'],
    [/^\/mailbox$/, 'Mailbox'],
  ];
  const page = titles.find(([pattern]) => pattern.test(pathname))?.[1];
  return page ? `${page} · Change-order portal` : 'Change-order portal';
}
