/** The pieces of an order screen, each from plain data: facts, items, documents, history. */
import { createMemo, For, Show } from 'solid-js';
import type { Client } from '@urql/core';
import {
  DownloadLink,
  Empty,
  formatDate,
  formatMoney,
  ItemHeadCells,
  productChangeLabel,
  signed,
  statusLabel,
} from '@portal/web-shared';
import type { License, Order, OrderDocument, OrderEvent, OrderLine } from './documents';
import { historyLabel, historyRows } from './history';

/** The order's notice fields, in the seed portal's words. */
export function OrderFacts(props: { order: Order }) {
  const change = () => props.order.productChange;
  return (
    <dl class="facts">
      <dt>Customer Company Name</dt>
      <dd>{props.order.customer.name}</dd>
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
      <dd>{props.order.orderUser.name}</dd>
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
      <dt>Monthly cost</dt>
      <dd>
        {formatMoney(props.order.costPreview.currentMonthly)} →{' '}
        {formatMoney(props.order.costPreview.newMonthly)}
      </dd>
      <dt>Order Note</dt>
      <dd>{props.order.note || '—'}</dd>
      {/* The vendor's comment: "Approval Comment" in the approval notice (SPEC); a rejected
          order's comment is why it was rejected. */}
      <dt>{props.order.status === 'REJECTED' ? 'Rejection reason' : 'Approval Comment'}</dt>
      <dd>{props.order.approvalComment || '—'}</dd>
      <Show when={props.order.confirmedAt}>
        <dt>Confirmed</dt>
        <dd>{formatDate(props.order.confirmedAt)}</dd>
      </Show>
    </dl>
  );
}

/**
 * The customer's licence grid after the change; rows the order touched show its delta, and
 * the primary product change where it moved seats (a Select New moves the replaced
 * product's seats, delta included, to the new one: its row alone would read "+5" at 0).
 */
export function InventoryTable(props: {
  licenses: readonly License[];
  lines: readonly OrderLine[];
  productChange: Order['productChange'];
}) {
  const deltaOf = (license: License) =>
    props.lines.find(
      (line) =>
        line.product.id === license.product.id &&
        line.billingAccount.id === license.billingAccount.id,
    )?.delta;
  const changeOf = (license: License): string => {
    const delta = deltaOf(license);
    const parts = delta === undefined ? [] : [signed(delta)];
    const { mode, product, replaces } = props.productChange;
    if (mode === 'REPLACE' && license.product.id === replaces?.id)
      parts.push(`moved to ${product?.name ?? 'the new product'}`);
    if (mode === 'REPLACE' && license.product.id === product?.id)
      parts.push(`moved from ${replaces?.name ?? 'the replaced product'}`);
    if (mode === 'ADD' && license.product.id === product?.id) parts.push('added');
    return parts.join(', ');
  };
  return (
    <div class="table-wrap">
      <table aria-label="New inventory">
        <thead>
          <tr>
            <ItemHeadCells />
            <th scope="col" class="num">
              Changed by this order
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.licenses}>
            {(license) => (
              <tr>
                <td>{license.product.itemGroup}</td>
                <td>{license.product.name}</td>
                <td>{license.billingAccount.name}</td>
                <td class="num">
                  <Show when={changeOf(license) !== ''} fallback={license.available}>
                    <strong>{license.available}</strong>
                  </Show>
                </td>
                <td class="num">{changeOf(license)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

const KIND_LABEL: Record<string, string> = {
  ADDENDUM: 'Order addendum (PDF)',
  APPROVAL_SHEET: 'Approval sheet (XLSX)',
};

/** The order's documents, each a download link (renewed on click once it has expired). */
export function DocumentList(props: { client: Client; documents: readonly OrderDocument[] }) {
  return (
    <Show when={props.documents.length > 0} fallback={<Empty>No documents yet.</Empty>}>
      <ul>
        <For each={props.documents}>
          {(document) => (
            <li>
              <DownloadLink client={props.client} file={document} />{' '}
              <span class="badge">{KIND_LABEL[document.kind] ?? document.kind}</span>{' '}
              {(document.byteSize / 1024).toFixed(1)} KB
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** What happened to the order, oldest first; a run of a draft's edits is one row. */
export function HistoryTable(props: { events: readonly OrderEvent[] }) {
  const rows = createMemo(() => historyRows(props.events));
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
            <For each={rows()}>
              {(row) => (
                <tr>
                  <td>{formatDate(row.event.at)}</td>
                  <td>{historyLabel(row)}</td>
                  <td>
                    {row.event.fromStatus ? `${statusLabel(row.event.fromStatus)} → ` : ''}
                    {statusLabel(row.event.toStatus)}
                  </td>
                  <td>{row.event.actor?.name ?? '—'}</td>
                  <td>{row.event.comment ?? ''}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
