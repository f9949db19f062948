import { Show, untrack } from 'solid-js';
import type { Client } from '@urql/core';
// query() under a create* name: the Solid linter then sees that it tracks its variables.
import {
  Empty,
  ItemsTable,
  orderLineRows,
  query as createQuery,
  reloadOnEvents,
} from '@portal/web-shared';
import { ORDER, ORDER_UPDATED } from './documents';
import { Loaded } from './Loaded';
import { DocumentList, HistoryTable, OrderFacts } from './parts';

/** One order as the reseller sees it: facts, items, documents and history. */
export function OrderDetail(props: { client: Client; orderId: string }) {
  const client = untrack(() => props.client); // the session's, fixed while mounted
  const [order, { refetch }] = createQuery(client, ORDER, () => ({ id: props.orderId }));
  // Live: the vendor's decision (or a colleague's Final Confirm) shows without a reload.
  reloadOnEvents(client, ORDER_UPDATED, { orderId: untrack(() => props.orderId) }, refetch);
  return (
    <Loaded data={order} retry={refetch} label="Loading the order…">
      {(data) => (
        <Show
          when={data().changeOrder}
          fallback={
            <>
              <h1>Order</h1>
              <Empty>This order does not exist or is not yours.</Empty>
            </>
          }
        >
          {(current) => (
            <section aria-labelledby="order-title">
              <h1 id="order-title">
                Order {current().number} · {current().title}
              </h1>
              <div class="actions">
                <a href="/orders">Order Management</a>
                <Show when={current().status === 'APPROVED'}>
                  <a class="button" href={`/orders/${encodeURIComponent(current().id)}/confirm`}>
                    Order Final Confirm
                  </a>
                </Show>
                <Show when={current().status === 'DRAFT'}>
                  <a
                    class="button secondary"
                    href={`/change-order/${encodeURIComponent(current().id)}`}
                  >
                    Edit draft
                  </a>
                </Show>
              </div>
              <div class="panel">
                <OrderFacts order={current()} />
              </div>
              <h2>Items</h2>
              <ItemsTable
                rows={orderLineRows(current().lines)}
                caption={`Items of order ${current().number}`}
                empty="No item changes in this order."
              />
              <h2>Documents</h2>
              <DocumentList documents={current().documents} />
              <h2>History</h2>
              <HistoryTable events={current().history} />
            </section>
          )}
        </Show>
      )}
    </Loaded>
  );
}
