/**
 * Every userError code of the contract, caused on purpose over HTTP. A refused mutation
 * writes nothing: the order keeps its status, version, lines and history, and the
 * customer's inventory stays as it was. Drafts may break business rules while being
 * edited (their `ruleViolations` say which); submit refuses with all of them at once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/common/global-id.js';
import { Agreement } from '../../src/modules/catalog/agreement.entity.js';
import { BillingAccount, Customer } from '../../src/modules/customer/customer.entity.js';
import { Api, expectOk, expectRefused, USERS, type Payload } from '../helpers/api.js';
import { graphql } from '../helpers/client.js';
import {
  ADD_CONTACT,
  APPROVE,
  CANCEL,
  CREATE_ORDER,
  CUSTOMER_DETAIL,
  FINAL_CONFIRM,
  LOGIN,
  ORDER,
  PENDING_ALERTS,
  REJECT,
  SET_LINES,
  SET_PRODUCT_CHANGE,
  SUBMIT,
  UPDATE_ORDER,
} from '../helpers/documents.js';
import {
  approvedOrder,
  draftOrder,
  lineInputs,
  observe,
  productId,
  quantities,
  readOrder,
  submit,
  submittedOrder,
} from '../helpers/orders.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

const ESSENTIALS = 'Email Security Essentials';
const ADVANCED = 'Email Security Advanced';

let server: TestServer;
let rich: Api;
let kim: Api;
let morgan: Api;
let other: Api;

beforeAll(async () => {
  server = await createTestServer();
  [rich, kim, morgan, other] = await Promise.all([
    Api.as(server, USERS.rich),
    Api.as(server, USERS.kim),
    Api.as(server, USERS.morgan),
    Api.as(server, USERS.other),
  ]);
  await seedFreshMail();
});
afterAll(() => server.close());

/**
 * A Mimecast customer of RS-Vertical that holds no licence yet (the demo data has none),
 * for the upgrade of a product the customer does not have.
 */
async function seedFreshMail(): Promise<void> {
  const em = server.portal.orm()!.em.fork();
  const acme = await em.findOneOrFail(Customer, { name: 'Acme Mail' });
  await em.findOneOrFail(Agreement, { reseller: acme.reseller, vendor: acme.vendor });
  const fresh = em.create(Customer, {
    name: 'Fresh Mail',
    customerType: 'Normal',
    servicePlan: 'MSP Plan',
    reseller: acme.reseller,
    vendor: acme.vendor,
  });
  em.create(BillingAccount, { customer: fresh, name: 'Fresh Mail' });
  await em.flush();
}

/**
 * Sends `attempt`, expects it refused with exactly `codes` (and no order in the payload),
 * and the order and its customer's inventory as they were, as `owner` sees them.
 */
async function refusedLeavingAsWas(
  order: { id: string },
  attempt: () => Promise<Payload>,
  codes: string[],
  owner: Api = rich,
): Promise<Payload> {
  const before = await observe(owner, order);
  const payload = await attempt();
  expectRefused(payload, ...codes);
  expect(await observe(owner, order)).toEqual(before);
  return payload;
}

/** The payload's errors as [code, field path], sorted: the exact set a refusal gave. */
function errorsOf(payload: Payload) {
  return payload.userErrors.map((error) => [error.code, error.field]).sort();
}

const unknownId = (type: string) => toGlobalId(type, randomUUID());

type HistoryEvent = { type: string; fromStatus: string | null; toStatus: string };

describe('rules checked on submit, reported early on the draft', () => {
  it('EMPTY_ORDER: no non-zero line and no product change', async () => {
    const draft = await draftOrder(rich, 'Vertical Demo');
    expect(draft.ruleViolations).toEqual([{ code: 'EMPTY_ORDER', field: ['lines'] }]);
    // A zero line is dropped: still nothing to order.
    const zero = await rich.mutate(SET_LINES, {
      orderId: draft.id,
      lines: await lineInputs(rich, draft.customer.id, { 'Basic User': 0 }),
    });
    expectOk(zero);
    expect(zero.order).toMatchObject({
      lines: [],
      ruleViolations: [{ code: 'EMPTY_ORDER', field: ['lines'] }],
    });

    const refused = await refusedLeavingAsWas(draft, () => submit(rich, draft), ['EMPTY_ORDER']);
    expect(errorsOf(refused)).toEqual([['EMPTY_ORDER', ['lines']]]);
  });

  it('NEGATIVE_TO_BE: a line would leave less than zero', async () => {
    // Vertical Demo holds 2 Stand Alone VM.
    const draft = await draftOrder(rich, 'Vertical Demo', { 'Stand Alone VM': -3 });
    expect(draft.lines).toMatchObject([{ available: 2, delta: -3, toBe: -1 }]);
    expect(draft.ruleViolations).toEqual([
      { code: 'NEGATIVE_TO_BE', field: ['lines', '0', 'delta'] },
    ]);

    const refused = await refusedLeavingAsWas(draft, () => submit(rich, draft), ['NEGATIVE_TO_BE']);
    expect(errorsOf(refused)).toEqual([['NEGATIVE_TO_BE', ['lines', '0', 'delta']]]);

    // Down to exactly zero is fine.
    const fixed = await rich.mutate(SET_LINES, {
      orderId: draft.id,
      lines: await lineInputs(rich, draft.customer.id, { 'Stand Alone VM': -2 }),
    });
    expectOk(fixed);
    expect(fixed.order).toMatchObject({ lines: [{ toBe: 0 }], ruleViolations: [] });
  });

  it('PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE: an upgrade with fewer seats of a primary product', async () => {
    const draft = await draftOrder(
      rich,
      'Acme Mail',
      { [ESSENTIALS]: -1 },
      { productChange: { mode: 'REPLACE', product: ADVANCED, replaces: ESSENTIALS } },
    );
    expect(draft.ruleViolations).toEqual([
      { code: 'PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE', field: ['lines', '0', 'delta'] },
    ]);
    const refused = await refusedLeavingAsWas(draft, () => submit(rich, draft), [
      'PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE',
    ]);
    expect(errorsOf(refused)).toEqual([
      ['PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE', ['lines', '0', 'delta']],
    ]);
  });

  it('ADD_ON_NOT_ENABLED: Awareness Training is not in RS-Vertical’s agreement', async () => {
    const draft = await draftOrder(rich, 'Acme Mail', { 'Awareness Training': 10 });
    expect(draft.ruleViolations).toEqual([
      { code: 'ADD_ON_NOT_ENABLED', field: ['lines', '0', 'productId'] },
    ]);
    const refused = await refusedLeavingAsWas(draft, () => submit(rich, draft), [
      'ADD_ON_NOT_ENABLED',
    ]);
    expect(errorsOf(refused)).toEqual([['ADD_ON_NOT_ENABLED', ['lines', '0', 'productId']]]);

    // Archive is enabled.
    const archive = await draftOrder(rich, 'Acme Mail', { Archive: 10 });
    expect(archive.ruleViolations).toEqual([]);
  });

  it('INVALID_UPGRADE: to a product that is not an upgrade of the replaced one', async () => {
    // Acme Mail holds Essentials, but Essentials upgrades only to Advanced.
    const draft = await draftOrder(rich, 'Acme Mail', undefined, {
      productChange: { mode: 'REPLACE', product: ESSENTIALS, replaces: ESSENTIALS },
    });
    expect(draft.ruleViolations).toEqual([
      { code: 'INVALID_UPGRADE', field: ['productChange', 'productId'] },
    ]);
    const refused = await refusedLeavingAsWas(draft, () => submit(rich, draft), [
      'INVALID_UPGRADE',
    ]);
    expect(errorsOf(refused)).toEqual([['INVALID_UPGRADE', ['productChange', 'productId']]]);
  });

  it('INVALID_UPGRADE: of a product the customer does not have', async () => {
    const draft = await draftOrder(rich, 'Fresh Mail', undefined, {
      productChange: { mode: 'REPLACE', product: ADVANCED, replaces: ESSENTIALS },
    });
    expect(await quantities(rich, draft.customer.id)).toMatchObject({ [ESSENTIALS]: 0 });
    expect(draft.ruleViolations).toEqual([
      { code: 'INVALID_UPGRADE', field: ['productChange', 'replacesProductId'] },
    ]);
    const refused = await refusedLeavingAsWas(draft, () => submit(rich, draft), [
      'INVALID_UPGRADE',
    ]);
    expect(errorsOf(refused)).toEqual([
      ['INVALID_UPGRADE', ['productChange', 'replacesProductId']],
    ]);

    // A downgrade Advanced → Essentials on Acme Mail breaks both at once.
    const downgrade = await draftOrder(rich, 'Acme Mail', undefined, {
      productChange: { mode: 'REPLACE', product: ESSENTIALS, replaces: ADVANCED },
    });
    const both = await refusedLeavingAsWas(downgrade, () => submit(rich, downgrade), [
      'INVALID_UPGRADE',
      'INVALID_UPGRADE',
    ]);
    expect(errorsOf(both)).toEqual([
      ['INVALID_UPGRADE', ['productChange', 'productId']],
      ['INVALID_UPGRADE', ['productChange', 'replacesProductId']],
    ]);
  });

  it('MSA_NOT_ACCEPTED and AUTHORIZATION_NOT_CONFIRMED: both tick boxes are needed', async () => {
    const draft = await draftOrder(rich, 'Acme Mail', { Archive: 1 });
    expect(draft.ruleViolations).toEqual([]);

    const noMsa = await refusedLeavingAsWas(
      draft,
      () => submit(rich, draft, { msaAccepted: false }),
      ['MSA_NOT_ACCEPTED'],
    );
    expect(errorsOf(noMsa)).toEqual([['MSA_NOT_ACCEPTED', ['msaAccepted']]]);

    const noAuthorization = await refusedLeavingAsWas(
      draft,
      () => submit(rich, draft, { authorizationConfirmed: false }),
      ['AUTHORIZATION_NOT_CONFIRMED'],
    );
    expect(errorsOf(noAuthorization)).toEqual([
      ['AUTHORIZATION_NOT_CONFIRMED', ['authorizationConfirmed']],
    ]);

    await refusedLeavingAsWas(
      draft,
      () => submit(rich, draft, { msaAccepted: false, authorizationConfirmed: false }),
      ['MSA_NOT_ACCEPTED', 'AUTHORIZATION_NOT_CONFIRMED'],
    );
    expect(await readOrder(rich, draft.id)).toMatchObject({
      msaAccepted: false,
      authorizationConfirmed: false,
    });
  });

  it('all at once: one submit breaking several rules gets every error', async () => {
    const draft = await draftOrder(
      rich,
      'Acme Mail',
      { [ESSENTIALS]: -60, 'Awareness Training': 5 },
      { productChange: { mode: 'REPLACE', product: ESSENTIALS, replaces: ESSENTIALS } },
    );
    const refused = await refusedLeavingAsWas(
      draft,
      () =>
        submit(rich, draft, {
          msaAccepted: false,
          authorizationConfirmed: false,
          implementationLeadId: unknownId('Contact'),
        }),
      [
        'VALIDATION',
        'NEGATIVE_TO_BE',
        'PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE',
        'ADD_ON_NOT_ENABLED',
        'INVALID_UPGRADE',
        'MSA_NOT_ACCEPTED',
        'AUTHORIZATION_NOT_CONFIRMED',
      ],
    );
    expect(errorsOf(refused)).toEqual(
      [
        ['VALIDATION', ['implementationLeadId']],
        ['NEGATIVE_TO_BE', ['lines', '0', 'delta']],
        ['PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE', ['lines', '0', 'delta']],
        ['ADD_ON_NOT_ENABLED', ['lines', '1', 'productId']],
        ['INVALID_UPGRADE', ['productChange', 'productId']],
        ['MSA_NOT_ACCEPTED', ['msaAccepted']],
        ['AUTHORIZATION_NOT_CONFIRMED', ['authorizationConfirmed']],
      ].sort(),
    );
  });
});

describe('VALIDATION: malformed input is refused with its field path, nothing written', () => {
  it('a line naming no product: garbage and unknown ids', async () => {
    const draft = await draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    const [valid] = await lineInputs(rich, draft.customer.id, { 'Basic User': 1 });
    const refused = await refusedLeavingAsWas(
      draft,
      () =>
        rich.mutate(SET_LINES, {
          orderId: draft.id,
          lines: [
            { ...valid, productId: 'no-such-product' },
            { ...valid, productId: unknownId('Product') },
          ],
        }),
      ['VALIDATION', 'VALIDATION'],
    );
    expect(errorsOf(refused)).toEqual([
      ['VALIDATION', ['lines', '0', 'productId']],
      ['VALIDATION', ['lines', '1', 'productId']],
    ]);
  });

  it('a product of another vendor', async () => {
    const draft = await draftOrder(rich, 'Acme Mail', { Archive: 1 });
    const [verticalLine] = await lineInputs(rich, await rich.customerId('Vertical Demo'), {
      'Basic User': 1,
    });
    const [archiveLine] = await lineInputs(rich, draft.customer.id, { Archive: 1 });
    const refused = await refusedLeavingAsWas(
      draft,
      () =>
        rich.mutate(SET_LINES, {
          orderId: draft.id,
          lines: [{ ...archiveLine!, productId: verticalLine!.productId }],
        }),
      ['VALIDATION'],
    );
    expect(errorsOf(refused)).toEqual([['VALIDATION', ['lines', '0', 'productId']]]);
  });

  it('a billing account that is not the customer’s', async () => {
    const draft = await draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    const [line] = await lineInputs(rich, draft.customer.id, { 'Basic User': 1 });
    const [acmeLine] = await lineInputs(rich, await rich.customerId('Acme Mail'), { Archive: 1 });
    const refused = await refusedLeavingAsWas(
      draft,
      () =>
        rich.mutate(SET_LINES, {
          orderId: draft.id,
          lines: [
            { ...line!, billingAccountId: unknownId('BillingAccount') },
            { ...line!, billingAccountId: acmeLine!.billingAccountId },
          ],
        }),
      ['VALIDATION', 'VALIDATION'],
    );
    expect(errorsOf(refused)).toEqual([
      ['VALIDATION', ['lines', '0', 'billingAccountId']],
      ['VALIDATION', ['lines', '1', 'billingAccountId']],
    ]);
  });

  it('a delta beyond ±100000 (±100000 itself is accepted)', async () => {
    const draft = await draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    const lines = (basic: number, premium: number) =>
      lineInputs(rich, draft.customer.id, { 'Basic User': basic, 'Premium UC User': premium });
    const tooBig = await lines(100_001, -100_001);
    const refused = await refusedLeavingAsWas(
      draft,
      () => rich.mutate(SET_LINES, { orderId: draft.id, lines: tooBig }),
      ['VALIDATION', 'VALIDATION'],
    );
    expect(errorsOf(refused)).toEqual([
      ['VALIDATION', ['lines', '0', 'delta']],
      ['VALIDATION', ['lines', '1', 'delta']],
    ]);

    // At the limit the edit is taken; going below zero is a rule, reported, not refused.
    const atLimit = await rich.mutate(SET_LINES, {
      orderId: draft.id,
      lines: await lines(100_000, -100_000),
    });
    expectOk(atLimit);
    expect(atLimit.order!.lines.map((l: { delta: number }) => l.delta)).toEqual([
      100_000, -100_000,
    ]);
    expect(atLimit.order!.ruleViolations).toEqual([
      { code: 'NEGATIVE_TO_BE', field: ['lines', '1', 'delta'] },
    ]);
  });

  it('the same product and billing account twice', async () => {
    const draft = await draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    const [line] = await lineInputs(rich, draft.customer.id, { 'Basic User': 1 });
    const refused = await refusedLeavingAsWas(
      draft,
      () => rich.mutate(SET_LINES, { orderId: draft.id, lines: [line, { ...line!, delta: 2 }] }),
      ['VALIDATION'],
    );
    expect(errorsOf(refused)).toEqual([['VALIDATION', ['lines', '1', 'productId']]]);
  });

  it('a title of 201 characters, or none, creates no order and edits none', async () => {
    const customerId = await rich.customerId('Vertical Demo');
    const orderCount = async () =>
      (await rich.call(CUSTOMER_DETAIL, { id: customerId })).customer.changeOrders.totalCount;
    const countBefore = await orderCount();
    for (const title of ['x'.repeat(201), '', '   ']) {
      const refused = await rich.mutate(CREATE_ORDER, { customerId, title });
      expectRefused(refused, 'VALIDATION');
      expect(errorsOf(refused)).toEqual([['VALIDATION', ['title']]]);
    }
    expect(await orderCount()).toBe(countBefore);

    const draft = await draftOrder(rich, 'Vertical Demo', {}, { title: 'A fine title' });
    for (const title of ['y'.repeat(201), '']) {
      const refused = await refusedLeavingAsWas(
        draft,
        () => rich.mutate(UPDATE_ORDER, { orderId: draft.id, title }),
        ['VALIDATION'],
      );
      expect(errorsOf(refused)).toEqual([['VALIDATION', ['title']]]);
    }
    const longest = await rich.mutate(UPDATE_ORDER, { orderId: draft.id, title: 'z'.repeat(200) });
    expectOk(longest);
    expect(longest.order!.title).toBe('z'.repeat(200));
  });

  it('an implementation lead who is not a contact of the customer', async () => {
    const draft = await draftOrder(rich, 'Acme Mail', { Archive: 1 });
    const refused = await refusedLeavingAsWas(
      draft,
      () =>
        rich.mutate(UPDATE_ORDER, {
          orderId: draft.id,
          implementationLeadId: unknownId('Contact'),
        }),
      ['VALIDATION'],
    );
    expect(errorsOf(refused)).toEqual([['VALIDATION', ['implementationLeadId']]]);
  });

  it('a bad e-mail in addContact adds no contact', async () => {
    const customerId = await rich.customerId('Acme Mail');
    const contacts = async () =>
      (await rich.call(CUSTOMER_DETAIL, { id: customerId })).customer.contacts;
    const before = await contacts();
    const refused = await rich.mutate(ADD_CONTACT, {
      customerId,
      name: 'Nobody',
      email: 'not-an-email',
    });
    expect(refused.contact).toBeNull();
    expect(errorsOf(refused)).toEqual([['VALIDATION', ['email']]]);
    expect(refused.userErrors[0]!.message).toBe('"not-an-email" is not an e-mail address.');
    // Left empty, it is asked for rather than quoted.
    const empty = await rich.mutate(ADD_CONTACT, { customerId, name: 'Nobody', email: '  ' });
    expect(errorsOf(empty)).toEqual([['VALIDATION', ['email']]]);
    expect(empty.userErrors[0]!.message).toBe('Give the contact’s e-mail address.');
    expect(await contacts()).toEqual(before);
  });

  it('a second contact of the customer with the same e-mail, however written', async () => {
    const customerId = await rich.customerId('Acme Mail');
    const contacts = async () =>
      (await rich.call(CUSTOMER_DETAIL, { id: customerId })).customer.contacts;
    const added = await rich.mutate(ADD_CONTACT, {
      customerId,
      name: 'Sam Newlead',
      email: 'sam@acme-mail.example',
    });
    expect(added.userErrors).toEqual([]);
    const before = await contacts();
    for (const email of ['sam@acme-mail.example', '  SAM@Acme-Mail.example ']) {
      const refused = await rich.mutate(ADD_CONTACT, { customerId, name: 'Sam Dup', email });
      expect(refused.contact).toBeNull();
      expect(errorsOf(refused)).toEqual([['VALIDATION', ['email']]]);
      expect(refused.userErrors[0]!.message).toBe('Sam Newlead already has this e-mail address.');
    }
    // The seeded lead's address is taken too; both errors come at once.
    const both = await rich.mutate(ADD_CONTACT, {
      customerId,
      name: '',
      email: 'Lead@acme-mail.example',
    });
    expect(errorsOf(both)).toEqual([
      ['VALIDATION', ['email']],
      ['VALIDATION', ['name']],
    ]);
    expect(await contacts()).toEqual(before);
    // Another customer's contact may share the address: the rule is per customer.
    const elsewhere = await rich.mutate(ADD_CONTACT, {
      customerId: await rich.customerId('Fresh Mail'),
      name: 'Sam Newlead',
      email: 'sam@acme-mail.example',
    });
    expect(elsewhere.userErrors).toEqual([]);
    // The database holds the rule for any other writer too.
    await expect(
      server.portal
        .orm()!
        .em.fork()
        .execute(
          `INSERT INTO contact (id, customer_id, name, email)
           SELECT gen_random_uuid(), c.id, 'Script', ' SAM@acme-mail.EXAMPLE' FROM customer c WHERE c.name = 'Acme Mail'`,
        ),
    ).rejects.toThrow(/contact_customer_id_email_unique/);
    expect(await contacts()).toEqual(before);
  });

  it('a reject without a comment', async () => {
    const order = await submittedOrder(rich, 'Acme Mail', { Archive: 1 });
    for (const comment of [undefined, '', '   ']) {
      const refused = await refusedLeavingAsWas(
        order,
        () => morgan.mutate(REJECT, { orderId: order.id, comment }),
        ['VALIDATION'],
      );
      expect(errorsOf(refused)).toEqual([['VALIDATION', ['comment']]]);
    }
    expect((await readOrder(rich, order.id))!.status).toBe('SUBMITTED');
  });
});

describe('NOT_FOUND: what is not the viewer’s does not exist', () => {
  it('a garbage or unknown order id', async () => {
    for (const orderId of ['garbage', unknownId('ChangeOrder'), unknownId('Customer')]) {
      expect(await readOrder(rich, orderId)).toBeNull();
      for (const [document, input] of [
        [SET_LINES, { orderId, lines: [] }],
        [UPDATE_ORDER, { orderId, title: 'New title' }],
        [SUBMIT, { orderId, msaAccepted: true, authorizationConfirmed: true }],
        [SUBMIT, { orderId, msaAccepted: true, authorizationConfirmed: true, idempotencyKey: 'k' }],
        [CANCEL, { orderId }],
        [FINAL_CONFIRM, { orderId, idempotencyKey: 'k' }],
      ] as const) {
        const refused = await rich.mutate(document, input);
        expectRefused(refused, 'NOT_FOUND');
        expect(errorsOf(refused)).toEqual([['NOT_FOUND', ['orderId']]]);
      }
      expectRefused(await morgan.mutate(APPROVE, { orderId }), 'NOT_FOUND');
    }
  });

  it('an order of another reseller, and its customer', async () => {
    const theirs = await draftOrder(other, 'Other Co', { 'Basic User With VM': 1 });
    expect(await readOrder(rich, theirs.id)).toBeNull();
    for (const [document, input] of [
      [SET_LINES, { orderId: theirs.id, lines: [] }],
      [UPDATE_ORDER, { orderId: theirs.id, title: 'Mine now' }],
      [SUBMIT, { orderId: theirs.id, msaAccepted: true, authorizationConfirmed: true }],
      [CANCEL, { orderId: theirs.id }],
    ] as const) {
      await refusedLeavingAsWas(theirs, () => rich.mutate(document, input), ['NOT_FOUND'], other);
    }

    const otherCoId = await other.customerId('Other Co');
    const created = await rich.mutate(CREATE_ORDER, { customerId: otherCoId, title: 'Poach' });
    expectRefused(created, 'NOT_FOUND');
    expect(errorsOf(created)).toEqual([['NOT_FOUND', ['customerId']]]);
  });

  it('an order of another vendor, and a draft, for a vendor', async () => {
    const submitted = await submittedOrder(rich, 'Acme Mail', { Archive: 1 });
    expect(await readOrder(kim, submitted.id)).toBeNull();
    await refusedLeavingAsWas(submitted, () => kim.mutate(APPROVE, { orderId: submitted.id }), [
      'NOT_FOUND',
    ]);

    // Drafts are the reseller's own: the vendor cannot see one, let alone approve it.
    const draft = await draftOrder(rich, 'Acme Mail', { Archive: 1 });
    expect(await readOrder(morgan, draft.id)).toBeNull();
    await refusedLeavingAsWas(draft, () => morgan.mutate(APPROVE, { orderId: draft.id }), [
      'NOT_FOUND',
    ]);
  });
});

describe('FORBIDDEN: each side does only its own part', () => {
  it('a vendor cannot submit, cancel or Final Confirm', async () => {
    const draft = await draftOrder(rich, 'Acme Mail', { Archive: 1 });
    await refusedLeavingAsWas(draft, () => submit(morgan, draft), ['FORBIDDEN']);

    const approved = await approvedOrder(rich, morgan, 'Acme Mail', { Archive: 1 });
    await refusedLeavingAsWas(
      approved,
      () => morgan.mutate(FINAL_CONFIRM, { orderId: approved.id }),
      ['FORBIDDEN'],
    );
    await refusedLeavingAsWas(approved, () => morgan.mutate(CANCEL, { orderId: approved.id }), [
      'FORBIDDEN',
    ]);
  });

  it('a reseller cannot approve or reject', async () => {
    const order = await submittedOrder(rich, 'Acme Mail', { Archive: 1 });
    await refusedLeavingAsWas(order, () => rich.mutate(APPROVE, { orderId: order.id }), [
      'FORBIDDEN',
    ]);
    await refusedLeavingAsWas(
      order,
      () => rich.mutate(REJECT, { orderId: order.id, comment: 'No' }),
      ['FORBIDDEN'],
    );
  });
});

describe('INVALID_TRANSITION: only the moves of the order’s life', () => {
  it('approve or reject an order already decided', async () => {
    const approved = await approvedOrder(rich, morgan, 'Acme Mail', { Archive: 1 });
    await refusedLeavingAsWas(approved, () => morgan.mutate(APPROVE, { orderId: approved.id }), [
      'INVALID_TRANSITION',
    ]);
    await refusedLeavingAsWas(
      approved,
      () => morgan.mutate(REJECT, { orderId: approved.id, comment: 'Changed my mind' }),
      ['INVALID_TRANSITION'],
    );
  });

  it('Final Confirm a SUBMITTED order', async () => {
    const order = await submittedOrder(rich, 'Vertical Demo', { 'Basic User': 1 });
    await refusedLeavingAsWas(order, () => rich.mutate(FINAL_CONFIRM, { orderId: order.id }), [
      'INVALID_TRANSITION',
    ]);
  });

  it('cancel an APPROVED or a CONFIRMED order', async () => {
    const order = await approvedOrder(rich, kim, 'Vertical Demo', { 'Basic User': 1 });
    await refusedLeavingAsWas(order, () => rich.mutate(CANCEL, { orderId: order.id }), [
      'INVALID_TRANSITION',
    ]);
    expectOk(await rich.mutate(FINAL_CONFIRM, { orderId: order.id }));
    await refusedLeavingAsWas(order, () => rich.mutate(CANCEL, { orderId: order.id }), [
      'INVALID_TRANSITION',
    ]);
  });

  it('edit or submit again a SUBMITTED order', async () => {
    const order = await submittedOrder(rich, 'Acme Mail', { Archive: 1 });
    const lines = await lineInputs(rich, order.customer.id, { Archive: 2 });
    const advanced = await productId(rich, order.customer.id, ADVANCED);
    for (const attempt of [
      () => rich.mutate(SET_LINES, { orderId: order.id, lines }),
      () =>
        rich.mutate(SET_PRODUCT_CHANGE, { orderId: order.id, mode: 'ADD', productId: advanced }),
      () => rich.mutate(UPDATE_ORDER, { orderId: order.id, title: 'Edited late' }),
      () => submit(rich, order),
    ]) {
      await refusedLeavingAsWas(order, attempt, ['INVALID_TRANSITION']);
    }
  });
});

describe('STALE_VERSION: a write from an old copy of the order', () => {
  it('is refused at every step, and the current version goes through', async () => {
    const draft = await draftOrder(rich, 'Vertical Demo');
    expect(draft.version).toBe(1);
    const lines = await lineInputs(rich, draft.customer.id, { 'Basic User': 2 });
    const edited = await rich.mutate(SET_LINES, { orderId: draft.id, expectedVersion: 1, lines });
    expectOk(edited);
    expect(edited.order!.version).toBe(2);

    for (const attempt of [
      () => rich.mutate(SET_LINES, { orderId: draft.id, expectedVersion: 1, lines }),
      () => rich.mutate(UPDATE_ORDER, { orderId: draft.id, expectedVersion: 1, title: 'Old' }),
      () => submit(rich, draft, { expectedVersion: 1 }),
      () => rich.mutate(CANCEL, { orderId: draft.id, expectedVersion: 3 }),
    ]) {
      const refused = await refusedLeavingAsWas(draft, attempt, ['STALE_VERSION']);
      expect(errorsOf(refused)).toEqual([['STALE_VERSION', ['expectedVersion']]]);
    }

    expectOk(await submit(rich, draft, { expectedVersion: 2 }));
    await refusedLeavingAsWas(
      draft,
      () => kim.mutate(APPROVE, { orderId: draft.id, expectedVersion: 2 }),
      ['STALE_VERSION'],
    );
    expectOk(await kim.mutate(APPROVE, { orderId: draft.id, expectedVersion: 3 }));
    await refusedLeavingAsWas(
      draft,
      () => rich.mutate(FINAL_CONFIRM, { orderId: draft.id, expectedVersion: 3 }),
      ['STALE_VERSION'],
    );
    const confirmed = await rich.mutate(FINAL_CONFIRM, { orderId: draft.id, expectedVersion: 4 });
    expectOk(confirmed);
    expect(confirmed.order).toMatchObject({ status: 'CONFIRMED', version: 5 });
  });
});

describe('INVENTORY_CHANGED: Final Confirm against today’s inventory', () => {
  it('two orders of −10 on 13: the second Final Confirm applies nothing', async () => {
    const customerId = await rich.customerId('Vertical Demo');
    const before = await quantities(rich, customerId);
    expect(before['Basic User With VM']).toBe(13);

    // Each is fine on its own: 13 − 10 = 3.
    const first = await approvedOrder(rich, kim, 'Vertical Demo', { 'Basic User With VM': -10 });
    const second = await approvedOrder(rich, kim, 'Vertical Demo', {
      'Basic User With VM': -10,
      'Skype for Business 2010 RCCV': 4,
    });
    expect(second.lines).toMatchObject([{ available: 13, delta: -10, toBe: 3 }, { delta: 4 }]);

    expectOk(await rich.mutate(FINAL_CONFIRM, { orderId: first.id }));
    const movedOnce = { ...before, 'Basic User With VM': 3 };
    expect(await quantities(rich, customerId)).toEqual(movedOnce);

    const refused = await refusedLeavingAsWas(
      second,
      () => rich.mutate(FINAL_CONFIRM, { orderId: second.id }),
      ['INVENTORY_CHANGED'],
    );
    expect(errorsOf(refused)).toEqual([['INVENTORY_CHANGED', ['lines', '0', 'delta']]]);
    // Neither the −10 nor the +4 of the second order was applied.
    expect(await quantities(rich, customerId)).toEqual(movedOnce);
    expect((await readOrder(rich, second.id))!.status).toBe('APPROVED');
  });
});

describe('INVALID_CREDENTIALS: sign-in tells nothing about who exists', () => {
  it('a wrong password and an unknown e-mail get the same single error', async () => {
    const login = async (email: string, password: string) =>
      (
        await graphql<{ login: Payload }>(server.graphqlUrl, LOGIN, {
          email,
          password,
        })
      ).data!.login;
    const wrongPassword = await login(USERS.rich, 'not-demo');
    const unknownEmail = await login('nobody@nowhere.example', 'demo');

    expect(wrongPassword).toEqual({
      token: null,
      viewer: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', message: expect.any(String), field: null }],
    });
    expect(unknownEmail).toEqual(wrongPassword);
    expect((await login(USERS.rich, 'demo')).token).toEqual(expect.any(String));
  });
});

describe('the ways out: cancel and reject', () => {
  it('cancels a DRAFT, which the vendor never sees', async () => {
    const draft = await draftOrder(rich, 'Acme Mail', { Archive: 1 });
    const cancelled = await rich.mutate(CANCEL, { orderId: draft.id, expectedVersion: 2 });
    expectOk(cancelled);
    expect(cancelled.order).toMatchObject({ status: 'CANCELLED', version: 3 });
    expect(
      cancelled.order!.history.map((e: HistoryEvent) => [e.type, e.fromStatus, e.toStatus]),
    ).toEqual([
      ['CREATED', null, 'DRAFT'],
      ['UPDATED', 'DRAFT', 'DRAFT'],
      ['CANCELLED', 'DRAFT', 'CANCELLED'],
    ]);
    expect(await readOrder(morgan, draft.id)).toBeNull();
  });

  it('cancels a SUBMITTED order, and the vendor sees it withdrawn', async () => {
    const customerId = await rich.customerId('Acme Mail');
    const inventory = await quantities(rich, customerId);
    const order = await submittedOrder(rich, 'Acme Mail', { Archive: 3 });
    const cancelled = await rich.mutate(CANCEL, { orderId: order.id });
    expectOk(cancelled);
    expect(cancelled.order!.status).toBe('CANCELLED');

    const seen = await readOrder(morgan, order.id);
    expect(seen).toMatchObject({ status: 'CANCELLED' });
    expect(seen!.history.map((e: HistoryEvent) => e.type)).toEqual(['SUBMITTED', 'CANCELLED']);
    await refusedLeavingAsWas(order, () => morgan.mutate(APPROVE, { orderId: order.id }), [
      'INVALID_TRANSITION',
    ]);
    expect(await quantities(rich, customerId)).toEqual(inventory);
  });

  it('rejects with a comment, and Rich is alerted', async () => {
    const customerId = await rich.customerId('Acme Mail');
    const inventory = await quantities(rich, customerId);
    const order = await submittedOrder(rich, 'Acme Mail', { Archive: 2 });
    const rejected = await morgan.mutate(REJECT, {
      orderId: order.id,
      comment: 'Archive needs a signed DPA first',
    });
    expectOk(rejected);
    expect(rejected.order).toMatchObject({
      status: 'REJECTED',
      approvalComment: 'Archive needs a signed DPA first',
    });
    expect(rejected.order!.decidedAt).toEqual(expect.any(String));

    const { pendingAlerts } = await rich.call<{
      pendingAlerts: { kind: string; order: { id: string } }[];
    }>(PENDING_ALERTS);
    expect(pendingAlerts.filter((a) => a.order.id === order.id).map((a) => a.kind)).toEqual([
      'ORDER_REJECTED',
    ]);
    const history = (await rich.call(ORDER, { id: order.id })).changeOrder.history;
    expect(history.at(-1)).toMatchObject({
      type: 'REJECTED',
      fromStatus: 'SUBMITTED',
      toStatus: 'REJECTED',
      comment: 'Archive needs a signed DPA first',
      actor: { name: 'Morgan Approver' },
    });
    // Nothing more can happen to it.
    await refusedLeavingAsWas(order, () => rich.mutate(FINAL_CONFIRM, { orderId: order.id }), [
      'INVALID_TRANSITION',
    ]);
    await refusedLeavingAsWas(order, () => rich.mutate(CANCEL, { orderId: order.id }), [
      'INVALID_TRANSITION',
    ]);
    expect(await quantities(rich, customerId)).toEqual(inventory);
  });
});
