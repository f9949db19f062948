/**
 * copyChangeOrder: a rejected order (REJECTED is final) is amended and sent again through
 * a new DRAFT that starts as the old one's request; the old order stays as it was.
 * Another tenant's order, a vendor and a read-only key are refused in tenancy.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, expectOk, expectUserError, USERS } from '../helpers/api.js';
import {
  COPY_ORDER,
  CUSTOMER_DETAIL,
  REJECT,
  SET_LINES,
  UPDATE_ORDER,
} from '../helpers/documents.js';
import { createUser, EXTRA_USERS, expectNothingWritten } from '../helpers/fixtures.js';
import {
  draftOrder,
  lineInputs,
  readOrder,
  submit,
  submittedOrder,
  type Order,
} from '../helpers/orders.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let rich: Api;
let ann: Api;
let morgan: Api;
let acmeId: string;

beforeAll(async () => {
  server = await createTestServer();
  await createUser(server, EXTRA_USERS.ann);
  [rich, ann, morgan] = await Promise.all([
    Api.as(server, USERS.rich),
    Api.as(server, EXTRA_USERS.ann.email),
    Api.as(server, USERS.morgan),
  ]);
  acmeId = await rich.customerId('Acme Mail');
});
afterAll(() => server.close());

/** What an order asks for, as a copy must repeat it. */
function request(order: Order) {
  return {
    customer: order.customer,
    title: order.title,
    note: order.note,
    site: order.site,
    implementationLead: order.implementationLead,
    lines: order.lines.map((line: any) => ({
      product: line.product,
      billingAccount: line.billingAccount,
      delta: line.delta,
    })),
    productChange: order.productChange,
  };
}

/** An Acme Mail order with everything a copy carries, rejected by Mimecast. */
async function rejectedOrder(): Promise<Order> {
  const { customer } = await rich.call<{ customer: any }>(CUSTOMER_DETAIL, { id: acmeId });
  const draft = await draftOrder(
    rich,
    'Acme Mail',
    { 'Email Security Essentials': 5, Archive: 10 },
    {
      title: 'Upgrade with Archive',
      productChange: {
        mode: 'REPLACE',
        product: 'Email Security Advanced',
        replaces: 'Email Security Essentials',
      },
    },
  );
  expectOk(
    await rich.mutate(UPDATE_ORDER, {
      orderId: draft.id,
      note: 'Before the audit\nin March',
      siteId: customer.sites[0].id,
    }),
  );
  expectOk(await submit(rich, draft, { implementationLeadId: customer.contacts[0].id }));
  expectOk(await morgan.mutate(REJECT, { orderId: draft.id, comment: 'Too many seats' }));
  return (await readOrder(rich, draft.id))!; // as the reseller sees it, drafting included
}

describe('copyChangeOrder', () => {
  it("makes a DRAFT of the viewer's with the old order's request, and leaves the old one as it was", async () => {
    const source = await rejectedOrder();

    const copied = await ann.mutate(COPY_ORDER, { orderId: source.id });
    expectOk(copied);
    const copy = copied.order as Order;

    expect(request(copy)).toEqual(request(source));
    expect(copy.site).not.toBeNull();
    expect(copy.implementationLead).not.toBeNull();
    expect(copy.lines).toHaveLength(2);
    expect(copy).toMatchObject({
      status: 'DRAFT',
      type: 'CHANGE',
      version: 1,
      orderUser: { name: 'Ann Agent' },
      requestTo: { name: 'Mimecast' },
      reseller: { name: 'RS-Vertical' },
      // Not the old order's answers: the tick boxes are ticked again, the dates are its own.
      msaAccepted: false,
      authorizationConfirmed: false,
      submittedAt: null,
      decidedAt: null,
      approvalComment: null,
    });
    expect(copy.number).toBeGreaterThan(source.number);
    expect(copy.history).toEqual([
      expect.objectContaining({
        type: 'CREATED',
        toStatus: 'DRAFT',
        comment: `Copied from order ${source.number}.`,
        actor: { name: 'Ann Agent' },
      }),
    ]);
    expect(await readOrder(rich, source.id)).toEqual(source);
  });

  it('gives a draft that is amended and submitted like any other', async () => {
    const source = await rejectedOrder();
    const copy = (await rich.mutate(COPY_ORDER, { orderId: source.id })).order as Order;

    const amended = await rich.mutate(SET_LINES, {
      orderId: copy.id,
      expectedVersion: copy.version,
      lines: await lineInputs(rich, acmeId, { 'Email Security Essentials': 2, Archive: 10 }),
    });
    expectOk(amended);
    const submitted = await submit(rich, amended.order as Order, {
      implementationLeadId: (await rich.call<{ customer: any }>(CUSTOMER_DETAIL, { id: acmeId }))
        .customer.contacts[0].id,
    });
    expectOk(submitted);
    expect(submitted.order).toMatchObject({ status: 'SUBMITTED' });
    expect(submitted.order!.lines.map((line: any) => line.delta)).toEqual([2, 10]);
  });

  it('copies any order of the reseller, a submitted one too, without touching it', async () => {
    const source = await submittedOrder(rich, 'Vertical Demo', { 'Premium IPECS ONE USER': 3 });
    const copy = await rich.mutate(COPY_ORDER, { orderId: source.id });
    expectOk(copy);
    expect(copy.order).toMatchObject({ status: 'DRAFT', title: source.title });
    expect(await readOrder(rich, source.id)).toEqual(source);
  });

  it('with an idempotency key, makes one draft however often it is sent', async () => {
    const source = await rejectedOrder();
    const key = `copy-${source.id}`;
    const first = await rich.mutate(COPY_ORDER, { orderId: source.id, idempotencyKey: key });
    expectOk(first);
    const again = await expectNothingWritten(server, () =>
      rich.mutate(COPY_ORDER, { orderId: source.id, idempotencyKey: key }),
    );
    expectOk(again);
    expect(again.order!.id).toBe(first.order!.id);
  });

  it('refuses a key used for another order, naming the key, and writes nothing', async () => {
    const [one, other] = [await rejectedOrder(), await rejectedOrder()];
    expectOk(await rich.mutate(COPY_ORDER, { orderId: one.id, idempotencyKey: 'copy-twice' }));
    const payload = await expectNothingWritten(server, () =>
      rich.mutate(COPY_ORDER, { orderId: other.id, idempotencyKey: 'copy-twice' }),
    );
    expectUserError(payload, 'VALIDATION', ['idempotencyKey']);
    expect(payload.order).toBeNull();
  });

  it('refuses an id that is no order, naming the field, and writes nothing', async () => {
    const payload = await expectNothingWritten(server, () =>
      rich.mutate(COPY_ORDER, { orderId: 'not-an-id' }),
    );
    expectUserError(payload, 'NOT_FOUND', ['orderId']);
    expect(payload.order).toBeNull();
  });
});
