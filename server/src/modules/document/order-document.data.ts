import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { loadOneCustomerFacts } from '../catalog/customer-facts.js';
import { type ChangeOrder, ChangeOrderLine } from '../change-order/change-order.entity.js';
import { ProductChangeMode } from '../change-order/change-order.enums.js';
import { orderCostFigures } from '../change-order/order-cost.js';
import type { CostFigures } from '../change-order/cost-preview.js';
import { Contact, Customer, Site } from '../customer/customer.entity.js';
import { Organization } from '../organization/organization.entity.js';

/** Everything the approval notice, the sheet and the addendum show about one order. */
export interface OrderDocumentData {
  order: ChangeOrder;
  customer: Customer;
  site: Site | null;
  vendor: Organization;
  reseller: Organization;
  orderUser: User;
  implementationLead: Contact | null;
  lines: {
    itemGroup: string;
    itemName: string;
    billingAccount: string;
    available: number;
    delta: number;
    toBe: number;
  }[];
  cost: CostFigures & { productNames: Map<string, string> };
  currency: string;
  /**
   * The primary product change in the wizard's words, or null for Keep Existing. The item
   * lines alone would hide it: a Select New order's lines show the replaced product's seats
   * growing, while the seats move to the new product.
   */
  productChange: string | null;
}

/** Reads an order's document data inside the caller's transaction. */
export async function loadOrderDocumentData(
  em: EntityManager,
  order: ChangeOrder,
): Promise<OrderDocumentData> {
  const [customer, vendor, reseller, orderUser, site, implementationLead, lines] =
    await Promise.all([
      em.findOneOrFail(Customer, order.customer.id),
      em.findOneOrFail(Organization, order.requestTo.id),
      em.findOneOrFail(Organization, order.reseller.id),
      em.findOneOrFail(User, order.orderUser.id),
      order.site ? em.findOne(Site, order.site.id) : null,
      order.implementationLead ? em.findOne(Contact, order.implementationLead.id) : null,
      em.find(
        ChangeOrderLine,
        { order },
        { populate: ['product', 'billingAccount'], orderBy: { position: 'asc' } },
      ),
    ]);
  const facts = await loadOneCustomerFacts(em, customer);
  const available = (line: ChangeOrderLine) => line.frozenAvailable ?? 0;
  const cost = orderCostFigures(order, lines, available, facts);
  const productNames = new Map(facts.catalogue.map((p) => [p.id, p.name]));
  return {
    order,
    customer,
    site,
    vendor,
    reseller,
    orderUser,
    implementationLead,
    lines: lines.map((line) => ({
      itemGroup: line.product.itemGroup,
      itemName: line.product.name,
      billingAccount: line.billingAccount.name,
      available: available(line),
      delta: line.delta,
      toBe: available(line) + line.delta,
    })),
    cost: { ...cost, productNames },
    currency: facts.currency,
    productChange: describeProductChange(order, productNames),
  };
}

/**
 * "Select New: Email Security Essentials replaced by Email Security Advanced (the seats
 * move)", "Add to: Email Security Advanced", or null. Plain words and no arrows: the PDF's
 * standard fonts have no glyph for them.
 */
export function describeProductChange(
  order: Pick<ChangeOrder, 'productChangeMode' | 'productChangeProduct' | 'productChangeReplaces'>,
  productNames: ReadonlyMap<string, string>,
): string | null {
  const name = (product: { id: string } | null | undefined) =>
    (product && productNames.get(product.id)) ?? 'a product no longer in the catalogue';
  switch (order.productChangeMode) {
    case ProductChangeMode.REPLACE:
      return `Select New: ${name(order.productChangeReplaces)} replaced by ${name(order.productChangeProduct)} (the seats move)`;
    case ProductChangeMode.ADD:
      return `Add to: ${name(order.productChangeProduct)}`;
    default:
      return null;
  }
}

/** "12.50 USD" from cents: presentation only; sums stay in cents. */
export function formatMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/** "2026-11-23 18:37 UTC" */
export function formatDate(date: Date | null | undefined): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
}

/** The notice fields of the approval e-mail and sheet, in the seed portal's order and words. */
export function noticeFields(data: OrderDocumentData): [string, string][] {
  const { order } = data;
  return [
    ['Customer Company Name', data.customer.name],
    ['Customer Type', data.customer.customerType],
    ['Order No. & Title', `${order.number} ${order.title}`],
    ['Service Plan', data.customer.servicePlan],
    ['Order Type', 'Change'],
    ['Order Status', statusLabel(order.status)],
    ['Order Date', formatDate(order.submittedAt)],
    ['Request to', data.vendor.name],
    ['Order Reseller', data.reseller.name],
    ['Order User', data.orderUser.name],
    ['Order Note', order.note ?? ''],
    ['Approval Comment', order.approvalComment ?? ''],
  ];
}

function statusLabel(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

export const ITEM_COLUMNS = [
  'Item Group',
  'Item Name',
  'Billing Account',
  'Available',
  'Order(+/-)',
  'To Be(EA)',
];
