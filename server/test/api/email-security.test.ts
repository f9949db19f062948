/**
 * SPEC.md's email-security scenario end to end over HTTP: Rich (RS-Vertical) upgrades Acme
 * Mail from Email Security Essentials to Advanced (Select New) and adds the Archive add-on;
 * Review Upgrade shows the monthly cost at RS-Vertical's contracted prices; he submits with
 * both tick boxes and the implementation lead; Morgan (Mimecast) approves; Rich Final
 * Confirms and the seats have moved. Product changes cannot be combined with seat downgrades.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, expectOk, expectRefused, USERS } from '../helpers/api.js';
import {
  ADD_CONTACT,
  APPROVE,
  CREATE_ORDER,
  CUSTOMER_DETAIL,
  FINAL_CONFIRM,
  ORDER,
  PENDING_ALERTS,
  PRODUCTS,
  SET_LINES,
  SET_PRODUCT_CHANGE,
} from '../helpers/documents.js';
import {
  draftOrder,
  lineInputs,
  observe,
  productId,
  quantities,
  submit,
  type Order,
} from '../helpers/orders.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

const ESSENTIALS = 'Email Security Essentials';
const ADVANCED = 'Email Security Advanced';
const ARCHIVE = 'Archive';
const AWARENESS = 'Awareness Training';

let server: TestServer;
let rich: Api;
let morgan: Api;
let acmeId: string;
/** RS-Vertical's contracted monthly unit prices for Mimecast's products, by name. */
let price: Record<string, { cents: number; currency: string }>;

beforeAll(async () => {
  server = await createTestServer();
  [rich, morgan] = await Promise.all([Api.as(server, USERS.rich), Api.as(server, USERS.morgan)]);
  acmeId = await rich.customerId('Acme Mail');
  const { products } = await rich.call<{
    products: {
      name: string;
      vendor: { name: string };
      unitPrice: (typeof price)[string] | null;
    }[];
  }>(PRODUCTS);
  price = Object.fromEntries(
    products.filter((p) => p.vendor.name === 'Mimecast').map((p) => [p.name, p.unitPrice!]),
  );
});
afterAll(() => server.close());

async function implementationLead(): Promise<{ id: string; name: string; email: string }> {
  const { customer } = await rich.call(CUSTOMER_DETAIL, { id: acmeId });
  return customer.implementationLead;
}

describe('email security: Acme Mail upgrades from Essentials to Advanced', () => {
  it('starts as SPEC.md describes it', async () => {
    const grid = await rich.grid(acmeId);
    expect(
      [...grid.values()].map((row) => [
        row.product.name,
        row.product.kind,
        row.available,
        row.orderable,
      ]),
    ).toEqual([
      [ESSENTIALS, 'PRIMARY', 50, true],
      [ADVANCED, 'PRIMARY', 0, true],
      [ARCHIVE, 'ADD_ON', 0, true],
      // Not in RS-Vertical's agreement: the grid says so before a line is refused.
      [AWARENESS, 'ADD_ON', 0, false],
    ]);
    // The vendor sees what the customer's reseller may order, not what it may itself.
    const vendorsGrid = await morgan.grid(acmeId);
    expect([ARCHIVE, AWARENESS].map((name) => vendorsGrid.get(name)?.orderable)).toEqual([
      true,
      false,
    ]);
    const { products } = await rich.call<{ products: { name: string; upgradesTo: unknown }[] }>(
      PRODUCTS,
    );
    expect(products.find((p) => p.name === ESSENTIALS)?.upgradesTo).toEqual([{ name: ADVANCED }]);
    for (const name of [ESSENTIALS, ADVANCED, ARCHIVE, AWARENESS]) {
      expect(price[name]!.cents, name).toBeGreaterThan(0);
    }
    expect(await implementationLead()).toMatchObject({
      name: 'Dana Lead',
      email: 'lead@acme-mail.example',
    });
  });

  // Runs while Acme Mail still holds its 50 Essentials seats; the upgrade below moves them.
  it('refuses an upgrade combined with a seat downgrade, and submits once the downgrade goes', async () => {
    const draft = await draftOrder(
      rich,
      'Acme Mail',
      { [ESSENTIALS]: -5, [ARCHIVE]: 10 },
      { productChange: { mode: 'REPLACE', product: ADVANCED, replaces: ESSENTIALS } },
    );
    expect(draft.status).toBe('DRAFT');
    expect(draft.ruleViolations).toEqual([
      { code: 'PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE', field: ['lines', '0', 'delta'] },
    ]);

    const before = await observe(rich, draft);
    const refused = await submit(rich, draft);
    expectRefused(refused, 'PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE');
    expect(refused.userErrors[0]!.field).toEqual(['lines', '0', 'delta']);
    expect(await observe(rich, draft)).toEqual(before);

    // Add to is a product change too.
    const added = await rich.mutate(SET_PRODUCT_CHANGE, {
      orderId: draft.id,
      mode: 'ADD',
      productId: await productId(rich, acmeId, ADVANCED),
    });
    expectOk(added);
    expect(added.order!.ruleViolations).toEqual([
      { code: 'PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE', field: ['lines', '0', 'delta'] },
    ]);
    // A seat downgrade on its own (Keep Existing) is allowed.
    const kept = await rich.mutate(SET_PRODUCT_CHANGE, { orderId: draft.id, mode: 'KEEP' });
    expectOk(kept);
    expect(kept.order!.ruleViolations).toEqual([]);

    // The fix: keep the upgrade, drop the downgrade.
    const upgrade = await rich.mutate(SET_PRODUCT_CHANGE, {
      orderId: draft.id,
      mode: 'REPLACE',
      productId: await productId(rich, acmeId, ADVANCED),
      replacesProductId: await productId(rich, acmeId, ESSENTIALS),
    });
    expectOk(upgrade);
    const fixed = await rich.mutate(SET_LINES, {
      orderId: draft.id,
      lines: await lineInputs(rich, acmeId, { [ARCHIVE]: 10 }),
    });
    expectOk(fixed);
    expect(fixed.order!.ruleViolations).toEqual([]);

    const submitted = await submit(rich, draft);
    expectOk(submitted);
    expect(submitted.order).toMatchObject({
      status: 'SUBMITTED',
      productChange: {
        mode: 'REPLACE',
        product: { name: ADVANCED },
        replaces: { name: ESSENTIALS },
      },
      lines: [{ product: { name: ARCHIVE }, available: 0, delta: 10, toBe: 10 }],
    });
    // Submitting changes no licence.
    expect((await quantities(rich, acmeId))[ESSENTIALS]).toBe(50);
  });

  it('Select New + Archive: Review Upgrade in cents, submit, approve, Final Confirm', async () => {
    const lead = await implementationLead();
    expect(await quantities(rich, acmeId)).toEqual({
      [ESSENTIALS]: 50,
      [ADVANCED]: 0,
      [ARCHIVE]: 0,
      [AWARENESS]: 0,
    });

    const created = await rich.mutate(CREATE_ORDER, {
      customerId: acmeId,
      title: 'Upgrade to Advanced with Archive',
    });
    expectOk(created);
    const order = created.order as Order;
    expect(order).toMatchObject({
      status: 'DRAFT',
      version: 1,
      requestTo: { name: 'Mimecast' },
      reseller: { name: 'RS-Vertical' },
      implementationLead: { name: 'Dana Lead', email: 'lead@acme-mail.example' },
      productChange: { mode: 'KEEP', product: null, replaces: null },
    });

    const upgraded = await rich.mutate(SET_PRODUCT_CHANGE, {
      orderId: order.id,
      expectedVersion: 1,
      mode: 'REPLACE',
      productId: await productId(rich, acmeId, ADVANCED),
      replacesProductId: await productId(rich, acmeId, ESSENTIALS),
    });
    expectOk(upgraded);
    expect(upgraded.order).toMatchObject({
      version: 2,
      productChange: {
        mode: 'REPLACE',
        product: { name: ADVANCED },
        replaces: { name: ESSENTIALS },
      },
      ruleViolations: [],
    });

    const withArchive = await rich.mutate(SET_LINES, {
      orderId: order.id,
      expectedVersion: 2,
      lines: await lineInputs(rich, acmeId, { [ARCHIVE]: 50 }),
    });
    expectOk(withArchive);
    expect(withArchive.order).toMatchObject({
      version: 3,
      lines: [{ product: { name: ARCHIVE, kind: 'ADD_ON' }, available: 0, delta: 50, toBe: 50 }],
      ruleViolations: [],
    });

    // Review Upgrade: the 50 seats move to Advanced, 50 Archive seats are added.
    const { currency } = price[ESSENTIALS]!;
    const cents = (n: number) => ({ cents: n, currency });
    const before = 50 * price[ESSENTIALS]!.cents;
    const after = 50 * price[ADVANCED]!.cents + 50 * price[ARCHIVE]!.cents;
    expect(withArchive.order!.costPreview).toEqual({
      currentMonthly: cents(before),
      newMonthly: cents(after),
      deltaMonthly: cents(after - before),
      lines: [
        {
          product: { name: ESSENTIALS },
          quantityBefore: 50,
          quantityAfter: 0,
          unitPrice: { cents: price[ESSENTIALS]!.cents },
          monthlyBefore: { cents: before },
          monthlyAfter: { cents: 0 },
        },
        {
          product: { name: ADVANCED },
          quantityBefore: 0,
          quantityAfter: 50,
          unitPrice: { cents: price[ADVANCED]!.cents },
          monthlyBefore: { cents: 0 },
          monthlyAfter: { cents: 50 * price[ADVANCED]!.cents },
        },
        {
          product: { name: ARCHIVE },
          quantityBefore: 0,
          quantityAfter: 50,
          unitPrice: { cents: price[ARCHIVE]!.cents },
          monthlyBefore: { cents: 0 },
          monthlyAfter: { cents: 50 * price[ARCHIVE]!.cents },
        },
      ],
    });

    const submitted = await submit(rich, order, {
      expectedVersion: 3,
      implementationLeadId: lead.id,
    });
    expectOk(submitted);
    expect(submitted.order).toMatchObject({
      status: 'SUBMITTED',
      version: 4,
      msaAccepted: true,
      authorizationConfirmed: true,
      implementationLead: { name: 'Dana Lead', email: 'lead@acme-mail.example' },
    });
    expect(submitted.order!.submittedAt).toEqual(expect.any(String));

    // Mimecast's queue has it; Morgan sees the order from its submission on.
    const morganAlerts = await morgan.call<{
      pendingAlerts: { kind: string; order: { id: string } }[];
    }>(PENDING_ALERTS);
    expect(
      morganAlerts.pendingAlerts.filter((a) => a.order.id === order.id).map((a) => a.kind),
    ).toEqual(['ORDER_SUBMITTED']);
    const seenByMorgan = (await morgan.call(ORDER, { id: order.id })).changeOrder;
    expect(seenByMorgan).toMatchObject({
      status: 'SUBMITTED',
      productChange: {
        mode: 'REPLACE',
        product: { name: ADVANCED },
        replaces: { name: ESSENTIALS },
      },
    });
    expect(seenByMorgan.history.map((e: { type: string }) => e.type)).toEqual(['SUBMITTED']);

    const approved = await morgan.mutate(APPROVE, {
      orderId: order.id,
      expectedVersion: 4,
      comment: 'Welcome to Advanced',
    });
    expectOk(approved);
    expect(approved.order).toMatchObject({
      status: 'APPROVED',
      version: 5,
      approvalComment: 'Welcome to Advanced',
    });
    // Approval alone changes no licence.
    expect((await quantities(rich, acmeId))[ESSENTIALS]).toBe(50);

    const richAlerts = await rich.call<{
      pendingAlerts: { kind: string; order: { id: string } }[];
    }>(PENDING_ALERTS);
    expect(
      richAlerts.pendingAlerts.filter((a) => a.order.id === order.id).map((a) => a.kind),
    ).toEqual(['ORDER_TO_CONFIRM']);

    const confirmed = await rich.mutate(FINAL_CONFIRM, { orderId: order.id, expectedVersion: 5 });
    expectOk(confirmed);
    expect(confirmed.order).toMatchObject({ status: 'CONFIRMED', version: 6 });
    expect(confirmed.order!.confirmedAt).toEqual(expect.any(String));
    // The order keeps the costs it was decided on, though the inventory has now moved.
    expect(confirmed.order!.costPreview).toEqual(withArchive.order!.costPreview);

    expect(await quantities(rich, acmeId)).toEqual({
      [ESSENTIALS]: 0,
      [ADVANCED]: 50,
      [ARCHIVE]: 50,
      [AWARENESS]: 0,
    });

    expect(
      confirmed.order!.history.map((e: { type: string; actor: { name: string } }) => [
        e.type,
        e.actor.name,
      ]),
    ).toEqual([
      ['CREATED', 'Rich Balazsi'],
      ['UPDATED', 'Rich Balazsi'],
      ['UPDATED', 'Rich Balazsi'],
      ['SUBMITTED', 'Rich Balazsi'],
      ['APPROVED', 'Morgan Approver'],
      ['CONFIRMED', 'Rich Balazsi'],
    ]);
  });

  it('takes a Primary Implementation Lead created on the spot', async () => {
    const added = await rich.mutate(ADD_CONTACT, {
      customerId: acmeId,
      name: 'Ian Implementer',
      email: 'ian@acme-mail.example',
    });
    expectOk(added);
    const contact = added.contact as { id: string };

    const draft = await draftOrder(rich, 'Acme Mail', { [ARCHIVE]: 5 });
    expect(draft.implementationLead).toMatchObject({ name: 'Dana Lead' });
    const submitted = await submit(rich, draft, { implementationLeadId: contact.id });
    expectOk(submitted);
    expect(submitted.order).toMatchObject({
      status: 'SUBMITTED',
      implementationLead: { name: 'Ian Implementer', email: 'ian@acme-mail.example' },
    });
    // The customer's own lead stays who it was.
    expect(await implementationLead()).toMatchObject({ name: 'Dana Lead' });
  });
});
