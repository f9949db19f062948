/**
 * The wizard's styles beyond the shared ones; the library build ships no CSS file, so
 * they travel in a <style> element.
 */
export const css = `
.change-order .visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0;
  margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.change-order .hint { color: var(--muted); font-size: 0.9em; margin: 0.25rem 0; }
.change-order .order-meta { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.change-order .save-state { color: var(--muted); }
.change-order ol.steps { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none;
  padding: 0; margin: 0 0 var(--gap); }
.change-order button.step { background: var(--panel); color: var(--brand); }
.change-order button.step[aria-current='step'] { background: var(--brand); color: var(--brand-ink); }
.change-order .step-number { display: inline-block; min-width: 1.4em; font-weight: 700; }
.change-order h2:focus { outline: none; }
.change-order input.wide, .change-order textarea.wide { width: min(40rem, 100%); }
.change-order .stepper { display: flex; gap: 0.25rem; align-items: center; }
.change-order .stepper button { padding: 0.2rem 0.6rem; min-width: 2.2rem; }
.change-order .stepper input { width: 6rem; text-align: right; }
.change-order .items-grid .field-error p { margin: 0.2rem 0 0; font-size: 0.9em; }
.change-order tr.negative .to-be { color: var(--danger); font-weight: 700; }
/* Every flagged row is tinted as the shared styles tint a row below zero (tr.negative), so
   a row holding 1.5, 200000 or a rule violation is found the same way. */
.change-order tr.invalid td { background: var(--danger-bg); }
.change-order fieldset { border: 1px solid var(--line); border-radius: var(--radius);
  margin: 0 0 var(--gap); padding: 0.5rem 1rem; }
.change-order legend { font-weight: 600; }
.change-order .choices { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin-bottom: var(--gap); }
.change-order label.choice { display: inline-flex; gap: 0.4rem; align-items: center; font-weight: 400; }
.change-order tfoot th, .change-order tfoot td { font-weight: 700; }
.change-order .field-error p { margin: 0.25rem 0 0; }
.change-order .error ul { margin: 0.25rem 0 0.5rem; padding-left: 1.2rem; }
@media (max-width: 640px) {
  .change-order .stepper input { width: 4.5rem; }
  .change-order table.stack-narrow tr.invalid { background: var(--danger-bg); }
}
`;
