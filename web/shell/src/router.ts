import { createSignal } from 'solid-js';

const [path, setPath] = createSignal(window.location.pathname);

/** The current route's path (reactive). */
export { path };

/** Goes to another route without reloading; the back button comes back. */
export function navigate(to: string, replace = false): void {
  if (to === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  setPath(to);
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => setPath(window.location.pathname));

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
  navigate(url.pathname);
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
