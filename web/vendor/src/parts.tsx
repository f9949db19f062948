/** The pieces of the vendor's order screen, each from plain data. */
import { For, Show } from 'solid-js';
import {
  Empty,
  formatDate,
  formatMoney,
  productChangeLabel,
  statusLabel,
} from '@portal/web-shared';
import type { CostPreview, Order, OrderEvent } from './documents';

/** The fields of the approval notice, in the seed portal's words. */
export function OrderFacts(props: { order: Order }) {
  const change = () => props.order.productChange;
  return (
    <dl class="facts">
      <dt>Customer Company Name</dt>
      <dd>{props.order.customer.name}</dd>
      <dt>Customer Type</dt>
      <dd>{props.order.customer.customerType}</dd>
      <dt>Service Plan</dt>
      <dd>{props.order.customer.servicePlan}</dd>
      <dt>Order No. &amp; Title</dt>
      <dd>
        {props.order.number} {props.order.title}
      </dd>
      <dt>Order Type</dt>
      <dd>{statusLabel(props.order.type)}</dd>
      <dt>Order Status</dt>
      <dd>
        <span class="badge">{statusLabel(props.order.status)}</span>
      </dd>
      <dt>Order Date</dt>
      <dd>{formatDate(props.order.submittedAt)}</dd>
      <dt>Request to</dt>
      <dd>{props.order.requestTo.name}</dd>
      <dt>Order Reseller</dt>
      <dd>{props.order.reseller.name}</dd>
      <dt>Order User</dt>
      <dd>
        {props.order.orderUser.name} ({props.order.orderUser.email})
      </dd>
      <Show
        when={productChangeLabel(change().mode, change().product?.name, change().replaces?.name)}
      >
        {(label) => (
          <>
            <dt>Primary product</dt>
            <dd>{label()}</dd>
          </>
        )}
      </Show>
      <dt>Order Note</dt>
      <dd>{props.order.note || '—'}</dd>
      {/* The vendor's comment: "Approval Comment" in the approval notice (SPEC); a rejected
          order's comment is why it was rejected. */}
      <dt>{props.order.status === 'REJECTED' ? 'Rejection reason' : 'Approval Comment'}</dt>
      <dd>{props.order.approvalComment || '—'}</dd>
    </dl>
  );
}

/** Monthly cost per product before and after, at the reseller's contracted prices. */
export function CostTable(props: { cost: CostPreview }) {
  return (
    <div class="table-wrap">
      <table aria-label="Cost">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" class="num">
              Unit price
            </th>
            <th scope="col" class="num">
              Quantity before
            </th>
            <th scope="col" class="num">
              Quantity after
            </th>
            <th scope="col" class="num">
              Monthly before
            </th>
            <th scope="col" class="num">
              Monthly after
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.cost.lines}>
            {(line) => (
              <tr>
                <td>{line.product.name}</td>
                <td class="num">{formatMoney(line.unitPrice)}</td>
                <td class="num">{line.quantityBefore}</td>
                <td class="num">{line.quantityAfter}</td>
                <td class="num">{formatMoney(line.monthlyBefore)}</td>
                <td class="num">{formatMoney(line.monthlyAfter)}</td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Total monthly (change {props.cost.deltaMonthly.cents > 0 ? '+' : ''}
              {formatMoney(props.cost.deltaMonthly)})
            </th>
            <td class="num">{formatMoney(props.cost.currentMonthly)}</td>
            <td class="num">{formatMoney(props.cost.newMonthly)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** What happened to the order, oldest first. */
export function HistoryTable(props: { events: readonly OrderEvent[] }) {
  return (
    <Show when={props.events.length > 0} fallback={<Empty>No history yet.</Empty>}>
      <div class="table-wrap">
        <table aria-label="History">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">By</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.events}>
              {(event) => (
                <tr>
                  <td>{formatDate(event.at)}</td>
                  <td>{statusLabel(event.type)}</td>
                  <td>
                    {event.fromStatus ? `${statusLabel(event.fromStatus)} → ` : ''}
                    {statusLabel(event.toStatus)}
                  </td>
                  <td>{event.actor?.name ?? '—'}</td>
                  <td>{event.comment ?? ''}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
