import { Show, untrack } from 'solid-js';
import type { Client } from '@urql/core';
// query() under a create* name: the Solid linter then sees that it tracks its variables.
import {
  Empty,
  ItemsTable,
  mutate,
  orderLineRows,
  query as createQuery,
  reloadOnEvents,
  type SessionInfo,
} from '@portal/web-shared';
import { ConfirmedAction } from './ConfirmedAction';
import { CopyOrderAction } from './CopyOrderAction';
import { CANCEL_ORDER, ORDER, ORDER_UPDATED, type Order } from './documents';
import { Loaded } from './Loaded';
import { DocumentList, HistoryTable, OrderFacts } from './parts';

/** The orders a reseller may still withdraw (SPEC: DRAFT or SUBMITTED). */
const CANCELLABLE = ['DRAFT', 'SUBMITTED'];
/** The orders that are over: a copy is how one is sent again (a rejected one) or repeated. */
const FINISHED = ['REJECTED', 'CANCELLED', 'CONFIRMED'];

/**
 * One order: facts, items, documents and history. The reseller's view offers its steps
 * (Final Confirm, editing a draft, cancelling a draft or a submitted order, copying one that
 * is over into a new draft); the vendor's offers the decision on a submitted order instead.
 */
export function OrderDetail(props: {
  client: Client;
  orderId: string;
  viewerKind: SessionInfo['organization']['kind'];
  navigate: (path: string) => void;
}) {
  const client = untrack(() => props.client); // the session's, fixed while mounted
  const isReseller = () => props.viewerKind === 'RESELLER';
  const [order, { refetch }] = createQuery(client, ORDER, () => ({ id: props.orderId }));

  async function cancel(current: Order) {
    const data = await mutate(client, CANCEL_ORDER, {
      input: { orderId: current.id, expectedVersion: current.version },
    });
    if (data.cancelChangeOrder.userErrors.length === 0) refetch();
    return data.cancelChangeOrder.userErrors;
  }

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
                <Show when={isReseller() && current().status === 'APPROVED'}>
                  <a class="button" href={`/orders/${encodeURIComponent(current().id)}/confirm`}>
                    Order Final Confirm
                  </a>
                </Show>
                <Show when={isReseller() && current().status === 'DRAFT'}>
                  <a
                    class="button secondary"
                    href={`/change-order/${encodeURIComponent(current().id)}`}
                  >
                    Edit draft
                  </a>
                </Show>
                <Show when={!isReseller() && current().status === 'SUBMITTED'}>
                  <a class="button" href={`/vendor/orders/${encodeURIComponent(current().id)}`}>
                    Approve or Reject
                  </a>
                </Show>
              </div>
              <Show when={isReseller() && CANCELLABLE.includes(current().status)}>
                <ConfirmedAction
                  label="Cancel order"
                  busyLabel="Cancelling…"
                  dialogTitle={`Cancel order ${current().number}?`}
                  confirmLabel="Cancel order"
                  cancelLabel="Keep order"
                  refusedTitle={`Order ${current().number} was not cancelled.`}
                  secondary
                  onConfirm={() => cancel(current())}
                >
                  <p>
                    {current().status === 'SUBMITTED'
                      ? 'The order is withdrawn from the vendor’s review and nothing is ordered. '
                      : 'The draft is set aside and nothing is ordered. '}
                    This cannot be undone.
                  </p>
                </ConfirmedAction>
              </Show>
              <Show when={isReseller() && FINISHED.includes(current().status)}>
                <CopyOrderAction
                  client={client}
                  orderId={current().id}
                  navigate={props.navigate}
                  secondary={current().status !== 'REJECTED'}
                />
              </Show>
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
              <DocumentList client={client} documents={current().documents} />
              <h2>History</h2>
              <HistoryTable events={current().history} />
            </section>
          )}
        </Show>
      )}
    </Loaded>
  );
}
