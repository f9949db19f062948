/**
 * The few styles of this micro-frontend beyond the shared ones; the library build ships
 * no CSS file, so they travel in a <style> element.
 */
export const css = `
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.page-head { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center;
  justify-content: space-between; margin-bottom: var(--gap); }
.page-head h1 { margin: 0; }
.muted { color: var(--muted); }
form[role='search'] input { width: min(28rem, 100%); }
`;
