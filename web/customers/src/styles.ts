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
/* Narrow screens: each row of a .stack-narrow table becomes a card of label/value pairs. */
@media (max-width: 640px) {
  table.stack-narrow thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
  table.stack-narrow, table.stack-narrow tbody, table.stack-narrow tfoot { display: block; width: 100%; }
  table.stack-narrow tr { display: flex; flex-direction: column; border-bottom: 2px solid var(--line);
    padding: 0.25rem 0; }
  table.stack-narrow th[scope='row'] { order: -1; }
  table.stack-narrow td, table.stack-narrow th[scope='row'] { display: flex; flex-wrap: wrap;
    justify-content: space-between; align-items: center; gap: 0.25rem 1rem; border: 0;
    text-align: right; background: transparent; }
  table.stack-narrow th[scope='row'] { font-size: 1.05em; }
  table.stack-narrow [data-label]::before { content: attr(data-label); font-weight: 600;
    color: var(--muted); text-align: left; }
  table.stack-narrow th[scope='row']::before { content: none; }
  table.stack-narrow .field-error { flex-basis: 100%; text-align: left; }
  table.stack-narrow tr.negative { background: var(--danger-bg); }
  table.stack-narrow .table-wrap, .table-wrap:has(> table.stack-narrow) { overflow-x: visible; }
}
`;
