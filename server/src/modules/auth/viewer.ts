import { ApiScope } from '../api-key/api-key.entity.js';
import { OrganizationKind } from '../organization/organization.entity.js';
import { Role } from './user.entity.js';

/**
 * Who is asking: a signed-in person (scopes empty, all rights of the role) or an API key
 * (role API_CLIENT, the rights of its organisation's kind, narrowed by its scopes).
 */
export interface Viewer {
  organizationId: string;
  organizationKind: OrganizationKind;
  role: Role;
  /** The signed-in person; null for an API key. */
  userId: string | null;
  /** In whose name writes are recorded: the person, or the admin who made the API key. */
  actingUserId: string;
  apiKeyId: string | null;
  scopes: ApiScope[];
  /** When the credential stops being valid (tokens); sockets close then. */
  expiresAt: Date | null;
}

/** What a viewer may do; checked at the service boundary. */
export type Permission =
  | 'read'
  | 'writeOrders' // reseller: create, edit, submit, cancel, final-confirm, add contacts
  | 'decideOrders' // vendor: approve, reject
  | 'manageApiKeys'
  | 'acknowledgeAlerts'
  | 'subscribe';

const isReseller = (viewer: Viewer) => viewer.organizationKind === OrganizationKind.RESELLER;
const isVendor = (viewer: Viewer) => viewer.organizationKind === OrganizationKind.VENDOR;
const hasScope = (viewer: Viewer, scope: ApiScope) =>
  viewer.apiKeyId === null || viewer.scopes.includes(scope);

export function can(viewer: Viewer, permission: Permission): boolean {
  switch (permission) {
    case 'read':
      return hasScope(viewer, ApiScope.READ);
    case 'writeOrders':
      return isReseller(viewer) && hasScope(viewer, ApiScope.WRITE_ORDERS);
    case 'decideOrders':
      return isVendor(viewer) && hasScope(viewer, ApiScope.WRITE_ORDERS);
    case 'manageApiKeys':
      return viewer.role === Role.RESELLER_ADMIN || viewer.role === Role.VENDOR_ADMIN;
    case 'acknowledgeAlerts':
      return viewer.userId !== null;
    case 'subscribe':
      return hasScope(viewer, ApiScope.SUBSCRIBE);
  }
}
