/**
 * Shortcuts for API tests that need an order in some state: a draft with lines in one call,
 * a submitted or approved order, and a snapshot of everything a refused mutation must leave
 * as it was.
 */
import { expect } from 'vitest';
import { expectOk, type Api, type Payload } from './api.js';
import {
  APPROVE,
  CREATE_ORDER,
  ORDER,
  SET_LINES,
  SET_PRODUCT_CHANGE,
  SUBMIT,
} from './documents.js';

export type Order = Record<string, any> & { id: string; version: number; status: string };

/** Order(+/-) per grid product name, e.g. `{ 'Stand Alone VM': -1 }`. */
export type Deltas = Record<string, number>;

export interface ProductChangeSpec {
  mode: 'KEEP' | 'ADD' | 'REPLACE';
  /** Product names, as in the grid. */
  product?: string;
  replaces?: string;
}

/** The grid lines of `deltas` as OrderLineInput, in the order given. */
export async function lineInputs(api: Api, customerId: string, deltas: Deltas) {
  const grid = await api.grid(customerId);
  return Object.entries(deltas).map(([name, delta]) => {
    const row = grid.get(name);
    if (!row) throw new Error(`no ${name} in the grid`);
    return { productId: row.product.id, billingAccountId: row.billingAccount.id, delta };
  });
}

/** The global id of a product of the customer's grid, by name. */
export async function productId(api: Api, customerId: string, name: string): Promise<string> {
  const row = (await api.grid(customerId)).get(name);
  if (!row) throw new Error(`no ${name} in the grid`);
  return row.product.id;
}

/**
 * A DRAFT of `api`'s reseller for the named customer with these lines and, optionally, a
 * product change; each step must succeed. Returns the order as the last edit left it.
 */
export async function draftOrder(
  api: Api,
  customerName: string,
  deltas: Deltas = {},
  options: { title?: string; productChange?: ProductChangeSpec } = {},
): Promise<Order> {
  const customerId = await api.customerId(customerName);
  const created = await api.mutate(CREATE_ORDER, {
    customerId,
    title: options.title ?? `Change for ${customerName}`,
  });
  expectOk(created);
  let order = created.order as Order;
  if (Object.keys(deltas).length > 0) {
    const edited = await api.mutate(SET_LINES, {
      orderId: order.id,
      lines: await lineInputs(api, customerId, deltas),
    });
    expectOk(edited);
    order = edited.order as Order;
  }
  if (options.productChange) {
    const { mode, product, replaces } = options.productChange;
    const changed = await api.mutate(SET_PRODUCT_CHANGE, {
      orderId: order.id,
      mode,
      productId: product ? await productId(api, customerId, product) : null,
      replacesProductId: replaces ? await productId(api, customerId, replaces) : null,
    });
    expectOk(changed);
    order = changed.order as Order;
  }
  return order;
}

/** Submits with both tick boxes ticked (plus whatever `extra` adds); returns the payload. */
export function submit(
  api: Api,
  order: { id: string },
  extra: Record<string, unknown> = {},
): Promise<Payload> {
  return api.mutate(SUBMIT, {
    orderId: order.id,
    msaAccepted: true,
    authorizationConfirmed: true,
    ...extra,
  });
}

/** A draft like `draftOrder`'s, submitted. */
export async function submittedOrder(
  api: Api,
  customerName: string,
  deltas: Deltas,
  options?: { title?: string; productChange?: ProductChangeSpec },
): Promise<Order> {
  const draft = await draftOrder(api, customerName, deltas, options);
  const submitted = await submit(api, draft);
  expectOk(submitted);
  return submitted.order as Order;
}

/** A submitted order, approved by `vendor`: it awaits the reseller's Final Confirm. */
export async function approvedOrder(
  reseller: Api,
  vendor: Api,
  customerName: string,
  deltas: Deltas,
  options?: { title?: string; productChange?: ProductChangeSpec },
): Promise<Order> {
  const order = await submittedOrder(reseller, customerName, deltas, options);
  const approved = await vendor.mutate(APPROVE, { orderId: order.id, comment: 'OK' });
  expectOk(approved);
  return approved.order as Order;
}

/** The order as `api` sees it now (null when it does not exist for the viewer). */
export async function readOrder(api: Api, id: string): Promise<Order | null> {
  return (await api.call<{ changeOrder: Order | null }>(ORDER, { id })).changeOrder;
}

/** The customer's grid as product name → available. */
export async function quantities(api: Api, customerId: string): Promise<Record<string, number>> {
  const grid = await api.grid(customerId);
  return Object.fromEntries([...grid].map(([name, row]) => [name, row.available]));
}

/**
 * What a refused mutation must not change: the order's status, version, header, lines,
 * product change, tick boxes and history, and the customer's inventory.
 */
export async function observe(api: Api, order: { id: string }) {
  const now = await readOrder(api, order.id);
  if (!now) throw new Error(`order ${order.id} is not visible`);
  return {
    status: now.status,
    version: now.version,
    title: now.title,
    note: now.note,
    implementationLead: now.implementationLead,
    msaAccepted: now.msaAccepted,
    authorizationConfirmed: now.authorizationConfirmed,
    approvalComment: now.approvalComment,
    lines: now.lines,
    productChange: now.productChange,
    history: now.history,
    inventory: await quantities(api, now.customer.id),
  };
}

/** The event types of an order's history, oldest first. */
export async function historyTypes(api: Api, id: string): Promise<string[]> {
  const order = await readOrder(api, id);
  expect(order, `order ${id} is not visible`).not.toBeNull();
  return order!.history.map((event: { type: string }) => event.type);
}

/** Splits the payloads of a burst of concurrent calls into successes and refusal codes. */
export function outcomes(payloads: Payload[]) {
  const succeeded = payloads.filter((p) => p.userErrors.length === 0);
  const refusedWith = payloads
    .filter((p) => p.userErrors.length > 0)
    .map((p) => p.userErrors.map((error) => error.code).join(','));
  return { succeeded, refusedWith };
}
