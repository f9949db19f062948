/**
 * No N+1: the licence grid costs the same few SQL statements for 8 rows as for 300, and a
 * page of orders with their lines costs the same for 1 order as for 50; totalCount costs a
 * statement only when asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Organization,
  OrganizationKind,
} from '../../src/modules/organization/organization.entity.js';
import { Product, ProductKind } from '../../src/modules/catalog/product.entity.js';
import { BillingAccount, Customer } from '../../src/modules/customer/customer.entity.js';
import { InventoryLine } from '../../src/modules/inventory/inventory-line.entity.js';
import { toGlobalId } from '../../src/common/global-id.js';
import { Api, USERS } from '../helpers/api.js';
import { CREATE_ORDER, LICENSE_GRID, SET_LINES } from '../helpers/documents.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let rich: Api;
let bigCustomerId: string;

/** A customer of RS-Vertical, with a vendor of its own: 100 products × 3 billing accounts = 300 grid rows. */
async function seedBigCustomer(): Promise<string> {
  const em = server.portal.orm()!.em.fork();
  const reseller = await em.findOneOrFail(Organization, { name: 'RS-Vertical' });
  const vertical = em.create(Organization, {
    name: 'Bulk Networks',
    kind: OrganizationKind.VENDOR,
  });
  const customer = em.create(Customer, {
    name: 'Bulk Telecom',
    customerType: 'Normal',
    servicePlan: 'Standard Plan',
    reseller,
    vendor: vertical,
  });
  const accounts = ['North', 'South', 'West'].map((name) =>
    em.create(BillingAccount, { customer, name }),
  );
  const products = Array.from({ length: 100 }, (_, i) =>
    em.create(Product, {
      sku: `BULK-${i}`,
      name: `Bulk Item ${String(i).padStart(3, '0')}`,
      itemGroup: 'Bulk',
      kind: ProductKind.ITEM,
      vendor: vertical,
      position: 100 + i,
    }),
  );
  for (const product of products) {
    em.create(InventoryLine, { customer, product, billingAccount: accounts[0]!, quantity: 5 });
  }
  await em.flush();
  return toGlobalId('Customer', customer.id);
}

beforeAll(async () => {
  server = await createTestServer();
  // The outbox relay reads events on its own (every second, and after each commit); its
  // statements are not the query's. Nothing here listens live.
  await server.portal.relay()!.stop();
  rich = await Api.as(server, USERS.rich);
  bigCustomerId = await seedBigCustomer();
});
afterAll(() => server.close());

describe('SQL statements per query', () => {
  it('the licence grid: the same count for 8 rows and for 300, at most 3', async () => {
    const small = await rich.customerId('Vertical Demo');
    let smallRows = 0;
    let bigRows = 0;
    const smallStatements = await server.statementsDuring(async () => {
      smallRows = (await rich.call(LICENSE_GRID, { id: small })).customer.licenses.length;
    });
    const bigStatements = await server.statementsDuring(async () => {
      bigRows = (await rich.call(LICENSE_GRID, { id: bigCustomerId })).customer.licenses.length;
    });
    expect(smallRows).toBe(8);
    expect(bigRows).toBe(300);
    expect(bigStatements.length).toBe(smallStatements.length);
    expect(smallStatements.length).toBeLessThanOrEqual(3);
  });

  it('a page of orders with lines, customer and cost: the same count for 1 order as for 50, at most 5', async () => {
    const customerId = await rich.customerId('Vertical Demo');
    const grid = await rich.grid(customerId);
    const rows = [...grid.values()].slice(0, 3);
    const createOrder = async (i: number) => {
      const created = await rich.mutate(CREATE_ORDER, { customerId, title: `Page order ${i}` });
      await rich.mutate(SET_LINES, {
        orderId: created.order!.id,
        lines: rows.map((row) => ({
          productId: row.product.id,
          billingAccountId: row.billingAccount.id,
          delta: 1,
        })),
      });
    };
    const page = `query Page($first: Int) { changeOrders(first: $first) { edges { node {
      number title status customer { name } requestTo { name } orderUser { name }
      lines { product { name } billingAccount { name } available delta toBe }
      costPreview { newMonthly { cents } }
    } } } }`;

    await createOrder(0);
    const one = await server.statementsDuring(() => rich.call(page, { first: 1 }));
    for (let i = 1; i < 50; i++) await createOrder(i);
    let count = 0;
    const fifty = await server.statementsDuring(async () => {
      count = (await rich.call(page, { first: 50 })).changeOrders.edges.length;
    });
    expect(count).toBe(50);
    expect(fifty.length).toBe(one.length);
    expect(fifty.length).toBeLessThanOrEqual(5);
  });

  it('counts the orders only when the query asks for totalCount', async () => {
    const page = (total: string) =>
      `query { changeOrders(first: 2) { ${total} edges { node { number } } } }`;
    const counts = (statements: string[]) =>
      statements.filter((sql) => sql.startsWith('select count(*)')).length;
    let totalCount = 0;
    const withTotal = await server.statementsDuring(async () => {
      totalCount = (await rich.call(page('totalCount'))).changeOrders.totalCount;
    });
    const without = await server.statementsDuring(() => rich.call(page('')));
    expect(counts(withTotal)).toBe(1);
    expect(counts(without)).toBe(0);
    expect(withTotal.length).toBe(without.length + 1);
    const [row] = await server.portal
      .orm()!
      .em.fork()
      .getConnection()
      .execute<{ count: string }[]>(
        `SELECT count(*) AS count FROM change_order o JOIN organization r ON r.id = o.reseller_id WHERE r.name = 'RS-Vertical'`,
      );
    expect(totalCount).toBe(Number(row!.count));
  });
});
