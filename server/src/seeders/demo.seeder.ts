import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization, OrganizationKind } from '../modules/organization/organization.entity.js';

/** The demo data of SPEC.md ("Demo data"), also the fixtures of the tests. */
export async function seedDemoData(em: EntityManager): Promise<void> {
  const organizations = [
    { name: 'Vertical', kind: OrganizationKind.VENDOR },
    { name: 'Mimecast', kind: OrganizationKind.VENDOR },
    { name: 'RS-Vertical', kind: OrganizationKind.RESELLER },
    { name: 'RS-Other', kind: OrganizationKind.RESELLER },
  ];
  for (const data of organizations) em.create(Organization, data);
  await em.flush();
}
