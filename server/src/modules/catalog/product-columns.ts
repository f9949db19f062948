import type { EntityManager } from '@mikro-orm/postgresql';
import { Product } from './product.entity.js';

/**
 * A product's columns as the hand-written reads select them (`FROM product p`), so that
 * each turns its rows into Product entities the same way.
 */
export const PRODUCT_COLUMNS = `p.id AS product_id, p.sku, p.name AS product_name,
       p.item_group, p.kind, p.position, p.vendor_id`;

export interface ProductColumns {
  product_id: string;
  sku: string;
  product_name: string;
  item_group: string;
  kind: Product['kind'];
  position: number;
  vendor_id: string;
}

/** The row's product as an entity of `em` (merged into its identity map). */
export function productOfRow(em: EntityManager, row: ProductColumns): Product {
  return em.map(Product, {
    id: row.product_id,
    sku: row.sku,
    name: row.product_name,
    item_group: row.item_group,
    kind: row.kind,
    position: row.position,
    vendor_id: row.vendor_id,
  });
}
