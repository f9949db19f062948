import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Refusal } from '../../common/user-error.js';
import { inventoryChangedViolations } from '../change-order/change-order.rules.js';

export interface InventoryChange {
  productId: string;
  productName: string;
  billingAccountId: string;
  delta: number;
}

/**
 * Applies an order's deltas to a customer's inventory inside the caller's transaction.
 * The rows are locked first and checked against today's quantities: if any would go
 * below zero nothing is applied (INVENTORY_CHANGED, one error per such line). A missing
 * row counts as 0 and is inserted (ON CONFLICT adds, for a row inserted meanwhile).
 */
export async function applyInventoryChanges(
  tx: EntityManager,
  customerId: string,
  changes: readonly InventoryChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const rows = await tx.execute<
    { product_id: string; billing_account_id: string; quantity: number }[]
  >(
    `SELECT product_id, billing_account_id, quantity FROM inventory_line
     WHERE customer_id = ? AND (product_id, billing_account_id) IN (${changes.map(() => '(?, ?)').join(', ')})
     ORDER BY id FOR UPDATE`,
    [customerId, ...changes.flatMap((c) => [c.productId, c.billingAccountId])],
  );
  const current = new Map(rows.map((r) => [`${r.product_id}:${r.billing_account_id}`, r.quantity]));
  const errors = inventoryChangedViolations(
    changes.map((change) => ({
      delta: change.delta,
      current: current.get(`${change.productId}:${change.billingAccountId}`) ?? 0,
      productName: change.productName,
    })),
  );
  if (errors.length > 0) throw new Refusal(errors);

  for (const change of changes) {
    await addToInventory(tx, customerId, change.productId, change.billingAccountId, change.delta);
  }
}

/** quantity += delta for one row, creating it at `delta` when missing. */
export async function addToInventory(
  tx: EntityManager,
  customerId: string,
  productId: string,
  billingAccountId: string,
  delta: number,
): Promise<void> {
  await tx.execute(
    `INSERT INTO inventory_line (id, customer_id, product_id, billing_account_id, quantity, version, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, now())
     ON CONFLICT (customer_id, product_id, billing_account_id) DO UPDATE
       SET quantity = inventory_line.quantity + EXCLUDED.quantity,
           version = inventory_line.version + 1,
           updated_at = now()`,
    [randomUUID(), customerId, productId, billingAccountId, delta],
  );
}

/**
 * Moves every seat of `fromProductId` to `toProductId`, billing account by billing
 * account (the REPLACE of a product upgrade), after the deltas were applied.
 */
export async function moveSeats(
  tx: EntityManager,
  customerId: string,
  fromProductId: string,
  toProductId: string,
): Promise<void> {
  const moved = await tx.execute<{ billing_account_id: string; quantity: number }[]>(
    `UPDATE inventory_line SET quantity = 0, version = version + 1, updated_at = now()
     FROM (SELECT id, quantity AS before FROM inventory_line
           WHERE customer_id = ? AND product_id = ? AND quantity > 0 FOR UPDATE) AS old
     WHERE inventory_line.id = old.id
     RETURNING inventory_line.billing_account_id, old.before AS quantity`,
    [customerId, fromProductId],
  );
  for (const row of moved) {
    await addToInventory(tx, customerId, toProductId, row.billing_account_id, row.quantity);
  }
}
