import { createSignal, Show, untrack } from 'solid-js';
import type { Client } from '@urql/core';
// query() under a create* name: the Solid linter then sees that it tracks its variables.
import {
  Empty,
  ItemsTable,
  mutate,
  orderLineRows,
  query as createQuery,
  statusLabel,
  reloadOnEvents,
} from '@portal/web-shared';
import { APPROVE, ORDER, ORDER_UPDATED, REJECT, type Decision, type Order } from './documents';
import { DecisionForm } from './DecisionForm';
import { Loaded } from './Loaded';
import { CostTable, HistoryTable, OrderFacts } from './parts';

/**
 * One order for the vendor: the notice fields, items, cost and history, and while it is
 * SUBMITTED the Approve / Reject form. The screen follows the order live (a reseller may
 * cancel it meanwhile). Mounted per order id (App keys it).
 */
export function OrderReview(props: { client: Client; orderId: string }) {
  const client = untrack(() => props.client); // the session's, fixed while mounted
  const [order, { refetch }] = createQuery(client, ORDER, () => ({ id: props.orderId }));
  const [outcome, setOutcome] = createSignal<string>();
  reloadOnEvents(client, ORDER_UPDATED, { orderId: untrack(() => props.orderId) }, refetch);

  async function decide(current: Order, decision: Decision, comment: string) {
    const input = { orderId: current.id, expectedVersion: current.version, comment };
    const payload =
      decision === 'approve'
        ? (await mutate(client, APPROVE, { input })).approveChangeOrder
        : (await mutate(client, REJECT, { input })).rejectChangeOrder;
    if (payload.userErrors.length === 0 && payload.order) {
      setOutcome(`Order ${current.number} is ${statusLabel(payload.order.status).toLowerCase()}.`);
    }
    // Decided or refused (e.g. decided meanwhile by someone else): show the order as it is.
    refetch();
    return payload.userErrors;
  }

  return (
    <Loaded data={order} retry={refetch} label="Loading the order…">
      {(data) => (
        <Show
          when={data().changeOrder}
          fallback={
            <>
              <h1>Order</h1>
              <Empty>This order does not exist or is not for you to decide.</Empty>
              <a href="/vendor">Back to the approval dashboard</a>
            </>
          }
        >
          {(current) => (
            <section aria-labelledby="vendor-order-title">
              <h1 id="vendor-order-title">
                Order {current().number} · {current().title}
              </h1>
              <p>
                <a href="/vendor">Back to the approval dashboard</a>
              </p>
              <Show when={outcome()}>
                <p class="panel" role="status">
                  {outcome()}
                </p>
              </Show>
              <div class="panel">
                <OrderFacts order={current()} />
              </div>
              <Show when={current().status === 'SUBMITTED'}>
                <section class="panel" aria-labelledby="decision-title">
                  <h2 id="decision-title" style={{ 'margin-top': '0' }}>
                    Approve or Reject
                  </h2>
                  <DecisionForm
                    orderNumber={current().number}
                    onDecide={(decision, comment) => decide(current(), decision, comment)}
                  />
                </section>
              </Show>
              <h2>Items</h2>
              <ItemsTable
                rows={orderLineRows(current().lines)}
                caption={`Items of order ${current().number}`}
                empty="No item changes in this order."
              />
              <h2>Cost</h2>
              <CostTable cost={current().costPreview} />
              <h2>History</h2>
              <HistoryTable events={current().history} />
            </section>
          )}
        </Show>
      )}
    </Loaded>
  );
}
