import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, User } from '../auth/user.entity.js';
import type { ChangeOrder } from '../change-order/change-order.entity.js';
import { OrderEventType } from '../change-order/change-order.enums.js';
import type { OrderEvent } from '../change-order/order-event.entity.js';
import { Alert, AlertKind } from './alert.entity.js';

/** Which alert an event raises, and for whom. */
export interface AlertPlan {
  kind: AlertKind;
  userIds: string[];
}

/**
 * The alerts an event of this type raises (SPEC.md "The order's life"):
 * - SUBMITTED → ORDER_SUBMITTED for the vendor's approvers and admins;
 * - APPROVED → ORDER_TO_CONFIRM for the order user and the reseller's admins;
 * - REJECTED → ORDER_REJECTED for the order user.
 * Read before the event is written (recordEvent takes the event lock only after), so no
 * other order's event waits on this lookup.
 */
export async function planAlerts(
  em: EntityManager,
  type: OrderEventType,
  order: ChangeOrder,
): Promise<AlertPlan | null> {
  let kind: AlertKind;
  let recipients: { id: string }[];
  switch (type) {
    case OrderEventType.SUBMITTED:
      kind = AlertKind.ORDER_SUBMITTED;
      recipients = await usersWithRoles(em, order.requestTo.id, [
        Role.VENDOR_APPROVER,
        Role.VENDOR_ADMIN,
      ]);
      break;
    case OrderEventType.APPROVED: {
      kind = AlertKind.ORDER_TO_CONFIRM;
      const admins = await usersWithRoles(em, order.reseller.id, [Role.RESELLER_ADMIN]);
      recipients = [order.orderUser, ...admins];
      break;
    }
    case OrderEventType.REJECTED:
      kind = AlertKind.ORDER_REJECTED;
      recipients = [order.orderUser];
      break;
    default:
      return null;
  }
  return { kind, userIds: [...new Set(recipients.map((user) => user.id))] };
}

/**
 * The ids of an organisation's users with one of these roles. Plain SQL: every submit and
 * approval runs it, and MikroORM's query building for it cost more CPU than the statement.
 */
function usersWithRoles(em: EntityManager, organizationId: string, roles: Role[]) {
  return em.execute<{ id: string }[]>(
    'SELECT id FROM app_user WHERE organization_id = ? AND role IN (?)',
    [organizationId, roles],
  );
}

/**
 * The planned alerts of an event, created in its unit of work (flushed with the event, in
 * its transaction: an event never exists without its alerts).
 */
export function raiseAlerts(
  em: EntityManager,
  plan: AlertPlan | null,
  event: OrderEvent,
  order: ChangeOrder,
): Alert[] {
  if (!plan) return [];
  return plan.userIds.map((userId) =>
    em.create(Alert, { kind: plan.kind, order, event, user: em.getReference(User, userId) }),
  );
}
