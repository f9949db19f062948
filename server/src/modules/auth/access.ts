import type { ObjectQuery } from '@mikro-orm/core';
import { refuse, UserErrorCode } from '../../common/user-error.js';
import type { ChangeOrder } from '../change-order/change-order.entity.js';
import type { Customer } from '../customer/customer.entity.js';
import type { OrderEvent } from '../change-order/order-event.entity.js';
import { OrganizationKind } from '../organization/organization.entity.js';
import { can, type Permission, type Viewer } from './viewer.js';

/*
 * Tenancy as query conditions: every lookup of a tenant's object adds one of these to its
 * WHERE, so another organisation's object is simply not found.
 */

export function customerScope(viewer: Viewer): ObjectQuery<Customer> {
  return viewer.organizationKind === OrganizationKind.RESELLER
    ? { reseller: viewer.organizationId }
    : { vendor: viewer.organizationId };
}

/**
 * customerScope as a condition on `customer c`, for the hand-written read of one customer
 * (CustomerService.find): the same two cases, kept beside it so that they change together.
 */
export function customerScopeSql(viewer: Viewer): { condition: string; params: string[] } {
  return viewer.organizationKind === OrganizationKind.RESELLER
    ? { condition: 'c.reseller_id = ?', params: [viewer.organizationId] }
    : { condition: 'c.vendor_id = ?', params: [viewer.organizationId] };
}

/** Resellers see all their orders; vendors see orders once submitted (drafts are private). */
export function orderScope(viewer: Viewer): ObjectQuery<ChangeOrder> {
  return viewer.organizationKind === OrganizationKind.RESELLER
    ? { reseller: viewer.organizationId }
    : { requestTo: viewer.organizationId, submittedAt: { $ne: null } };
}

/**
 * orderScope as a condition on `change_order o`, for the hand-written read that locks an
 * order (order-lock.ts): the same two cases, kept beside it so that they change together.
 */
export function orderScopeSql(viewer: Viewer): { condition: string; params: string[] } {
  return viewer.organizationKind === OrganizationKind.RESELLER
    ? { condition: 'o.reseller_id = ?', params: [viewer.organizationId] }
    : {
        condition: 'o.request_to_id = ? AND o.submitted_at IS NOT NULL',
        params: [viewer.organizationId],
      };
}

export function eventScope(viewer: Viewer): ObjectQuery<OrderEvent> {
  return viewer.organizationKind === OrganizationKind.RESELLER
    ? { reseller: viewer.organizationId }
    : { vendor: viewer.organizationId, vendorVisible: true };
}

const DENIED: Record<Permission, string> = {
  read: 'This API key lacks the READ scope.',
  writeOrders: 'Only a reseller (or its API key with WRITE_ORDERS) may do this.',
  decideOrders: 'Only the vendor (or its API key with WRITE_ORDERS) may decide orders.',
  manageApiKeys: 'Only an administrator may manage API keys.',
  acknowledgeAlerts: 'Only a signed-in person has alerts.',
  subscribe: 'This API key lacks the SUBSCRIBE scope.',
};

/** Refuses with FORBIDDEN unless the viewer has the permission. */
export function demand(viewer: Viewer, permission: Permission): void {
  if (!can(viewer, permission)) refuse(UserErrorCode.FORBIDDEN, DENIED[permission]);
}
