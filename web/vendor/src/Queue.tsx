import { createMemo, createSignal, For, Show, untrack } from 'solid-js';
import type { Client } from '@urql/core';
// query() under a create* name: the Solid linter then sees that it tracks its variables.
import { Empty, formatDate, query as createQuery, reloadOnEvents } from '@portal/web-shared';
import { PAGE_SIZE, QUEUE, QUEUE_EVENTS } from './documents';
import { Loaded } from './Loaded';

/**
 * The approval dashboard: submitted orders waiting for a decision, newest first. Any order
 * event that moves an order in or out of the queue refetches it, so it stays current
 * without a reload.
 */
export function Queue(props: { client: Client }) {
  const client = untrack(() => props.client); // the session's, fixed while mounted
  /** The cursors of the pages before this one (`after` is the last); empty on page 1. */
  const [cursors, setCursors] = createSignal<string[]>([]);
  const [queue, { refetch }] = createQuery(client, QUEUE, () => ({
    after: cursors().at(-1) ?? null,
    first: PAGE_SIZE,
  }));
  reloadOnEvents(client, QUEUE_EVENTS, {}, refetch);
  const firstShown = createMemo(() => cursors().length * PAGE_SIZE + 1);

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">Approval dashboard</h1>
      <Loaded data={queue} retry={refetch} label="Loading the orders to decide…">
        {(data) => (
          <>
            <p role="status">
              {data().changeOrders.totalCount === 1
                ? '1 order to decide'
                : `${data().changeOrders.totalCount} orders to decide`}
            </p>
            <Show
              when={data().changeOrders.edges.length > 0}
              fallback={<Empty>No submitted orders are waiting. New ones appear here.</Empty>}
            >
              <div class="table-wrap">
                <table aria-label="Submitted orders">
                  <thead>
                    <tr>
                      <th scope="col">Order No.</th>
                      <th scope="col">Title</th>
                      <th scope="col">Customer</th>
                      <th scope="col">Order Reseller</th>
                      <th scope="col">Order User</th>
                      <th scope="col">Order Date</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data().changeOrders.edges}>
                      {(edge) => (
                        <tr>
                          <td>
                            <a href={`/vendor/orders/${encodeURIComponent(edge.node.id)}`}>
                              {edge.node.number}
                            </a>
                          </td>
                          <td class="title-cell">{edge.node.title}</td>
                          <td>{edge.node.customer.name}</td>
                          <td>{edge.node.reseller.name}</td>
                          <td>{edge.node.orderUser.name}</td>
                          <td>{formatDate(edge.node.submittedAt)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <p>
                Showing {firstShown()}–{firstShown() + data().changeOrders.edges.length - 1}
              </p>
            </Show>
            <div class="actions">
              <Show when={cursors().length > 0}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => setCursors((list) => list.slice(0, -1))}
                >
                  Previous page
                </button>
              </Show>
              <Show when={data().changeOrders.pageInfo.hasNextPage}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    const end = data().changeOrders.pageInfo.endCursor;
                    if (end) setCursors((list) => [...list, end]);
                  }}
                >
                  Next page
                </button>
              </Show>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}
