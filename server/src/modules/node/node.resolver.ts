import type { EntityClass } from '@mikro-orm/core';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { fromGlobalId } from '../../common/global-id.js';
import { Alert } from '../alert/alert.entity.js';
import { ApiKey } from '../api-key/api-key.entity.js';
import { Attachment } from '../document/attachment.entity.js';
import { customerScope, eventScope, orderScope } from '../auth/access.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { can } from '../auth/viewer.js';
import { visibleVendorIds } from '../catalog/catalog.service.js';
import { Product } from '../catalog/product.entity.js';
import { ChangeOrder } from '../change-order/change-order.entity.js';
import { OrderEvent } from '../change-order/order-event.entity.js';
import { BillingAccount, Contact, Customer, Site } from '../customer/customer.entity.js';
import { Organization, OrganizationKind } from '../organization/organization.entity.js';
import { NodeInterface } from './node.interface.js';

type Scope = (viewer: Viewer, context: Context) => Promise<object | null> | object | null;

/** Organisations a viewer knows: its own, and those it trades with (through customers). */
async function organizationScope(viewer: Viewer, { em }: Context) {
  const customers = await em.find(Customer, customerScope(viewer), {
    fields: ['reseller', 'vendor'],
  });
  const other = viewer.organizationKind === OrganizationKind.RESELLER ? 'vendor' : 'reseller';
  const ids = new Set([viewer.organizationId, ...customers.map((c) => c[other].id)]);
  if (viewer.organizationKind === OrganizationKind.RESELLER) {
    for (const id of await visibleVendorIds(em, viewer)) ids.add(id);
  }
  return { id: { $in: [...ids] } };
}

/**
 * For each type a global id can name: its entity and the condition that keeps it inside
 * the viewer's tenancy (null: nothing of that type is visible). Unknown types are null.
 */
const NODE_TYPES: Record<string, { entity: EntityClass<{ id: string }>; scope: Scope }> = {
  Organization: { entity: Organization, scope: organizationScope },
  User: { entity: User, scope: (viewer) => ({ organization: viewer.organizationId }) },
  Customer: { entity: Customer, scope: (viewer) => customerScope(viewer) },
  Site: { entity: Site, scope: (viewer) => ({ customer: customerScope(viewer) }) },
  BillingAccount: {
    entity: BillingAccount,
    scope: (viewer) => ({ customer: customerScope(viewer) }),
  },
  Contact: { entity: Contact, scope: (viewer) => ({ customer: customerScope(viewer) }) },
  Product: {
    entity: Product,
    scope: async (viewer, { em }) => ({ vendor: { $in: await visibleVendorIds(em, viewer) } }),
  },
  ChangeOrder: { entity: ChangeOrder, scope: (viewer) => orderScope(viewer) },
  OrderEvent: { entity: OrderEvent, scope: (viewer) => eventScope(viewer) },
  Alert: { entity: Alert, scope: (viewer) => (viewer.userId ? { user: viewer.userId } : null) },
  Attachment: { entity: Attachment, scope: (viewer) => ({ customer: customerScope(viewer) }) },
  ApiKey: {
    entity: ApiKey,
    scope: (viewer) =>
      can(viewer, 'manageApiKeys') ? { organization: viewer.organizationId } : null,
  },
};

@Resolver()
export class NodeResolver {
  /** Any object by its global id; null when it does not exist for the viewer. */
  @Query(() => NodeInterface, { nullable: true })
  async node(
    @Arg('id', () => ID) globalId: string,
    @Ctx() context: Context,
  ): Promise<NodeInterface | null> {
    const viewer = requireViewer(context);
    const parsed = fromGlobalId(globalId);
    const type = parsed ? NODE_TYPES[parsed.type] : undefined;
    if (!parsed || !type) return null;
    const scope = await type.scope(viewer, context);
    if (!scope) return null;
    // $and, not a spread: a scope may itself constrain `id` (Organization's does), and a
    // spread would let it replace the id asked for.
    const found = await context.em.findOne(type.entity, { $and: [{ id: parsed.id }, scope] });
    return found as NodeInterface | null;
  }
}
