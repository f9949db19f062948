/**
 * Data the demo seed lacks, made straight in the test's database, and a way to see that a
 * refused request wrote nothing.
 */
import { expect } from 'vitest';
import { hashPassword } from '../../src/modules/auth/password.js';
import { Role, User } from '../../src/modules/auth/user.entity.js';
import { Organization } from '../../src/modules/organization/organization.entity.js';
import type { TestServer } from './test-server.js';

/** People the demo data lacks that several suites need: one per role it has no one for. */
export const EXTRA_USERS = {
  /** A RESELLER_AGENT of RS-Vertical: everything a reseller does but manage API keys. */
  ann: {
    name: 'Ann Agent',
    email: 'agent@rs-vertical.example',
    role: Role.RESELLER_AGENT,
    organization: 'RS-Vertical',
  },
  /** A VENDOR_ADMIN of Vertical: an approver who also manages the vendor's API keys. */
  victor: {
    name: 'Victor Admin',
    email: 'admin@vertical.example',
    role: Role.VENDOR_ADMIN,
    organization: 'Vertical',
  },
} as const;

function orm(server: TestServer) {
  const found = server.portal.orm();
  if (!found) throw new Error('the test server has no ORM yet (not ready?)');
  return found;
}

/**
 * A person of a demo organisation (by name), password `demo` unless given; e.g. the
 * RESELLER_AGENT and VENDOR_ADMIN the demo data does not have. Returns the e-mail.
 */
export async function createUser(
  server: TestServer,
  user: { name: string; email: string; role: Role; organization: string; password?: string },
): Promise<string> {
  const em = orm(server).em.fork();
  const organization = await em.findOneOrFail(Organization, { name: user.organization });
  em.create(User, {
    name: user.name,
    email: user.email.toLowerCase(),
    role: user.role,
    organization,
    passwordHash: await hashPassword(user.password ?? 'demo'),
  });
  await em.flush();
  return user.email;
}

/** Every table a request of a tenant can write to. */
const WRITABLE_TABLES = [
  'change_order',
  'change_order_line',
  'order_event',
  'alert',
  'idempotency_record',
  'inventory_line',
  'customer',
  'contact',
  'site',
  'api_key',
  'app_user',
] as const;

/** Every row of every table a request could write, to compare before and after. */
export async function snapshot(server: TestServer): Promise<Record<string, unknown[]>> {
  const connection = orm(server).em.fork().getConnection();
  const tables = await Promise.all(
    WRITABLE_TABLES.map((table) =>
      connection.execute<unknown[]>(`SELECT * FROM "${table}" ORDER BY id`),
    ),
  );
  return Object.fromEntries(WRITABLE_TABLES.map((table, i) => [table, tables[i] ?? []]));
}

/** Runs `act` and asserts the database is exactly as it was before. */
export async function expectNothingWritten<T>(
  server: TestServer,
  act: () => Promise<T>,
): Promise<T> {
  const before = await snapshot(server);
  const result = await act();
  expect(await snapshot(server)).toEqual(before);
  return result;
}
