import type { EntityManager } from '@mikro-orm/postgresql';
import { planAlerts, raiseAlerts } from '../alert/alert.raiser.js';
import { prepareOrderMail } from '../mail/order-mail.js';
import { User } from '../auth/user.entity.js';
import type { ChangeOrder } from './change-order.entity.js';
import { OrderEventType, OrderStatus } from './change-order.enums.js';
import { OrderEvent } from './order-event.entity.js';

/** The PostgreSQL NOTIFY channel announcing committed order events. */
export const ORDER_EVENTS_CHANNEL = 'order_events';

/** Any fixed number: the key of the lock that orders event writes. */
export const EVENT_LOCK_KEY = 0x0c0_e7e7;

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
 * of the caller's transaction. Everything that does not need the event is done first:
 * documents built, alert recipients read, the order's changes flushed. Then a
 * transaction-level advisory lock, held until commit, makes events take their sequence
 * numbers in commit order, so a reader resuming "after N" never misses an event that
 * committed late with a number below N. Under the lock there is one flush (the event, its
 * alerts and mails) and the commit: every order's event waits for that, and no more.
 */
export async function recordEvent(
  em: EntityManager,
  order: ChangeOrder,
  data: EventData,
): Promise<OrderEvent> {
  const queueMail = await prepareOrderMail(em, data.type, order);
  const alerts = await planAlerts(em, data.type, order);
  await em.flush();
  // One round trip for both: the lock, and the NOTIFY that PostgreSQL delivers at commit
  // (never for a rollback) to wake every instance's relay. Its payload is unused: a relay
  // reads whatever committed after the last event it delivered.
  await em.execute('SELECT pg_advisory_xact_lock(?), pg_notify(?, ?)', [
    EVENT_LOCK_KEY,
    ORDER_EVENTS_CHANNEL,
    '',
  ]);
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
  raiseAlerts(em, alerts, event, order);
  queueMail?.(event);
  await em.flush();
  return event;
}
