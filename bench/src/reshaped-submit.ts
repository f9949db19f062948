import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  EVENT_LOCK_KEY,
  ORDER_EVENTS_CHANNEL,
} from '../../server/src/modules/change-order/order-event.recorder.js';

/**
 * A submit as BENCHMARKS.md's "What would reach the submit's target" proposes it, written
 * by hand against the portal's schema: the same reads and writes as the portal's submit
 * (the order locked with its customer and lines; the vendor's catalogue with upgrades, the
 * agreement with prices and add-ons and the customer's inventory; each line's frozen
 * `available`, the held quantities, the status, stamp and version; the event lock and
 * NOTIFY; the event with its alerts), in 7 round trips with `BEGIN` and `COMMIT` instead of
 * 13, as named prepared statements (planned once per connection). The rules themselves are
 * not run (they are microseconds of JavaScript). It is a measuring stick, not code the
 * server runs: it tells how far a rewrite of the write path could go before anyone writes it.
 */

const LOCK_ORDER = `
SELECT o.customer_id, o.reseller_id, o.request_to_id, o.order_user_id, row_to_json(c) AS customer,
       (SELECT coalesce(json_agg(l ORDER BY l.position), '[]')
          FROM change_order_line l WHERE l.order_id = o.id) AS lines
  FROM change_order o JOIN customer c ON c.id = o.customer_id
 WHERE o.id = $1 AND o.reseller_id = $2
   FOR UPDATE OF o`;

const FACTS = `
SELECT (SELECT coalesce(json_agg(x ORDER BY x.position, x.name, x.id), '[]') FROM (
          SELECT p.id, p.sku, p.name, p.item_group, p.kind, p.position,
                 coalesce(array_agg(u.upgrade_id::text) FILTER (WHERE u.upgrade_id IS NOT NULL), '{}')
                   AS upgrades_to
            FROM product p LEFT JOIN product_upgrade u ON u.product_id = p.id
           WHERE p.vendor_id = $1 GROUP BY p.id) x) AS catalogue,
       (SELECT json_build_object(
                 'currency', a.currency,
                 'prices', coalesce((SELECT json_agg(json_build_array(ap.product_id, ap.unit_price_cents))
                                       FROM agreement_price ap WHERE ap.agreement_id = a.id), '[]'),
                 'addOns', coalesce((SELECT array_agg(ao.product_id::text)
                                       FROM agreement_add_on ao WHERE ao.agreement_id = a.id), '{}'))
          FROM agreement a WHERE a.vendor_id = $1 AND a.reseller_id = $2) AS agreement,
       (SELECT coalesce(json_agg(json_build_array(product_id, billing_account_id, quantity)), '[]')
          FROM inventory_line WHERE customer_id = $3) AS inventory`;

const SUBMIT_ORDER = `
WITH lines AS (
  UPDATE change_order_line l SET frozen_available = v.available
    FROM unnest($2::uuid[], $3::int[]) AS v(id, available) WHERE l.id = v.id)
UPDATE change_order
   SET status = 'SUBMITTED', msa_accepted = true, authorization_confirmed = true,
       held_at_submission = $4, submitted_at = now(), version = version + 1
 WHERE id = $1 AND status = 'DRAFT'`;

const EVENT_LOCK = 'SELECT pg_advisory_xact_lock($1), pg_notify($2, $3)';

const EVENT_WITH_ALERTS = `
WITH event AS (
  INSERT INTO order_event (id, type, order_id, customer_id, reseller_id, vendor_id, vendor_visible,
                           actor_id, from_status, to_status, comment, at)
  VALUES ($1, 'SUBMITTED', $2, $3, $4, $5, true, $6, 'DRAFT', 'SUBMITTED', null, now())
  RETURNING id)
INSERT INTO alert (id, kind, order_id, event_id, user_id, created_at)
SELECT gen_random_uuid(), 'ORDER_SUBMITTED', $2, event.id, u.id, now()
  FROM event, app_user u
 WHERE u.organization_id = $5 AND u.role IN ('VENDOR_APPROVER', 'VENDOR_ADMIN')`;

/** BEGIN, the five statements below, COMMIT. */
export const RESHAPED_ROUND_TRIPS = 7;

interface LockedOrder {
  customer_id: string;
  reseller_id: string;
  request_to_id: string;
  order_user_id: string;
  lines: { id: string; product_id: string; billing_account_id: string }[];
}

interface Facts {
  catalogue: { id: string }[];
  inventory: [productId: string, billingAccountId: string, quantity: number][];
}

/** Submits one draft of `resellerId` in one transaction on `client`. */
export async function reshapedSubmit(
  client: pg.Client,
  orderId: string,
  resellerId: string,
): Promise<void> {
  await client.query('BEGIN');
  try {
    const {
      rows: [order],
    } = await client.query<LockedOrder>({
      name: 'lock-order',
      text: LOCK_ORDER,
      values: [orderId, resellerId],
    });
    if (!order) throw new Error(`no draft ${orderId}`);
    const {
      rows: [facts],
    } = await client.query<Facts>({
      name: 'facts',
      text: FACTS,
      values: [order.request_to_id, order.reseller_id, order.customer_id],
    });
    const quantity = new Map<string, number>();
    const held = new Map<string, number>();
    for (const [productId, accountId, count] of facts!.inventory) {
      quantity.set(`${productId}:${accountId}`, count);
      held.set(productId, (held.get(productId) ?? 0) + count);
    }
    const submitted = await client.query({
      name: 'submit-order',
      text: SUBMIT_ORDER,
      values: [
        orderId,
        order.lines.map((line) => line.id),
        order.lines.map(
          (line) => quantity.get(`${line.product_id}:${line.billing_account_id}`) ?? 0,
        ),
        JSON.stringify(
          Object.fromEntries(facts!.catalogue.map((p) => [p.id, held.get(p.id) ?? 0])),
        ),
      ],
    });
    if (submitted.rowCount !== 1) throw new Error(`draft ${orderId} was not submitted`);
    await client.query({
      name: 'event-lock',
      text: EVENT_LOCK,
      values: [EVENT_LOCK_KEY, ORDER_EVENTS_CHANNEL, ''],
    });
    await client.query({
      name: 'event-with-alerts',
      text: EVENT_WITH_ALERTS,
      values: [
        randomUUID(),
        orderId,
        order.customer_id,
        order.reseller_id,
        order.request_to_id,
        order.order_user_id,
      ],
    });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
