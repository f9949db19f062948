import { createMemo, createSignal, Show } from 'solid-js';

/**
 * Cursor pagination as UI state: the cursors of the pages before the current one, so
 * "Previous page" goes back without the server knowing about it. Kept in a signal, or, given
 * `stored`, wherever that keeps them (the address, for the customer list).
 */
export function createPager(stored?: {
  cursors: () => string[];
  setCursors: (cursors: string[]) => void;
}) {
  const [own, setOwn] = createSignal<string[]>([]);
  const cursors = stored ? stored.cursors : own;
  const setCursors = stored ? stored.setCursors : setOwn;
  const after = createMemo(() => cursors().at(-1) ?? null);
  const page = createMemo(() => cursors().length + 1);
  return {
    /** The `after` argument of the current page. */
    after,
    page,
    next: (endCursor: string) => setCursors([...cursors(), endCursor]),
    previous: () => setCursors(cursors().slice(0, -1)),
    reset: () => setCursors([]),
  };
}

export type Pager = ReturnType<typeof createPager>;

/** Previous / Next buttons with "Page n of m". */
export function PagerControls(props: {
  pager: Pager;
  label: string;
  pageSize: number;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
}) {
  const pages = createMemo(() => Math.max(1, Math.ceil(props.totalCount / props.pageSize)));
  return (
    <Show when={props.pager.page() > 1 || props.hasNextPage}>
      <nav class="actions" aria-label={props.label}>
        <button
          type="button"
          class="secondary"
          disabled={props.pager.page() <= 1}
          onClick={() => props.pager.previous()}
        >
          Previous page
        </button>
        <span>
          Page {props.pager.page()} of {pages()}
        </span>
        <button
          type="button"
          class="secondary"
          disabled={!props.hasNextPage || !props.endCursor}
          onClick={() => props.endCursor && props.pager.next(props.endCursor)}
        >
          Next page
        </button>
      </nav>
    </Show>
  );
}
