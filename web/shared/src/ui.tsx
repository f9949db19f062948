import { Show, type JSX } from 'solid-js';

/** A visible, announced "loading" state. */
export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> {props.label ?? 'Loading…'}
    </p>
  );
}

const UNREACHABLE =
  'The portal cannot be reached right now. Check your connection, then try again.';

/** An error the user can read (and, where given, retry). */
export function ErrorMessage(props: { error: unknown; retry?: () => void }) {
  const message = () => {
    const error = props.error as
      | { message?: string; graphQLErrors?: { message: string }[]; networkError?: unknown }
      | undefined;
    // No answer at all: the browser's own words ("Failed to fetch") tell a user nothing.
    if (error?.networkError && !error.graphQLErrors?.length) return UNREACHABLE;
    return error?.graphQLErrors?.[0]?.message ?? error?.message ?? String(props.error);
  };
  return (
    <div class="error" role="alert">
      <p>{message().replace(/^\[(GraphQL|Network)\] /, '')}</p>
      <Show when={props.retry}>
        <button type="button" onClick={() => props.retry?.()}>
          Try again
        </button>
      </Show>
    </div>
  );
}

export function Empty(props: { children: JSX.Element }) {
  return <p class="empty">{props.children}</p>;
}

/** "1,234.50 USD" from integer cents; display only. */
export function formatMoney(money: { cents: number; currency: string }): string {
  const sign = money.cents < 0 ? '-' : '';
  const abs = Math.abs(money.cents);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')} ${money.currency}`;
}

/** "2026-11-23 18:37" in the viewer's time zone, or "—". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A status as the seed portals write it: "SUBMITTED" → "Submitted". */
export function statusLabel(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' ');
}

/**
 * A primary product change in the Mimecast portal's words, one wording on every screen:
 * "Add to: Email Security Advanced", "Select New: Email Security Essentials → Email
 * Security Advanced" (the held product, then what it becomes), or null for Keep Existing.
 * A product not known (yet) is named "no product chosen".
 */
export function productChangeLabel(
  mode: string,
  productName: string | null | undefined,
  replacesName: string | null | undefined,
): string | null {
  const name = (value: string | null | undefined) => value ?? 'no product chosen';
  if (mode === 'ADD') return `Add to: ${name(productName)}`;
  if (mode === 'REPLACE') return `Select New: ${name(replacesName)} → ${name(productName)}`;
  return null;
}
