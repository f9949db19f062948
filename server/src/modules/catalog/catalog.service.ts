import type { EntityManager } from '@mikro-orm/postgresql';
import { idOfType } from '../../common/global-id.js';
import type { Viewer } from '../auth/viewer.js';
import { OrganizationKind } from '../organization/organization.entity.js';
import { Agreement } from './agreement.entity.js';
import { Product } from './product.entity.js';

/** Vendors whose catalogues the viewer may see: its own (vendor) or those it has agreements with. */
export async function visibleVendorIds(em: EntityManager, viewer: Viewer): Promise<string[]> {
  if (viewer.organizationKind === OrganizationKind.VENDOR) return [viewer.organizationId];
  const agreements = await em.find(
    Agreement,
    { reseller: viewer.organizationId },
    { fields: ['vendor'] },
  );
  return agreements.map((agreement) => agreement.vendor.id);
}

export class CatalogService {
  /** The catalogues the viewer may see, optionally one vendor's, in grid order. */
  async products(em: EntityManager, viewer: Viewer, vendorId?: string | null): Promise<Product[]> {
    let vendors = await visibleVendorIds(em, viewer);
    if (vendorId != null) {
      const wanted = idOfType(vendorId, 'Organization');
      vendors = vendors.filter((id) => id === wanted);
    }
    if (vendors.length === 0) return [];
    return em.find(
      Product,
      { vendor: { $in: vendors } },
      { orderBy: { vendor: 'asc', position: 'asc', name: 'asc' } },
    );
  }
}
