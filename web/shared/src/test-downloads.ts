/**
 * Signed download links in component tests: links as the server signs them, and a record
 * of the clicks that reach them (jsdom cannot download, so it stands in for the browser).
 */

/** How long the server's signature lasts (server: document/download-links.ts). */
export const LINK_LIFETIME_MS = 15 * 60 * 1000;

/** A link to attachment `id` as the server signs it at `issued` (ms), good for 15 minutes. */
export function signedLink(issued: number, sig: string, id = 'a1'): string {
  return `/files/${id}?org=o1&exp=${issued + LINK_LIFETIME_MS}&sig=${sig}`;
}

/**
 * Records every click on a link from now on, and whether the page left it to the browser
 * (to follow: here, to download) or kept it. Call `stop` when done.
 */
export function recordLinkClicks() {
  const clicks: { href: string | null; followed: boolean }[] = [];
  const record = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link) return;
    clicks.push({ href: link.getAttribute('href'), followed: !event.defaultPrevented });
    event.preventDefault(); // jsdom cannot download: keep it from trying to navigate
  };
  // Added after the components' own handlers (Solid delegates them to the document at
  // load), so it sees what they decided.
  document.addEventListener('click', record);
  return {
    clicks,
    /** The links the browser was left to follow, in order. */
    followed: () => clicks.filter((click) => click.followed).map((click) => click.href),
    stop: () => document.removeEventListener('click', record),
  };
}
