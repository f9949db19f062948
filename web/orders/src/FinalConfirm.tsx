import { createMemo, createSignal, Match, onMount, Show, Switch, untrack } from 'solid-js';
import type { Client } from '@urql/core';
// query() under a create* name: the Solid linter then sees that it tracks its variables.
import {
  Empty,
  formatDate,
  ItemsTable,
  mutate,
  orderLineRows,
  query as createQuery,
  statusLabel,
  reloadOnEvents,
} from '@portal/web-shared';
import {
  FINAL_CONFIRM,
  INVENTORY,
  ORDER,
  ORDER_UPDATED,
  type ConfirmedOrder,
  type Order,
  type OrderDocument,
  type OrderLine,
} from './documents';
import { FinalConfirmAction } from './FinalConfirmAction';
import { Loaded } from './Loaded';
import { DocumentList, InventoryTable, OrderFacts } from './parts';

/** A key for one Final Confirm intent: a retry after a lost response cannot apply it twice. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Order Final Confirm: review the approved order's items, Final Confirm (through a
 * confirmation dialog), then the customer's new inventory and the order's documents.
 */
export function FinalConfirm(props: { client: Client; orderId: string }) {
  const client = untrack(() => props.client); // the session's, fixed while mounted
  const [order, { refetch }] = createQuery(client, ORDER, () => ({ id: props.orderId }));
  // Live: the vendor's decision (or a colleague's Final Confirm) shows without a reload.
  reloadOnEvents(client, ORDER_UPDATED, { orderId: untrack(() => props.orderId) }, refetch);
  /** The mutation's answer once it succeeded: status, confirmedAt and the new documents. */
  const [confirmed, setConfirmed] = createSignal<ConfirmedOrder>();
  const idempotencyKey = newIdempotencyKey();

  async function finalConfirm(current: Order) {
    const { finalConfirmChangeOrder: payload } = await mutate(client, FINAL_CONFIRM, {
      input: { orderId: current.id, expectedVersion: current.version, idempotencyKey },
    });
    if (payload.userErrors.length === 0 && payload.order) setConfirmed(payload.order);
    // Someone else moved the order on: show what it is now.
    else if (payload.userErrors.some((e) => e.code !== 'INVENTORY_CHANGED')) refetch();
    return payload.userErrors;
  }

  return (
    <section aria-labelledby="final-confirm-title">
      <h1 id="final-confirm-title">Order Final Confirm</h1>
      <p>
        <a href="/orders">Order Management</a>
      </p>
      <Loaded data={order} retry={refetch} label="Loading the order…">
        {(data) => (
          <Show
            when={data().changeOrder}
            fallback={<Empty>This order does not exist or is not yours.</Empty>}
          >
            {(current) => (
              <Switch
                fallback={
                  <>
                    <OrderReview order={current()} />
                    <p role="status">
                      This order is {statusLabel(current().status)}; only approved orders can be
                      Final Confirmed.{' '}
                      <a href={`/orders/${encodeURIComponent(current().id)}`}>See the order</a>.
                    </p>
                  </>
                }
              >
                <Match when={confirmed()}>
                  {(done) => (
                    <Confirmed
                      client={client}
                      number={current().number}
                      customerId={current().customer.id}
                      confirmedAt={done().confirmedAt}
                      documents={done().documents}
                      lines={current().lines}
                      productChange={current().productChange}
                      justNow
                    />
                  )}
                </Match>
                <Match when={current().status === 'CONFIRMED'}>
                  <Confirmed
                    client={client}
                    number={current().number}
                    customerId={current().customer.id}
                    confirmedAt={current().confirmedAt}
                    documents={current().documents}
                    lines={current().lines}
                    productChange={current().productChange}
                  />
                </Match>
                <Match when={current().status === 'APPROVED'}>
                  <OrderReview order={current()} />
                  <FinalConfirmAction
                    orderNumber={current().number}
                    customerId={current().customer.id}
                    onConfirm={() => finalConfirm(current())}
                  />
                </Match>
              </Switch>
            )}
          </Show>
        )}
      </Loaded>
    </section>
  );
}

function OrderReview(props: { order: Order }) {
  return (
    <>
      <div class="panel">
        <OrderFacts order={props.order} />
      </div>
      <h2>Items</h2>
      <ItemsTable
        rows={orderLineRows(props.order.lines)}
        caption={`Items of order ${props.order.number}`}
        empty="No item changes in this order."
      />
    </>
  );
}

/** After Final Confirm: the customer's inventory as it is now, and the order's documents. */
function Confirmed(props: {
  client: Client;
  number: number;
  customerId: string;
  confirmedAt: string | null;
  documents: readonly OrderDocument[];
  lines: readonly OrderLine[];
  productChange: Order['productChange'];
  justNow?: boolean;
}) {
  const client = untrack(() => props.client); // the session's, fixed while mounted
  const [inventory, { refetch }] = createQuery(client, INVENTORY, () => ({
    id: props.customerId,
  }));
  const addendum = createMemo(() => props.documents.some((d) => d.kind === 'ADDENDUM'));
  let message: HTMLParagraphElement | undefined;
  // Focus follows the outcome, so keyboard and screen-reader users land on it.
  onMount(() => props.justNow && message?.focus());

  return (
    <>
      <p ref={(element) => (message = element)} class="panel" role="status" tabindex="-1">
        <strong>Order {props.number} is confirmed</strong> ({formatDate(props.confirmedAt)}). The
        new licences are in the inventory
        {addendum() ? ' and the order addendum has been created and e-mailed.' : '.'}
      </p>
      <h2>New inventory</h2>
      <Loaded data={inventory} retry={refetch} label="Loading the inventory…">
        {(data) => (
          <Show
            when={data().customer?.licenses.length}
            fallback={<Empty>The customer has no licences.</Empty>}
          >
            <InventoryTable
              licenses={data().customer?.licenses ?? []}
              lines={props.lines}
              productChange={props.productChange}
            />
          </Show>
        )}
      </Loaded>
      <h2>Documents</h2>
      <DocumentList client={client} documents={props.documents} />
    </>
  );
}
