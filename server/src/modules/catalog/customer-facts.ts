import type { EntityManager } from '@mikro-orm/postgresql';
import type { RuleFacts, RuleProduct } from '../change-order/change-order.rules.js';
import { InventoryLine } from '../inventory/inventory-line.entity.js';
import { Agreement } from './agreement.entity.js';
import { Product } from './product.entity.js';

/** What the rules, the grid and the cost preview need to know about one customer. */
export interface CustomerFacts extends RuleFacts {
  customerId: string;
  /** The vendor's catalogue, in grid order. */
  catalogue: Product[];
  products: Map<string, RuleProduct>;
  /** Contracted monthly unit price (cents) per product id; absent where none is agreed. */
  prices: Map<string, number>;
  currency: string;
  /** Quantity held per `${productId}:${billingAccountId}`; absent means 0. */
  inventory: Map<string, number>;
}

export interface CustomerRef {
  id: string;
  reseller: { id: string };
  vendor: { id: string };
}

export const inventoryKey = (productId: string, billingAccountId: string) =>
  `${productId}:${billingAccountId}`;

/**
 * Loads the facts of many customers in a fixed number of queries (catalogues of their
 * vendors, their agreements, their inventory), whatever their count. `inventoryOf` lets a
 * request share the inventory it already reads elsewhere. Facts are read-only: loaded
 * outside the identity map, so a transaction's flush does not compare every product and
 * price it read against a snapshot (a large part of a submit's CPU otherwise).
 */
export async function loadCustomerFacts(
  em: EntityManager,
  customers: readonly CustomerRef[],
  inventoryOf: (customerIds: string[]) => Promise<InventoryLine[]> = (customerIds) =>
    em.find(InventoryLine, { customer: { $in: customerIds } }, { disableIdentityMap: true }),
): Promise<Map<string, CustomerFacts>> {
  const vendorIds = [...new Set(customers.map((c) => c.vendor.id))];
  const resellerIds = [...new Set(customers.map((c) => c.reseller.id))];
  const [catalogue, agreements, inventory] = await Promise.all([
    em.find(
      Product,
      { vendor: { $in: vendorIds } },
      {
        populate: ['upgradesTo'],
        orderBy: { position: 'asc', name: 'asc' },
        strategy: 'joined',
        disableIdentityMap: true,
      },
    ),
    em.find(
      Agreement,
      { vendor: { $in: vendorIds }, reseller: { $in: resellerIds } },
      { populate: ['prices', 'enabledAddOns'], strategy: 'joined', disableIdentityMap: true },
    ),
    inventoryOf(customers.map((c) => c.id)),
  ]);

  const facts = new Map<string, CustomerFacts>();
  for (const customer of customers) {
    const products = catalogue.filter((p) => p.vendor.id === customer.vendor.id);
    const agreement = agreements.find(
      (a) => a.vendor.id === customer.vendor.id && a.reseller.id === customer.reseller.id,
    );
    const held = new Map<string, number>();
    const quantities = new Map<string, number>();
    for (const line of inventory) {
      if (line.customer.id !== customer.id) continue;
      quantities.set(inventoryKey(line.product.id, line.billingAccount.id), line.quantity);
      held.set(line.product.id, (held.get(line.product.id) ?? 0) + line.quantity);
    }
    facts.set(customer.id, {
      customerId: customer.id,
      catalogue: products,
      products: new Map(
        products.map((p) => [
          p.id,
          {
            id: p.id,
            name: p.name,
            kind: p.kind,
            upgradesTo: p.upgradesTo.getItems().map((u) => u.id),
          },
        ]),
      ),
      enabledAddOnIds: new Set(agreement?.enabledAddOns.getItems().map((p) => p.id) ?? []),
      prices: new Map(
        agreement?.prices.getItems().map((price) => [price.product.id, price.unitPriceCents]) ?? [],
      ),
      currency: agreement?.currency ?? 'USD',
      inventory: quantities,
      heldQuantity: (productId: string) => held.get(productId) ?? 0,
    });
  }
  return facts;
}

export async function loadOneCustomerFacts(
  em: EntityManager,
  customer: CustomerRef,
): Promise<CustomerFacts> {
  return (await loadCustomerFacts(em, [customer])).get(customer.id)!;
}
