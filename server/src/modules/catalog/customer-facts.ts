import type { EntityManager } from '@mikro-orm/postgresql';
import type { RuleFacts, RuleProduct } from '../change-order/change-order.rules.js';
import { PRODUCT_COLUMNS, productOfRow, type ProductColumns } from './product-columns.js';
import type { Product } from './product.entity.js';

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

/** One inventory row: how many of a product a billing account of a customer holds. */
export interface HeldQuantity {
  customerId: string;
  productId: string;
  billingAccountId: string;
  quantity: number;
}

interface ProductRow extends ProductColumns {
  upgrades_to: string[];
}

interface AgreementRow {
  vendor_id: string;
  reseller_id: string;
  currency: string;
  /** [product id, unit price in cents] pairs. */
  prices: [string, number][];
  add_on_ids: string[];
}

/** The vendors' catalogues in grid order, each product with the ids it may be upgraded to. */
const CATALOGUE_SQL = `
SELECT ${PRODUCT_COLUMNS},
       coalesce(array_agg(u.upgrade_id::text) FILTER (WHERE u.upgrade_id IS NOT NULL), '{}')
         AS upgrades_to
  FROM product p
  LEFT JOIN product_upgrade u ON u.product_id = p.id
 WHERE p.vendor_id IN (?)
 GROUP BY p.id
 ORDER BY p.position, p.name, p.id`;

/** The agreements between these vendors and resellers, with their prices and add-ons. */
const AGREEMENTS_SQL = `
SELECT a.vendor_id, a.reseller_id, a.currency,
       coalesce((SELECT json_agg(json_build_array(ap.product_id, ap.unit_price_cents))
                   FROM agreement_price ap WHERE ap.agreement_id = a.id), '[]') AS prices,
       coalesce((SELECT array_agg(ao.product_id::text)
                   FROM agreement_add_on ao WHERE ao.agreement_id = a.id), '{}') AS add_on_ids
  FROM agreement a
 WHERE a.vendor_id IN (?) AND a.reseller_id IN (?)`;

const INVENTORY_SQL = `
SELECT customer_id AS "customerId", product_id AS "productId",
       billing_account_id AS "billingAccountId", quantity
  FROM inventory_line
 WHERE customer_id IN (?)`;

/**
 * Loads the facts of many customers in three statements (catalogues of their vendors,
 * their agreements, their inventory), whatever their count. `inventoryOf` lets a request
 * share the inventory it already reads elsewhere.
 *
 * Plain SQL rather than `em.find`: the submit and every order's cost preview read these,
 * and through MikroORM the two joined reads (products with their upgrades, agreements with
 * prices and add-ons) cost several times the CPU of the statements themselves (`pnpm
 * bench`: "CPU per catalogue read"). The catalogue's products are mapped on a fork of
 * their own, outside the caller's identity map: facts are read-only, and a transaction's
 * flush would otherwise compare every product it read against a snapshot.
 */
export async function loadCustomerFacts(
  em: EntityManager,
  customers: readonly CustomerRef[],
  inventoryOf: (customerIds: string[]) => Promise<HeldQuantity[]> = (customerIds) =>
    em.execute<HeldQuantity[]>(INVENTORY_SQL, [customerIds]),
): Promise<Map<string, CustomerFacts>> {
  const vendorIds = [...new Set(customers.map((c) => c.vendor.id))];
  const resellerIds = [...new Set(customers.map((c) => c.reseller.id))];
  const [productRows, agreements, inventory] = await Promise.all([
    em.execute<ProductRow[]>(CATALOGUE_SQL, [vendorIds]),
    em.execute<AgreementRow[]>(AGREEMENTS_SQL, [vendorIds, resellerIds]),
    inventoryOf(customers.map((c) => c.id)),
  ]);
  const detached = em.fork({ clear: true });
  const catalogue = productRows.map((row) => ({
    product: productOfRow(detached, row),
    upgradesTo: row.upgrades_to,
  }));

  const facts = new Map<string, CustomerFacts>();
  for (const customer of customers) {
    const products = catalogue.filter(({ product }) => product.vendor.id === customer.vendor.id);
    const agreement = agreements.find(
      (a) => a.vendor_id === customer.vendor.id && a.reseller_id === customer.reseller.id,
    );
    const held = new Map<string, number>();
    const quantities = new Map<string, number>();
    for (const line of inventory) {
      if (line.customerId !== customer.id) continue;
      quantities.set(inventoryKey(line.productId, line.billingAccountId), line.quantity);
      held.set(line.productId, (held.get(line.productId) ?? 0) + line.quantity);
    }
    facts.set(customer.id, {
      customerId: customer.id,
      catalogue: products.map(({ product }) => product),
      products: new Map(
        products.map(({ product, upgradesTo }) => [
          product.id,
          { id: product.id, name: product.name, kind: product.kind, upgradesTo },
        ]),
      ),
      enabledAddOnIds: new Set(agreement?.add_on_ids ?? []),
      prices: new Map(agreement?.prices ?? []),
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
