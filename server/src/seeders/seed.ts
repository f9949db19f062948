import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Organization } from '../modules/organization/organization.entity.js';
import { seedDemoData } from './demo.seeder.js';

/**
 * The seeder hook: an empty database (no organisation yet) gets the demo data of SPEC.md;
 * a database with data is left alone, so restarts never seed twice.
 */
export async function seedDatabase(em: EntityManager, logger: Logger): Promise<boolean> {
  if ((await em.count(Organization, {})) > 0) return false;
  await em.transactional((tx) => seedDemoData(tx));
  logger.info('empty database: demo data loaded');
  return true;
}
