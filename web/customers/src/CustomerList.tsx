import type { Client } from '@urql/core';
import {
  createEffect,
  createMemo,
  createSignal,
  For,
  on,
  onCleanup,
  Show,
  untrack,
} from 'solid-js';
import { Empty, ErrorMessage, Loading, query as createQuery } from '@portal/web-shared';
import {
  customerListHref,
  customerListLocationOf,
  type CustomerListLocation,
} from './list-location';
import { createPager, PagerControls } from './pager';
import { CUSTOMERS, PAGE_SIZE } from './queries';

const SEARCH_DELAY_MS = 300;

/**
 * Customers: a searchable, paginated list; each name opens the customer's page. The search
 * and page are in the address (`search`) and change through `navigate`, so reload, back and
 * forward keep them. Typing moves the address once it pauses (or on Enter), not on every
 * keystroke, and a new search starts on page 1. One run of typing is one step back, however
 * often it paused: its first pause adds the step and the later ones replace it, so Back
 * leaves the search as a whole rather than letter by letter. Enter, paging or a move of the
 * address from outside (back, forward, a link) ends the run.
 */
export function CustomerList(props: {
  client: Client;
  /**
   * The address's query string, e.g. `?search=acme&after=…`. Undefined under a shell that
   * does not pass it: the list then keeps its search and page in memory.
   */
  search?: string;
  navigate: (to: string, replace?: boolean) => void;
}) {
  const [inMemory, setInMemory] = createSignal('');
  const where = createMemo(() => customerListLocationOf(props.search ?? inMemory()));
  const search = () => where().search;

  function go(next: CustomerListLocation, replace = false) {
    const href = customerListHref(next);
    if (href === customerListHref(where())) return;
    if (props.search === undefined) setInMemory(href.slice('/customers'.length));
    else props.navigate(href, replace);
  }
  /** The search shown was put in the address by the run of typing still going on. */
  let typing = false;
  const pager = createPager({
    cursors: () => where().cursors,
    setCursors: (cursors) => {
      typing = false;
      go({ search: search(), cursors });
    },
  });

  const [typed, setTyped] = createSignal(untrack(search));
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Searches for the text, from the first page, unless that is the search shown; in place of
   * the address this run of typing added, if it added one. `pause` keeps the run going.
   */
  const commit = (text: string, pause: boolean) => {
    clearTimeout(timer);
    if (text.trim() !== search()) {
      go({ search: text.trim(), cursors: [] }, typing);
      typing = pause;
    } else if (!pause) typing = false;
  };
  const onSearch = (text: string) => {
    setTyped(text);
    clearTimeout(timer);
    timer = setTimeout(() => commit(text, true), SEARCH_DELAY_MS);
  };
  onCleanup(() => clearTimeout(timer));
  // The address changed under the box (back, forward, a link): the box shows its search.
  createEffect(
    on(
      search,
      (current) => {
        if (typed().trim() === current) return;
        clearTimeout(timer);
        typing = false;
        setTyped(current);
      },
      { defer: true },
    ),
  );

  const [result, { refetch }] = createQuery(
    untrack(() => props.client),
    CUSTOMERS,
    () => ({
      search: search() || null,
      first: PAGE_SIZE,
      after: pager.after(),
    }),
  );
  const data = createMemo(() => (result.error ? undefined : result()?.customers));

  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      <form
        class="field"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          commit(typed(), false);
        }}
      >
        <label for="customer-search">Search customers</label>
        <input
          id="customer-search"
          type="search"
          placeholder="Customer Company Name"
          value={typed()}
          onInput={(event) => onSearch(event.currentTarget.value)}
        />
      </form>
      <Show
        when={!result.error}
        fallback={<ErrorMessage error={result.error as unknown} retry={refetch} />}
      >
        <Show when={data()} fallback={<Loading label="Loading customers…" />}>
          {(page) => (
            <Show
              when={page().edges.length > 0}
              fallback={
                <Empty>
                  {search() ? `No customer matches “${search()}”.` : 'You have no customers yet.'}
                </Empty>
              }
            >
              <p class="muted" role="status">
                {page().totalCount} {page().totalCount === 1 ? 'customer' : 'customers'}
                {result.loading ? ' · loading…' : ''}
              </p>
              <div class="table-wrap">
                <table aria-busy={result.loading}>
                  <caption class="visually-hidden">Customers</caption>
                  <thead>
                    <tr>
                      <th scope="col">Customer Company Name</th>
                      <th scope="col">Customer Type</th>
                      <th scope="col">Service Plan</th>
                      <th scope="col">Vendor</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={page().edges}>
                      {(edge) => (
                        <tr>
                          <td>
                            <a href={`/customers/${encodeURIComponent(edge.node.id)}`}>
                              {edge.node.name}
                            </a>
                          </td>
                          <td>{edge.node.customerType}</td>
                          <td>{edge.node.servicePlan}</td>
                          <td>{edge.node.vendor.name}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <PagerControls
                pager={pager}
                label="Customer pages"
                pageSize={PAGE_SIZE}
                totalCount={page().totalCount}
                hasNextPage={page().pageInfo.hasNextPage}
                endCursor={page().pageInfo.endCursor}
              />
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
