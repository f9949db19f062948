import { createUniqueId, onCleanup, onMount, type JSX } from 'solid-js';

const FOCUSABLE = 'button:not(:disabled), [href], input, select, textarea';

/**
 * A modal confirmation (role="dialog", aria-modal) with Confirm and Cancel. Focus starts on
 * Cancel (the step cannot be undone), stays inside while open (Tab wraps), Escape or a click
 * on the backdrop cancels, and focus returns to where it was when the dialog closes.
 * A div rather than <dialog>: jsdom has no showModal, and this behaves the same in both.
 */
export function ConfirmDialog(props: {
  title: string;
  children: JSX.Element;
  /** The buttons' words (Confirm, Cancel): name the step where "Cancel" would be ambiguous. */
  confirmLabel?: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = createUniqueId();
  const bodyId = createUniqueId();
  const opener = document.activeElement as HTMLElement | null;
  let box: HTMLDivElement | undefined;
  let cancel: HTMLButtonElement | undefined;

  onMount(() => cancel?.focus());
  onCleanup(() => opener?.focus());

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    } else if (event.key === 'Tab') {
      const focusable = [...(box?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  }

  return (
    <div
      style={{
        position: 'fixed',
        inset: '0',
        'z-index': '1000',
        display: 'grid',
        'place-items': 'center',
        padding: '1rem',
        background: 'rgba(29, 39, 51, 0.45)',
      }}
      onClick={(event) => event.target === event.currentTarget && props.onCancel()}
    >
      <div
        ref={(element) => (box = element)}
        class="panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        style={{ width: 'min(30rem, 100%)', margin: '0' }}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} style={{ 'margin-top': '0' }}>
          {props.title}
        </h2>
        <div id={bodyId}>{props.children}</div>
        <div class="actions">
          <button type="button" onClick={() => props.onConfirm()}>
            {props.confirmLabel ?? 'Confirm'}
          </button>
          <button
            ref={(element) => (cancel = element)}
            type="button"
            class="secondary"
            onClick={() => props.onCancel()}
          >
            {props.cancelLabel ?? 'Cancel'}
          </button>
        </div>
      </div>
    </div>
  );
}
