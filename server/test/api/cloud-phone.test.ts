/**
 * SPEC.md's cloud-phone scenario end to end over HTTP: Rich (RS-Vertical) changes Vertical
 * Demo's Premium IPECS ONE USER from 11 by +1, submits; Kim (Vertical) approves; Rich gets
 * the confirmation alert, Final Confirms, and the grid shows 12.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, expectOk, USERS } from '../helpers/api.js';
import {
  APPROVE,
  CREATE_ORDER,
  FINAL_CONFIRM,
  ORDER,
  ORDERS_TO_CONFIRM,
  PENDING_ALERTS,
  SET_LINES,
  SUBMIT,
  ACK_ALERT,
} from '../helpers/documents.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let rich: Api;
let kim: Api;
beforeAll(async () => {
  server = await createTestServer();
  [rich, kim] = await Promise.all([Api.as(server, USERS.rich), Api.as(server, USERS.kim)]);
});
afterAll(() => server.close());

describe('cloud phone: a Vertical Demo change order through its whole life', () => {
  it('shows the demo grid exactly as SPEC.md lists it', async () => {
    const grid = await rich.grid(await rich.customerId('Vertical Demo'));
    expect(
      [...grid.values()].map((row) => [
        row.product.itemGroup,
        row.product.name,
        row.billingAccount.name,
        row.available,
      ]),
    ).toEqual([
      ['User License', 'Basic User', 'Vertical Demo', 0],
      ['User License', 'Premium UC User', 'Vertical Demo', 0],
      ['User License', 'Premium PLUS IPECS ONE USER', 'Vertical Demo', 12],
      ['User License', 'Premium IPECS ONE USER', 'Vertical Demo', 11],
      ['User License', 'Basic User & no VM', 'Vertical Demo', 1],
      ['User License', 'Basic User With VM', 'Vertical Demo', 13],
      ['User License', 'Stand Alone VM', 'Vertical Demo', 2],
      ['Soft Client', 'Skype for Business 2010 RCCV', 'Vertical Demo', 0],
    ]);
  });

  it('11 + 1 = 12: create, edit, submit, approve, Final Confirm', async () => {
    const customerId = await rich.customerId('Vertical Demo');
    const premium = (await rich.grid(customerId)).get('Premium IPECS ONE USER')!;

    const created = await rich.mutate(CREATE_ORDER, {
      customerId,
      title: 'One more Premium user',
      note: 'New hire',
    });
    expectOk(created);
    const order = created.order!;
    expect(order).toMatchObject({
      status: 'DRAFT',
      type: 'CHANGE',
      version: 1,
      requestTo: { name: 'Vertical' },
      reseller: { name: 'RS-Vertical' },
      orderUser: { name: 'Rich Balazsi', email: USERS.rich },
      submittedAt: null,
      lines: [],
    });
    expect(order.number).toBeGreaterThanOrEqual(500001);
    expect(order.ruleViolations).toEqual([{ code: 'EMPTY_ORDER', field: ['lines'] }]);

    const edited = await rich.mutate(SET_LINES, {
      orderId: order.id,
      expectedVersion: 1,
      lines: [
        { productId: premium.product.id, billingAccountId: premium.billingAccount.id, delta: 1 },
      ],
    });
    expectOk(edited);
    expect(edited.order!.version).toBe(2);
    expect(edited.order!.lines).toEqual([
      {
        product: { id: premium.product.id, name: 'Premium IPECS ONE USER', kind: 'ITEM' },
        billingAccount: { id: premium.billingAccount.id, name: 'Vertical Demo' },
        available: 11,
        delta: 1,
        toBe: 12,
      },
    ]);
    expect(edited.order!.ruleViolations).toEqual([]);
    expect(edited.order!.costPreview.deltaMonthly.cents).toBe(3000);

    const submitted = await rich.mutate(SUBMIT, {
      orderId: order.id,
      expectedVersion: 2,
      msaAccepted: true,
      authorizationConfirmed: true,
    });
    expectOk(submitted);
    expect(submitted.order).toMatchObject({ status: 'SUBMITTED', version: 3, msaAccepted: true });
    expect(submitted.order!.submittedAt).toEqual(expect.any(String));

    const approved = await kim.mutate(APPROVE, { orderId: order.id, comment: 'Approved, thanks' });
    expectOk(approved);
    expect(approved.order).toMatchObject({
      status: 'APPROVED',
      approvalComment: 'Approved, thanks',
    });
    expect(approved.order!.decidedAt).toEqual(expect.any(String));

    const toConfirm = await rich.call<{ ordersToConfirm: { id: string }[] }>(ORDERS_TO_CONFIRM);
    expect(toConfirm.ordersToConfirm.map((o) => o.id)).toContain(order.id);
    const alerts = await rich.call<{
      pendingAlerts: { id: string; kind: string; order: { id: string } }[];
    }>(PENDING_ALERTS);
    const alert = alerts.pendingAlerts.find((a) => a.order.id === order.id);
    expect(alert?.kind).toBe('ORDER_TO_CONFIRM');

    const confirmed = await rich.mutate(FINAL_CONFIRM, { orderId: order.id });
    expectOk(confirmed);
    expect(confirmed.order).toMatchObject({ status: 'CONFIRMED' });
    expect(confirmed.order!.confirmedAt).toEqual(expect.any(String));
    // The order keeps what it saw at submission.
    expect(confirmed.order!.lines[0]).toMatchObject({ available: 11, delta: 1, toBe: 12 });

    const grid = await rich.grid(customerId);
    expect(grid.get('Premium IPECS ONE USER')!.available).toBe(12);
    expect(grid.get('Premium PLUS IPECS ONE USER')!.available).toBe(12);

    const acked = await rich.call<{
      acknowledgeAlert: { acknowledged: { id: string }[]; userErrors: unknown[] };
    }>(ACK_ALERT, { id: alert!.id });
    expect(acked.acknowledgeAlert).toMatchObject({
      acknowledged: [{ id: alert!.id }],
      userErrors: [],
    });

    const history = (
      await rich.call<{
        changeOrder: {
          history: {
            type: string;
            fromStatus: string | null;
            toStatus: string;
            actor: { name: string };
          }[];
        };
      }>(ORDER, { id: order.id })
    ).changeOrder.history;
    expect(
      history.map((event) => [event.type, event.fromStatus, event.toStatus, event.actor.name]),
    ).toEqual([
      ['CREATED', null, 'DRAFT', 'Rich Balazsi'],
      ['UPDATED', 'DRAFT', 'DRAFT', 'Rich Balazsi'],
      ['SUBMITTED', 'DRAFT', 'SUBMITTED', 'Rich Balazsi'],
      ['APPROVED', 'SUBMITTED', 'APPROVED', 'Kimberly Macdonald'],
      ['CONFIRMED', 'APPROVED', 'CONFIRMED', 'Rich Balazsi'],
    ]);
    const vendorHistory = (
      await kim.call<{ changeOrder: { history: { type: string }[] } }>(ORDER, { id: order.id })
    ).changeOrder.history;
    expect(vendorHistory.map((event) => event.type)).toEqual([
      'SUBMITTED',
      'APPROVED',
      'CONFIRMED',
    ]);
  });
});
