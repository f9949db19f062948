import type { Client } from '@urql/core';
import { createMemo, createSignal, For, onCleanup, Show, untrack } from 'solid-js';
import { Empty, ErrorMessage, Loading, query as createQuery } from '@portal/web-shared';
import { createPager, PagerControls } from './pager';
import { CUSTOMERS, PAGE_SIZE } from './queries';

const SEARCH_DELAY_MS = 300;

/** Customers: a searchable, paginated list; each name opens the customer's page. */
export function CustomerList(props: { client: Client }) {
  const [typed, setTyped] = createSignal('');
  const [search, setSearch] = createSignal('');
  const pager = createPager();

  // Search once typing pauses, from the first page.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onSearch = (text: string) => {
    setTyped(text);
    clearTimeout(timer);
    timer = setTimeout(() => {
      pager.reset();
      setSearch(text.trim());
    }, SEARCH_DELAY_MS);
  };
  onCleanup(() => clearTimeout(timer));

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
          clearTimeout(timer);
          pager.reset();
          setSearch(typed().trim());
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
