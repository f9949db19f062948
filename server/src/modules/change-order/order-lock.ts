import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idOfType } from '../../common/global-id.js';
import { refuse, UserErrorCode } from '../../common/user-error.js';
import { orderScope } from '../auth/access.js';
import type { Viewer } from '../auth/viewer.js';
import { ChangeOrder } from './change-order.entity.js';
import { OrderStatus } from './change-order.enums.js';

/**
 * Finds an order the viewer may see and locks its row for the rest of the transaction, so
 * concurrent writes of one order run one after the other and each sees the last one's result.
 * Refuses NOT_FOUND for an id that is not the viewer's, STALE_VERSION for an old version.
 *
 * The customer's row is locked too (FOR UPDATE covers every table of the join), so the
 * writes of one customer's orders also run one at a time. That is relied on: a Final
 * Confirm locks inventory rows in id order but an upgrade's seat move locks others after
 * them, and two such confirms of one customer could otherwise deadlock.
 */
export async function lockOrder(
  tx: EntityManager,
  viewer: Viewer,
  orderId: string,
  expectedVersion?: number | null,
): Promise<ChangeOrder> {
  const id = idOfType(orderId, 'ChangeOrder');
  const order = id
    ? await tx.findOne(
        ChangeOrder,
        { id, ...orderScope(viewer) },
        { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['customer'] },
      )
    : null;
  if (!order) refuse(UserErrorCode.NOT_FOUND, 'No such order.', ['orderId']);
  if (expectedVersion != null && expectedVersion !== order.version) {
    refuse(
      UserErrorCode.STALE_VERSION,
      `Order ${order.number} has changed (version ${order.version}, you had ${expectedVersion}); reload it.`,
      ['expectedVersion'],
    );
  }
  return order;
}

/** Only drafts are edited; anything else is INVALID_TRANSITION. */
export function assertDraft(order: ChangeOrder): void {
  if (order.status !== OrderStatus.DRAFT) {
    refuse(
      UserErrorCode.INVALID_TRANSITION,
      `Order ${order.number} is ${order.status}; only a draft can be edited.`,
    );
  }
}
