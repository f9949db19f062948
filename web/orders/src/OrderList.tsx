import { createMemo, For, Show, untrack } from 'solid-js';
import type { Client } from '@urql/core';
// query() under a create* name: the Solid linter then sees that it tracks its variables.
import {
  Empty,
  formatDate,
  query as createQuery,
  reloadOnEvents,
  statusLabel,
  type SessionInfo,
} from '@portal/web-shared';
import { ORDER_LIST_EVENTS, ORDERS, PAGE_SIZE } from './documents';
import { listHref, listLocationOf, STATUSES, type Status } from './list-location';
import { Loaded } from './Loaded';

/**
 * Order Management: the viewer's orders by status, newest first, a page at a time (a
 * vendor's are those submitted to it). The filter and page are in the address (`search`)
 * and change through `navigate`, so reload, back and forward keep them. An order made or
 * moved to another status (a vendor's decision, a colleague's confirm) refetches the page,
 * so it stays current without a reload.
 */
export function OrderList(props: {
  client: Client;
  /** The address's query string, e.g. `?status=APPROVED&after=…`. */
  search: string;
  navigate: (to: string) => void;
  viewerKind: SessionInfo['organization']['kind'];
}) {
  const where = createMemo(() => listLocationOf(props.search));
  const status = () => where().status;
  const cursors = () => where().cursors;
  const client = untrack(() => props.client); // the session's, fixed while mounted
  const [orders, { refetch }] = createQuery(client, ORDERS, () => {
    const { status, cursors } = where();
    return {
      filter: status ? { status: [status] } : null,
      after: cursors.at(-1) ?? null,
      first: PAGE_SIZE,
    };
  });
  reloadOnEvents(client, ORDER_LIST_EVENTS, {}, refetch);
  const firstShown = createMemo(() => cursors().length * PAGE_SIZE + 1);
  const isReseller = () => props.viewerKind === 'RESELLER';
  // Drafts are the reseller's own (SPEC): a vendor never has any to list.
  const statuses = () => STATUSES.filter((s) => isReseller() || s !== 'DRAFT');

  /** A new filter starts again at the first page. */
  function choose(next: string) {
    props.navigate(listHref({ status: next as Status | '', cursors: [] }));
  }
  function turnTo(nextCursors: string[]) {
    props.navigate(listHref({ status: status(), cursors: nextCursors }));
  }

  return (
    <section aria-labelledby="order-management-title">
      <h1 id="order-management-title">Order Management</h1>
      <div class="field">
        <label for="order-status">Status</label>
        <select
          id="order-status"
          value={status()}
          onChange={(event) => choose(event.currentTarget.value)}
        >
          <option value="">All</option>
          <For each={statuses()}>{(s) => <option value={s}>{statusLabel(s)}</option>}</For>
        </select>
      </div>
      <Loaded data={orders} retry={refetch} label="Loading orders…">
        {(data) => (
          <>
            <Show
              when={data().changeOrders.edges.length > 0}
              fallback={
                <Empty>
                  {status()
                    ? `No ${statusLabel(status()).toLowerCase()} orders.`
                    : 'No orders yet.'}
                </Empty>
              }
            >
              <p role="status">
                Orders {firstShown()}–{firstShown() + data().changeOrders.edges.length - 1} of{' '}
                {data().changeOrders.totalCount}
              </p>
              <div class="table-wrap">
                <table aria-label="Orders">
                  <thead>
                    <tr>
                      <th scope="col">Order No.</th>
                      <th scope="col">Title</th>
                      <th scope="col">Customer</th>
                      <th scope="col">Order Status</th>
                      <th scope="col">Order Date</th>
                      <th scope="col">Request to</th>
                      <th scope="col">Order User</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data().changeOrders.edges}>
                      {(edge) => (
                        <tr>
                          <td>
                            <a href={`/orders/${encodeURIComponent(edge.node.id)}`}>
                              {edge.node.number}
                            </a>
                          </td>
                          <td class="title-cell">{edge.node.title}</td>
                          <td>{edge.node.customer.name}</td>
                          <td>
                            <span class="badge">{statusLabel(edge.node.status)}</span>
                            {/* Final Confirm is the reseller's step. */}
                            <Show when={isReseller() && edge.node.status === 'APPROVED'}>
                              {' '}
                              <a href={`/orders/${encodeURIComponent(edge.node.id)}/confirm`}>
                                Order Final Confirm
                              </a>
                            </Show>
                          </td>
                          <td>{formatDate(edge.node.submittedAt)}</td>
                          <td>{edge.node.requestTo.name}</td>
                          <td>{edge.node.orderUser.name}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <div class="actions">
              <Show when={cursors().length > 0}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => turnTo(cursors().slice(0, -1))}
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
                    if (end) turnTo([...cursors(), end]);
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
