import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, User } from '../auth/user.entity.js';
import type { ChangeOrder } from '../change-order/change-order.entity.js';
import { OrderEventType } from '../change-order/change-order.enums.js';
import type { OrderEvent } from '../change-order/order-event.entity.js';
import { Alert, AlertKind } from './alert.entity.js';

/**
 * The alerts an event raises (SPEC.md "The order's life"), written in the event's own
 * transaction so an event never exists without its alerts:
 * - SUBMITTED → ORDER_SUBMITTED for the vendor's approvers and admins;
 * - APPROVED → ORDER_TO_CONFIRM for the order user and the reseller's admins;
 * - REJECTED → ORDER_REJECTED for the order user.
 */
export async function raiseAlertsFor(
  em: EntityManager,
  event: OrderEvent,
  order: ChangeOrder,
): Promise<Alert[]> {
  let kind: AlertKind;
  let recipients: { id: string }[];
  switch (event.type) {
    case OrderEventType.SUBMITTED:
      kind = AlertKind.ORDER_SUBMITTED;
      recipients = await em.find(
        User,
        { organization: order.requestTo, role: { $in: [Role.VENDOR_APPROVER, Role.VENDOR_ADMIN] } },
        { fields: ['id'] },
      );
      break;
    case OrderEventType.APPROVED: {
      kind = AlertKind.ORDER_TO_CONFIRM;
      const admins = await em.find(
        User,
        { organization: order.reseller, role: Role.RESELLER_ADMIN },
        { fields: ['id'] },
      );
      recipients = [order.orderUser, ...admins];
      break;
    }
    case OrderEventType.REJECTED:
      kind = AlertKind.ORDER_REJECTED;
      recipients = [order.orderUser];
      break;
    default:
      return [];
  }
  const userIds = [...new Set(recipients.map((user) => user.id))];
  const alerts = userIds.map((userId) =>
    em.create(Alert, { kind, order, event, user: em.getReference(User, userId) }),
  );
  await em.flush();
  return alerts;
}
