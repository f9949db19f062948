import type { Client } from '@urql/core';
import { createMemo, For, Show, untrack } from 'solid-js';
import {
  Empty,
  ErrorMessage,
  formatDate,
  Loading,
  query as createQuery,
  statusLabel,
} from '@portal/web-shared';
import { createPager, PagerControls } from './pager';
import { CUSTOMER_ORDERS } from './queries';

const ORDERS_PAGE_SIZE = 10;

/** The customer's change orders, newest first; a draft opens in the wizard to resume it. */
export function CustomerOrders(props: { client: Client; customerId: string }) {
  const pager = createPager();
  const [result, { refetch }] = createQuery(
    untrack(() => props.client),
    CUSTOMER_ORDERS,
    () => ({
      id: props.customerId,
      first: ORDERS_PAGE_SIZE,
      after: pager.after(),
    }),
  );
  const orders = createMemo(() => (result.error ? undefined : result()?.customer?.changeOrders));

  return (
    <Show
      when={!result.error}
      fallback={<ErrorMessage error={result.error as unknown} retry={refetch} />}
    >
      <Show when={orders()} fallback={<Loading label="Loading orders…" />}>
        {(page) => (
          <Show when={page().edges.length > 0} fallback={<Empty>No orders yet.</Empty>}>
            <div class="table-wrap">
              <table aria-busy={result.loading}>
                <caption class="visually-hidden">Orders</caption>
                <thead>
                  <tr>
                    <th scope="col">Order No.</th>
                    <th scope="col">Order Title</th>
                    <th scope="col">Order Status</th>
                    <th scope="col">Order Date</th>
                    <th scope="col">Order User</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().edges}>
                    {(edge) => (
                      <tr>
                        <td>
                          <a
                            href={
                              edge.node.status === 'DRAFT'
                                ? `/change-order/${encodeURIComponent(edge.node.id)}`
                                : `/orders/${encodeURIComponent(edge.node.id)}`
                            }
                            aria-label={
                              edge.node.status === 'DRAFT'
                                ? `Resume draft ${edge.node.number}`
                                : `Order ${edge.node.number}`
                            }
                          >
                            {edge.node.number}
                          </a>
                        </td>
                        <td class="title-cell">{edge.node.title}</td>
                        <td>
                          <span class="badge">{statusLabel(edge.node.status)}</span>
                        </td>
                        <td>{formatDate(edge.node.submittedAt)}</td>
                        <td>{edge.node.orderUser.name}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <PagerControls
              pager={pager}
              label="Order pages"
              pageSize={ORDERS_PAGE_SIZE}
              totalCount={page().totalCount}
              hasNextPage={page().pageInfo.hasNextPage}
              endCursor={page().pageInfo.endCursor}
            />
          </Show>
        )}
      </Show>
    </Show>
  );
}
