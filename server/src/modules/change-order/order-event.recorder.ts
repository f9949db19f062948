import type { EntityManager } from '@mikro-orm/postgresql';
import { raiseAlertsFor } from '../alert/alert.raiser.js';
import { prepareOrderMail } from '../mail/order-mail.js';
import { User } from '../auth/user.entity.js';
import type { ChangeOrder } from './change-order.entity.js';
import { OrderEventType, OrderStatus } from './change-order.enums.js';
import { OrderEvent } from './order-event.entity.js';

/** The PostgreSQL NOTIFY channel announcing committed order events. */
export const ORDER_EVENTS_CHANNEL = 'order_events';

/** Any fixed number: the key of the lock that orders event writes. */
const EVENT_LOCK_KEY = 0x0c0_e7e7;

export interface EventData {
  type: OrderEventType;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  actorId: string;
  comment: string | null;
}

/** What happens to a draft stays the reseller's: vendors never see it. */
function vendorVisible(data: EventData): boolean {
  if (data.type === OrderEventType.CREATED || data.type === OrderEventType.UPDATED) return false;
  return !(data.type === OrderEventType.CANCELLED && data.fromStatus === OrderStatus.DRAFT);
}

/**
 * Writes an order's event (and the alerts, documents and mails it causes) as the last step
 * of the caller's transaction. Everything else is flushed first (documents are built
 * before the lock); then a transaction-level advisory lock,
 * held until commit, makes events take their sequence numbers in commit order, so a
 * reader resuming "after N" never misses an event that committed late with a number
 * below N. The lock is held only for these inserts and the commit.
 */
export async function recordEvent(
  em: EntityManager,
  order: ChangeOrder,
  data: EventData,
): Promise<OrderEvent> {
  const queueMail = await prepareOrderMail(em, data.type, order);
  await em.flush();
  await em.execute('SELECT pg_advisory_xact_lock(?)', [EVENT_LOCK_KEY]);
  const event = em.create(OrderEvent, {
    type: data.type,
    order,
    customer: order.customer,
    reseller: order.reseller,
    vendor: order.requestTo,
    vendorVisible: vendorVisible(data),
    actor: em.getReference(User, data.actorId),
    fromStatus: data.fromStatus,
    toStatus: data.toStatus,
    comment: data.comment,
  });
  await em.flush();
  await raiseAlertsFor(em, event, order);
  queueMail?.(event);
  await em.flush();
  // Delivered at commit (never for a rollback): wakes every instance's relay at once.
  await em.execute('SELECT pg_notify(?, ?)', [ORDER_EVENTS_CHANNEL, String(event.sequence)]);
  return event;
}
