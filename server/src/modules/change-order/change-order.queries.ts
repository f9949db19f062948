import type { ObjectQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idOfType } from '../../common/global-id.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toPage,
  withLazyTotal,
} from '../../common/pagination.js';
import { orderScope } from '../auth/access.js';
import type { Viewer } from '../auth/viewer.js';
import { OrganizationKind } from '../organization/organization.entity.js';
import { ChangeOrder } from './change-order.entity.js';
import { OrderStatus } from './change-order.enums.js';

export interface OrderListArgs {
  first?: number | null;
  after?: string | null;
  status?: OrderStatus[] | null;
  /** A customer's global id (from a filter) … */
  customerId?: string | null;
  /** … or its key (from Customer.changeOrders). */
  customerKey?: string;
}

/**
 * The order with this global id if the viewer may see it, else null (another
 * organisation's order does not exist for the viewer); `withLines` loads its lines too.
 */
export async function findVisibleOrder(
  em: EntityManager,
  viewer: Viewer,
  orderId: string,
  { withLines = false }: { withLines?: boolean } = {},
): Promise<ChangeOrder | null> {
  const id = idOfType(orderId, 'ChangeOrder');
  if (!id) return null;
  return em.findOne(
    ChangeOrder,
    { id, ...orderScope(viewer) },
    { populate: withLines ? ['lines'] : [] },
  );
}

/** Reading orders: newest number first, always inside the viewer's scope. */
export class ChangeOrderQueries {
  async list(em: EntityManager, viewer: Viewer, args: OrderListArgs) {
    const size = pageSize(args.first);
    const where: ObjectQuery<ChangeOrder> & Record<string, unknown> = { ...orderScope(viewer) };
    if (args.status && args.status.length > 0) where.status = { $in: args.status };
    if (args.customerKey) where.customer = args.customerKey;
    if (args.customerId != null) {
      const customerKey = idOfType(args.customerId, 'Customer');
      // Not a customer id at all: nothing matches, as for a customer the viewer cannot see.
      if (!customerKey) return { ...toPage<ChangeOrder>([], size, () => ''), totalCount: 0 };
      where.customer = customerKey;
    }
    const counted = { ...where };
    if (args.after) {
      const [number] = decodeCursor<[number]>(args.after, ['number']);
      where.number = { $lt: number };
    }
    // Who it is for, to whom and by whom come joined: every list shows them.
    const rows = await em.find(ChangeOrder, where, {
      orderBy: { number: 'desc' },
      limit: size + 1,
      populate: ['customer', 'requestTo', 'orderUser'],
      strategy: 'joined',
    });
    return withLazyTotal(
      toPage(rows, size, (order) => encodeCursor([order.number])),
      () => em.count(ChangeOrder, counted),
    );
  }

  find(em: EntityManager, viewer: Viewer, orderId: string): Promise<ChangeOrder | null> {
    return findVisibleOrder(em, viewer, orderId);
  }

  /** The orders the viewer's reseller must still Final Confirm. */
  async toConfirm(em: EntityManager, viewer: Viewer): Promise<ChangeOrder[]> {
    if (viewer.organizationKind !== OrganizationKind.RESELLER) return [];
    return em.find(
      ChangeOrder,
      { ...orderScope(viewer), status: OrderStatus.APPROVED },
      { orderBy: { decidedAt: 'asc', number: 'asc' }, limit: 500 },
    );
  }
}
