/**
 * SPEC.md "People and what they may do": an object of another organisation does not exist
 * for the viewer (null, absent, NOT_FOUND), a role without the right is FORBIDDEN, and a
 * refused request writes nothing.
 *
 * The scene (made in beforeAll, through the API):
 * - RS-Vertical (Rich, admin; Ann, agent): D a draft and S a submitted order of Vertical
 *   Demo, A one approved by Kim (Rich holds its ORDER_TO_CONFIRM alert), M a submitted
 *   Acme Mail order (to Mimecast), and an API key with READ only.
 * - RS-Other (Other Admin): OA an approved and OD a draft order of Other Co, a READ key.
 * - Vertical (Kim, approver; Victor, admin, with a READ key) and Mimecast (Morgan).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, expectOk, USERS, type Payload } from '../helpers/api.js';
import {
  ACK_ALERT,
  ACK_ALL,
  ADD_CONTACT,
  API_KEYS,
  APPROVE,
  CANCEL,
  CHANGE_ORDERS,
  COPY_ORDER,
  CREATE_API_KEY,
  CREATE_ORDER,
  CUSTOMER_DETAIL,
  CUSTOMER_ORDERS,
  CUSTOMERS,
  EVENT_LOG,
  FINAL_CONFIRM,
  NODE,
  ORDER,
  ORDER_HISTORY,
  ORDERS_TO_CONFIRM,
  PENDING_ALERTS,
  PRODUCTS,
  REJECT,
  REVOKE_API_KEY,
  SET_LINES,
  SET_PRODUCT_CHANGE,
  SUBMIT,
  UPDATE_ORDER,
  VIEWER_IDS,
} from '../helpers/documents.js';
import { createUser, EXTRA_USERS, expectNothingWritten } from '../helpers/fixtures.js';
import { approvedOrder, draftOrder, submittedOrder } from '../helpers/orders.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

type Who =
  'rich' | 'agent' | 'readKey' | 'other' | 'kim' | 'vendorAdmin' | 'vendorReadKey' | 'morgan';

let server: TestServer;
const as = {} as Record<Who, Api>;
/** Global ids of the scene's objects, by label. */
const id: Record<string, string> = {};
/** The GraphQL type of each labelled object. */
const typeOf: Record<string, string> = {};
const ORDERS = ['D', 'S', 'A', 'M', 'OA', 'OD'] as const;

function remember(label: string, type: string, globalId: string | undefined): void {
  if (!globalId) throw new Error(`no id for ${label}`);
  id[label] = globalId;
  typeOf[label] = type;
}

/** The scene's label of an order id ('?' for one outside the scene). */
function orderLabel(orderId: string): string {
  return ORDERS.find((label) => id[label] === orderId) ?? '?';
}

async function customerDetail(api: Api, customerId: string) {
  return (await api.call<{ customer: any }>(CUSTOMER_DETAIL, { id: customerId })).customer;
}

async function eventId(api: Api, orderId: string, type: string): Promise<string | undefined> {
  const data = await api.call<{ changeOrder: { history: { id: string; type: string }[] } }>(
    ORDER_HISTORY,
    { id: orderId },
  );
  return data.changeOrder.history.find((event) => event.type === type)?.id;
}

async function alertAbout(api: Api, orderId: string): Promise<string | undefined> {
  const data = await api.call<{ pendingAlerts: { id: string; order: { id: string } }[] }>(
    PENDING_ALERTS,
  );
  return data.pendingAlerts.find((alert) => alert.order.id === orderId)?.id;
}

async function makeKey(admin: Api, name: string, scopes: string[]) {
  const made = await admin.mutate(CREATE_API_KEY, { name, scopes });
  expectOk(made);
  return { id: (made.apiKey as { id: string }).id, secret: made.secret as string };
}

beforeAll(async () => {
  server = await createTestServer();
  await createUser(server, EXTRA_USERS.ann);
  await createUser(server, EXTRA_USERS.victor);
  [as.rich, as.agent, as.other, as.kim, as.vendorAdmin, as.morgan] = await Promise.all([
    Api.as(server, USERS.rich),
    Api.as(server, EXTRA_USERS.ann.email),
    Api.as(server, USERS.other),
    Api.as(server, USERS.kim),
    Api.as(server, EXTRA_USERS.victor.email),
    Api.as(server, USERS.morgan),
  ]);
  const { rich, other, kim, vendorAdmin, morgan } = as;

  remember('Vertical Demo', 'Customer', await rich.customerId('Vertical Demo'));
  remember('Acme Mail', 'Customer', await rich.customerId('Acme Mail'));
  remember('Other Co', 'Customer', await other.customerId('Other Co'));

  const order = async (made: Promise<{ id: string }>) => (await made).id;
  remember(
    'D',
    'ChangeOrder',
    await order(draftOrder(rich, 'Vertical Demo', { 'Premium IPECS ONE USER': 1 })),
  );
  remember(
    'S',
    'ChangeOrder',
    await order(submittedOrder(rich, 'Vertical Demo', { 'Premium IPECS ONE USER': 1 })),
  );
  remember(
    'A',
    'ChangeOrder',
    await order(approvedOrder(rich, kim, 'Vertical Demo', { 'Basic User': 1 })),
  );
  remember(
    'M',
    'ChangeOrder',
    await order(submittedOrder(rich, 'Acme Mail', { 'Email Security Essentials': 1 })),
  );
  remember(
    'OA',
    'ChangeOrder',
    await order(approvedOrder(other, kim, 'Other Co', { 'Basic User With VM': 1 })),
  );
  remember('OD', 'ChangeOrder', await order(draftOrder(other, 'Other Co', { 'Basic User': 1 })));

  const verticalDemo = await customerDetail(rich, id['Vertical Demo']!);
  const acme = await customerDetail(rich, id['Acme Mail']!);
  const otherCo = await customerDetail(other, id['Other Co']!);
  remember('Vertical Demo HQ', 'Site', verticalDemo.sites[0]?.id);
  remember('BA Vertical Demo', 'BillingAccount', verticalDemo.billingAccounts[0]?.id);
  remember('Dana Lead', 'Contact', acme.implementationLead?.id);
  remember('Other Co Site', 'Site', otherCo.sites[0]?.id);
  remember('BA Other Co', 'BillingAccount', otherCo.billingAccounts[0]?.id);
  remember('Olive Other', 'Contact', otherCo.contacts[0]?.id);

  remember('D created', 'OrderEvent', await eventId(rich, id.D!, 'CREATED'));
  remember('S created', 'OrderEvent', await eventId(rich, id.S!, 'CREATED'));
  remember('S submitted', 'OrderEvent', await eventId(rich, id.S!, 'SUBMITTED'));
  remember('M submitted', 'OrderEvent', await eventId(rich, id.M!, 'SUBMITTED'));
  remember('OA submitted', 'OrderEvent', await eventId(other, id.OA!, 'SUBMITTED'));
  remember('OD created', 'OrderEvent', await eventId(other, id.OD!, 'CREATED'));

  remember("Rich's alert", 'Alert', await alertAbout(rich, id.A!));
  remember("Other's alert", 'Alert', await alertAbout(other, id.OA!));
  remember("Kim's alert", 'Alert', await alertAbout(kim, id.S!));
  remember("Victor's alert", 'Alert', await alertAbout(vendorAdmin, id.S!));
  remember("Morgan's alert", 'Alert', await alertAbout(morgan, id.M!));

  const richKey = await makeKey(rich, "Rich's key", ['READ']);
  const otherKey = await makeKey(other, "Other's key", ['READ']);
  const verticalKey = await makeKey(vendorAdmin, "Vertical's key", ['READ']);
  remember("Rich's key", 'ApiKey', richKey.id);
  remember("Other's key", 'ApiKey', otherKey.id);
  remember("Vertical's key", 'ApiKey', verticalKey.id);
  as.readKey = new Api(server, richKey.secret);
  as.vendorReadKey = new Api(server, verticalKey.secret);

  for (const [label, api] of [
    ['Rich', rich],
    ['Other Admin', other],
    ['Kim', kim],
    ['Morgan', morgan],
  ] as const) {
    const viewer = (await api.call<{ viewer: any }>(VIEWER_IDS)).viewer;
    remember(label, 'User', viewer.user.id);
    remember(viewer.organization.name, 'Organization', viewer.organization.id);
  }
  const products = (await rich.call<{ products: { id: string; name: string }[] }>(PRODUCTS))
    .products;
  const product = (name: string) => products.find((p) => p.name === name)?.id;
  remember('Basic User', 'Product', product('Basic User'));
  remember('Premium IPECS ONE USER', 'Product', product('Premium IPECS ONE USER'));
  remember('Email Security Essentials', 'Product', product('Email Security Essentials'));
});
afterAll(() => server.close());

describe('viewer: everyone is who they signed in as, in their own organisation', () => {
  it.each<[Who, string, string]>([
    ['rich', 'RESELLER_ADMIN', 'RS-Vertical'],
    ['agent', 'RESELLER_AGENT', 'RS-Vertical'],
    ['readKey', 'API_CLIENT', 'RS-Vertical'],
    ['other', 'RESELLER_ADMIN', 'RS-Other'],
    ['kim', 'VENDOR_APPROVER', 'Vertical'],
    ['vendorAdmin', 'VENDOR_ADMIN', 'Vertical'],
    ['vendorReadKey', 'API_CLIENT', 'Vertical'],
    ['morgan', 'VENDOR_APPROVER', 'Mimecast'],
  ])('%s is %s of %s', async (who, role, organization) => {
    const { viewer } = await as[who].call<{ viewer: any }>(VIEWER_IDS);
    expect(viewer).toMatchObject({ role, organization: { name: organization } });
  });
});

describe('customers and customer(id): only the viewer’s own customers exist', () => {
  it.each<[Who, string[]]>([
    ['rich', ['Acme Mail', 'Vertical Demo']],
    ['agent', ['Acme Mail', 'Vertical Demo']],
    ['readKey', ['Acme Mail', 'Vertical Demo']],
    ['other', ['Other Co']],
    ['kim', ['Other Co', 'Vertical Demo']],
    ['vendorAdmin', ['Other Co', 'Vertical Demo']],
    ['vendorReadKey', ['Other Co', 'Vertical Demo']],
    ['morgan', ['Acme Mail']],
  ])('%s lists exactly %j', async (who, names) => {
    const { customers } = await as[who].call<{ customers: any }>(CUSTOMERS, { first: 100 });
    expect(customers.edges.map((edge: any) => edge.node.name)).toEqual(names);
    expect(customers.totalCount).toBe(names.length);
  });

  it.each<[Who, string]>([
    ['other', 'Vertical Demo'],
    ['other', 'Acme'],
    ['rich', 'Other Co'],
    ['kim', 'Acme'],
    ['morgan', 'Vertical'],
    ['morgan', 'Other'],
  ])('%s searching for "%s" finds nothing', async (who, search) => {
    const { customers } = await as[who].call<{ customers: any }>(CUSTOMERS, { search });
    expect(customers).toMatchObject({ totalCount: 0, edges: [] });
  });

  it.each<[Who, string, boolean]>([
    ['rich', 'Vertical Demo', true],
    ['rich', 'Acme Mail', true],
    ['rich', 'Other Co', false],
    ['agent', 'Vertical Demo', true],
    ['agent', 'Other Co', false],
    ['readKey', 'Acme Mail', true],
    ['readKey', 'Other Co', false],
    ['other', 'Other Co', true],
    ['other', 'Vertical Demo', false],
    ['other', 'Acme Mail', false],
    ['kim', 'Vertical Demo', true],
    ['kim', 'Other Co', true],
    ['kim', 'Acme Mail', false],
    ['vendorReadKey', 'Vertical Demo', true],
    ['vendorReadKey', 'Acme Mail', false],
    ['morgan', 'Acme Mail', true],
    ['morgan', 'Vertical Demo', false],
    ['morgan', 'Other Co', false],
  ])('%s: customer(%s) is visible: %s', async (who, label, visible) => {
    const { customer } = await as[who].call<{ customer: any }>(CUSTOMER_DETAIL, { id: id[label] });
    if (visible) expect(customer).toMatchObject({ id: id[label], name: label });
    else expect(customer).toBeNull();
  });
});

/** The scene's orders each viewer may see: resellers all of theirs, vendors theirs once submitted. */
const ORDER_VISIBILITY: [Who, string[]][] = [
  ['rich', ['D', 'S', 'A', 'M']],
  ['agent', ['D', 'S', 'A', 'M']],
  ['readKey', ['D', 'S', 'A', 'M']],
  ['other', ['OA', 'OD']],
  ['kim', ['S', 'A', 'OA']],
  ['vendorAdmin', ['S', 'A', 'OA']],
  ['vendorReadKey', ['S', 'A', 'OA']],
  ['morgan', ['M']],
];

describe('orders: only the viewer’s own (and, for a vendor, only once submitted)', () => {
  it.each(ORDER_VISIBILITY)('%s: changeOrder(id) answers for exactly %j', async (who, visible) => {
    const seen: string[] = [];
    for (const label of ORDERS) {
      const { changeOrder } = await as[who].call<{ changeOrder: any }>(ORDER, { id: id[label] });
      if (changeOrder) {
        expect(changeOrder.id).toBe(id[label]);
        seen.push(label);
      }
    }
    expect(seen).toEqual(visible);
  });

  it.each(ORDER_VISIBILITY)('%s: changeOrders lists exactly %j', async (who, visible) => {
    const { changeOrders } = await as[who].call<{ changeOrders: any }>(CHANGE_ORDERS, {
      first: 100,
    });
    const labels = changeOrders.edges.map((edge: any) => orderLabel(edge.node.id));
    expect([...labels].sort()).toEqual([...visible].sort());
    expect(changeOrders.totalCount).toBe(visible.length);
  });

  it.each(ORDER_VISIBILITY)(
    '%s: node(id) answers for exactly the orders %j',
    async (who, visible) => {
      const seen: string[] = [];
      for (const label of ORDERS) {
        const { node } = await as[who].call<{ node: any }>(NODE, { id: id[label] });
        if (node) seen.push(label);
      }
      expect(seen).toEqual(visible);
    },
  );

  it.each<[Who, string]>([
    ['other', 'Vertical Demo'],
    ['other', 'Acme Mail'],
    ['rich', 'Other Co'],
    ['kim', 'Acme Mail'],
    ['morgan', 'Vertical Demo'],
    ['morgan', 'Other Co'],
  ])('%s: changeOrders filtered by %s (not theirs) is empty', async (who, customer) => {
    const { changeOrders } = await as[who].call<{ changeOrders: any }>(CHANGE_ORDERS, {
      filter: { customerId: id[customer] },
    });
    expect(changeOrders).toMatchObject({ totalCount: 0, edges: [] });
  });

  it.each<[Who, string, string[]]>([
    ['rich', 'Vertical Demo', ['D', 'S', 'A']],
    ['rich', 'Acme Mail', ['M']],
    ['agent', 'Vertical Demo', ['D', 'S', 'A']],
    ['other', 'Other Co', ['OA', 'OD']],
    ['kim', 'Vertical Demo', ['S', 'A']],
    ['kim', 'Other Co', ['OA']],
    ['vendorReadKey', 'Other Co', ['OA']],
    ['morgan', 'Acme Mail', ['M']],
  ])('%s: Customer(%s).changeOrders holds exactly %j', async (who, customer, visible) => {
    const data = await as[who].call<{ customer: any }>(CUSTOMER_ORDERS, { id: id[customer] });
    const labels = data.customer.changeOrders.edges.map((edge: any) => orderLabel(edge.node.id));
    expect([...labels].sort()).toEqual([...visible].sort());
    expect(data.customer.changeOrders.totalCount).toBe(visible.length);
  });

  it('a vendor reaching a customer through an order still sees none of its drafts', async () => {
    const data = await as.kim.call<{ changeOrder: any }>(
      `query ($id: ID!) { changeOrder(id: $id) { customer { changeOrders(first: 100) { edges { node { id } } } } } }`,
      { id: id.S },
    );
    const labels = data.changeOrder.customer.changeOrders.edges.map((edge: any) =>
      orderLabel(edge.node.id),
    );
    expect([...labels].sort()).toEqual(['A', 'S']);
  });

  it.each<[Who, string[]]>([
    ['rich', ['A']],
    ['agent', ['A']],
    ['readKey', ['A']],
    ['other', ['OA']],
    ['kim', []],
    ['vendorAdmin', []],
    ['morgan', []],
  ])('%s: ordersToConfirm is exactly %j', async (who, expected) => {
    const { ordersToConfirm } = await as[who].call<{ ordersToConfirm: { id: string }[] }>(
      ORDERS_TO_CONFIRM,
    );
    expect(ordersToConfirm.map((order) => orderLabel(order.id))).toEqual(expected);
  });
});

describe('pendingAlerts: each person’s own', () => {
  it.each<[Who, [string, string][]]>([
    ['rich', [['ORDER_TO_CONFIRM', 'A']]],
    ['agent', []],
    ['readKey', []],
    ['other', [['ORDER_TO_CONFIRM', 'OA']]],
    [
      'kim',
      [
        ['ORDER_SUBMITTED', 'S'],
        ['ORDER_SUBMITTED', 'A'],
        ['ORDER_SUBMITTED', 'OA'],
      ],
    ],
    [
      'vendorAdmin',
      [
        ['ORDER_SUBMITTED', 'S'],
        ['ORDER_SUBMITTED', 'A'],
        ['ORDER_SUBMITTED', 'OA'],
      ],
    ],
    ['vendorReadKey', []],
    ['morgan', [['ORDER_SUBMITTED', 'M']]],
  ])('%s has exactly %j', async (who, expected) => {
    const { pendingAlerts } = await as[who].call<{ pendingAlerts: any[] }>(PENDING_ALERTS);
    expect(pendingAlerts.map((alert) => [alert.kind, orderLabel(alert.order.id)])).toEqual(
      expected,
    );
  });

  it('two people told of one order hold two different alerts', async () => {
    const ids = async (api: Api) =>
      (await api.call<{ pendingAlerts: { id: string }[] }>(PENDING_ALERTS)).pendingAlerts.map(
        (alert) => alert.id,
      );
    const [kims, victors] = await Promise.all([ids(as.kim), ids(as.vendorAdmin)]);
    expect(kims).toHaveLength(3);
    expect(kims.filter((alertId) => victors.includes(alertId))).toEqual([]);
  });
});

describe('products: the catalogues of the vendors the viewer trades with, at its own prices', () => {
  it.each<[Who, string[], number | null]>([
    ['rich', ['Mimecast', 'Vertical'], 1500],
    ['agent', ['Mimecast', 'Vertical'], 1500],
    ['other', ['Vertical'], 1600],
    ['kim', ['Vertical'], null],
    ['vendorReadKey', ['Vertical'], null],
    ['morgan', ['Mimecast'], null],
  ])('%s sees the catalogues of %j; Basic User costs %s', async (who, vendors, basicUser) => {
    const { products } = await as[who].call<{ products: any[] }>(PRODUCTS);
    expect([...new Set(products.map((p) => p.vendor.name))].sort()).toEqual(vendors);
    const basic = products.find((p) => p.name === 'Basic User');
    if (vendors.includes('Vertical')) expect(basic.unitPrice?.cents ?? null).toBe(basicUser);
    else expect(basic).toBeUndefined();
  });

  it.each<[Who, string]>([
    ['other', 'Mimecast'],
    ['kim', 'Mimecast'],
    ['morgan', 'Vertical'],
    ['morgan', 'RS-Vertical'],
  ])('%s: products(vendorId: %s) is empty', async (who, vendor) => {
    const { products } = await as[who].call<{ products: unknown[] }>(PRODUCTS, {
      vendorId: id[vendor],
    });
    expect(products).toEqual([]);
  });
});

describe('orderEventLog: only the viewer’s events; vendors never see a draft’s', () => {
  const RESELLER_VIEW = {
    D: ['CREATED', 'UPDATED'],
    S: ['CREATED', 'UPDATED', 'SUBMITTED'],
    A: ['CREATED', 'UPDATED', 'SUBMITTED', 'APPROVED'],
    M: ['CREATED', 'UPDATED', 'SUBMITTED'],
  };
  const VERTICAL_VIEW = {
    S: ['SUBMITTED'],
    A: ['SUBMITTED', 'APPROVED'],
    OA: ['SUBMITTED', 'APPROVED'],
  };
  it.each<[Who, Record<string, string[]>]>([
    ['rich', RESELLER_VIEW],
    ['agent', RESELLER_VIEW],
    ['readKey', RESELLER_VIEW],
    ['other', { OA: ['CREATED', 'UPDATED', 'SUBMITTED', 'APPROVED'], OD: ['CREATED', 'UPDATED'] }],
    ['kim', VERTICAL_VIEW],
    ['vendorAdmin', VERTICAL_VIEW],
    ['vendorReadKey', VERTICAL_VIEW],
    ['morgan', { M: ['SUBMITTED'] }],
  ])('%s sees exactly %j', async (who, expected) => {
    const { orderEventLog } = await as[who].call<{ orderEventLog: any[] }>(EVENT_LOG, {
      after: 0,
      first: 100,
    });
    const byOrder: Record<string, string[]> = {};
    for (const event of orderEventLog)
      (byOrder[orderLabel(event.order.id)] ??= []).push(event.type);
    expect(byOrder).toEqual(expected);
  });

  it.each<[Who, string, string[]]>([
    ['rich', 'S', ['CREATED', 'UPDATED', 'SUBMITTED']],
    ['kim', 'S', ['SUBMITTED']],
    ['kim', 'OA', ['SUBMITTED', 'APPROVED']],
    ['other', 'OA', ['CREATED', 'UPDATED', 'SUBMITTED', 'APPROVED']],
  ])('%s: the history of %s is %j', async (who, order, types) => {
    const { changeOrder } = await as[who].call<{ changeOrder: any }>(ORDER_HISTORY, {
      id: id[order],
    });
    expect(changeOrder.history.map((event: any) => event.type)).toEqual(types);
  });
});

describe('apiKeys: an administrator’s own organisation’s keys; FORBIDDEN for everyone else', () => {
  it.each<[Who, string[]]>([
    ['rich', ["Rich's key"]],
    ['other', ["Other's key"]],
    ['vendorAdmin', ["Vertical's key"]],
  ])('%s lists exactly %j', async (who, names) => {
    const { apiKeys } = await as[who].call<{ apiKeys: { id: string; name: string }[] }>(API_KEYS);
    expect(apiKeys.map((key) => key.name)).toEqual(names);
    expect(apiKeys.map((key) => key.id)).toEqual(names.map((name) => id[name]));
  });

  it.each<Who>(['agent', 'kim', 'morgan', 'readKey', 'vendorReadKey'])(
    '%s is refused with FORBIDDEN',
    async (who) => {
      const response = await as[who].raw(API_KEYS);
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(response.data ?? null).toBeNull();
    },
  );
});

describe('node(id): every type of another tenant’s object is null', () => {
  const RS_VERTICAL = [
    'Vertical Demo',
    'Acme Mail',
    'D',
    'S',
    'Vertical Demo HQ',
    'BA Vertical Demo',
    'Dana Lead',
    'D created',
    'S submitted',
    "Rich's alert",
    "Rich's key",
    'Rich',
    'RS-Vertical',
    'Email Security Essentials',
  ];
  const RS_OTHER = [
    'Other Co',
    'OA',
    'OD',
    'Other Co Site',
    'BA Other Co',
    'Olive Other',
    'OD created',
    'OA submitted',
    "Other's alert",
    "Other's key",
    'Other Admin',
    'RS-Other',
  ];

  it.each(RS_VERTICAL.filter((label) => label !== 'Email Security Essentials'))(
    'RS-Other cannot fetch RS-Vertical’s %s',
    async (label) => {
      expect((await as.other.call<{ node: unknown }>(NODE, { id: id[label] })).node).toBeNull();
    },
  );

  it('RS-Other cannot fetch a product of a vendor it has no agreement with', async () => {
    const { node } = await as.other.call<{ node: unknown }>(NODE, {
      id: id['Email Security Essentials'],
    });
    expect(node).toBeNull();
  });

  it.each(RS_OTHER)('RS-Vertical cannot fetch RS-Other’s %s', async (label) => {
    expect((await as.rich.call<{ node: unknown }>(NODE, { id: id[label] })).node).toBeNull();
  });

  it.each(RS_VERTICAL)('Rich fetches his own %s', async (label) => {
    const { node } = await as.rich.call<{ node: unknown }>(NODE, { id: id[label] });
    expect(node).toEqual({ __typename: typeOf[label], id: id[label] });
  });

  it.each(RS_OTHER)('RS-Other fetches its own %s', async (label) => {
    const { node } = await as.other.call<{ node: unknown }>(NODE, { id: id[label] });
    expect(node).toEqual({ __typename: typeOf[label], id: id[label] });
  });

  it.each<[Who, string, boolean]>([
    // A vendor: its customers and their submitted orders, never drafts, nor others' people.
    ['kim', 'Vertical Demo', true],
    ['kim', 'Vertical Demo HQ', true],
    ['kim', 'BA Vertical Demo', true],
    ['kim', 'S', true],
    ['kim', 'S submitted', true],
    ['kim', 'Kim', true],
    ['kim', "Kim's alert", true],
    ['kim', 'Basic User', true],
    ['kim', 'RS-Vertical', true],
    ['kim', 'D', false],
    ['kim', 'D created', false],
    ['kim', 'S created', false],
    ['kim', 'OD', false],
    ['kim', 'Acme Mail', false],
    ['kim', 'Dana Lead', false],
    ['kim', 'M', false],
    ['kim', 'M submitted', false],
    ['kim', 'Email Security Essentials', false],
    ['kim', 'Mimecast', false],
    ['kim', 'Rich', false],
    ['kim', "Rich's alert", false],
    ['kim', "Victor's alert", false],
    ['kim', "Rich's key", false],
    ['kim', "Vertical's key", false], // an approver does not manage keys
    ['vendorAdmin', "Vertical's key", true],
    ['vendorAdmin', "Victor's alert", true],
    ['vendorAdmin', "Kim's alert", false],
    ['vendorAdmin', "Rich's key", false],
    // The wrong vendor: Mimecast's approver and Vertical's objects.
    ['morgan', 'Acme Mail', true],
    ['morgan', 'Dana Lead', true],
    ['morgan', 'M', true],
    ['morgan', 'M submitted', true],
    ['morgan', "Morgan's alert", true],
    ['morgan', 'Email Security Essentials', true],
    ['morgan', 'Vertical Demo', false],
    ['morgan', 'Vertical Demo HQ', false],
    ['morgan', 'BA Vertical Demo', false],
    ['morgan', 'S', false],
    ['morgan', 'S submitted', false],
    ['morgan', 'OA', false],
    ['morgan', "Kim's alert", false],
    ['morgan', 'Kim', false],
    ['morgan', 'Basic User', false],
    ['morgan', 'Vertical', false],
    ['morgan', 'RS-Other', false],
    // One organisation, but alerts are each person's and keys the admins'.
    ['agent', 'D', true],
    ['agent', 'Rich', true],
    ['agent', "Rich's alert", false],
    ['agent', "Rich's key", false],
    ['readKey', 'Vertical Demo', true],
    ['readKey', "Rich's alert", false],
    ['readKey', "Rich's key", false],
    ['vendorReadKey', 'S', true],
    ['vendorReadKey', 'D', false],
  ])('%s: node(%s) is visible: %s', async (who, label, visible) => {
    const { node } = await as[who].call<{ node: unknown }>(NODE, { id: id[label] });
    expect(node).toEqual(visible ? { __typename: typeOf[label], id: id[label] } : null);
  });

  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  const NIL_UUID = '00000000-0000-4000-8000-000000000000';
  it.each<[string, () => string]>([
    ['an empty string', () => ''],
    ['garbage', () => 'not-an-id'],
    ['characters outside base64url', () => '!!!***'],
    ['a bare uuid', () => NIL_UUID],
    ['a type without a key', () => b64('Customer:')],
    ['a key that is not a uuid', () => b64('Customer:42')],
    ['an unknown type', () => b64(`Nope:${NIL_UUID}`)],
    ['a lower-case type', () => b64(`customer:${NIL_UUID}`)],
    ['a type that is not a node', () => b64(`Setting:${NIL_UUID}`)],
    ['no such customer', () => b64(`Customer:${NIL_UUID}`)],
    ['an over-long id', () => 'A'.repeat(300)],
    ['another type’s key under a Customer label', () => b64(`Customer:${keyOf(id.S!)}`)],
  ])('%s is null, not an error', async (_what, make) => {
    const { node } = await as.rich.call<{ node: unknown }>(NODE, { id: make() });
    expect(node).toBeNull();
  });

  it('customer(id) and changeOrder(id) ignore an id of another type', async () => {
    const { customer } = await as.rich.call<{ customer: unknown }>(CUSTOMER_DETAIL, { id: id.S });
    const { changeOrder } = await as.rich.call<{ changeOrder: unknown }>(ORDER, {
      id: id['Vertical Demo'],
    });
    expect(customer).toBeNull();
    expect(changeOrder).toBeNull();
  });
});

/** The database key inside a global id. */
function keyOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
}

/** Each mutation's document, by its root field. */
const DOCUMENTS: Record<string, string> = {
  createChangeOrder: CREATE_ORDER,
  copyChangeOrder: COPY_ORDER,
  updateChangeOrder: UPDATE_ORDER,
  setChangeOrderLines: SET_LINES,
  setProductChange: SET_PRODUCT_CHANGE,
  submitChangeOrder: SUBMIT,
  cancelChangeOrder: CANCEL,
  approveChangeOrder: APPROVE,
  rejectChangeOrder: REJECT,
  finalConfirmChangeOrder: FINAL_CONFIRM,
  acknowledgeAlert: ACK_ALERT,
  acknowledgeAllAlerts: ACK_ALL,
  addContact: ADD_CONTACT,
  createApiKey: CREATE_API_KEY,
  revokeApiKey: REVOKE_API_KEY,
};

type Variables = () => Record<string, unknown>;
const input =
  (make: () => Record<string, unknown>): Variables =>
  () => ({ input: make() });
/** An order's input; `more` as a function when it names ids (known only once the scene exists). */
const onOrder = (
  order: string,
  more: Record<string, unknown> | (() => Record<string, unknown>) = {},
) => input(() => ({ orderId: id[order], ...(typeof more === 'function' ? more() : more) }));
/** A line that is valid for an order of Vertical Demo. */
const verticalDemoLine = () => ({
  productId: id['Premium IPECS ONE USER'],
  billingAccountId: id['BA Vertical Demo'],
  delta: 5,
});
const tickBoxes = { msaAccepted: true, authorizationConfirmed: true };

/** [mutation, who, on what, code, variables]: each refused, nothing written. */
// prettier-ignore
const REFUSALS: [string, Who, string, string, Variables][] = [
  // createChangeOrder
  ['createChangeOrder', 'other', 'Vertical Demo', 'NOT_FOUND', input(() => ({ customerId: id['Vertical Demo'], title: 'Mine now' }))],
  ['createChangeOrder', 'rich', 'Other Co', 'NOT_FOUND', input(() => ({ customerId: id['Other Co'], title: 'Mine now' }))],
  ['createChangeOrder', 'rich', 'a site id as customerId', 'NOT_FOUND', input(() => ({ customerId: id['Vertical Demo HQ'], title: 'Typo' }))],
  ['createChangeOrder', 'rich', "Vertical Demo at Other Co's site", 'VALIDATION', input(() => ({ customerId: id['Vertical Demo'], title: 'Site', siteId: id['Other Co Site'] }))],
  ['createChangeOrder', 'kim', 'Vertical Demo', 'FORBIDDEN', input(() => ({ customerId: id['Vertical Demo'], title: 'Vendor order' }))],
  ['createChangeOrder', 'morgan', 'Acme Mail', 'FORBIDDEN', input(() => ({ customerId: id['Acme Mail'], title: 'Vendor order' }))],
  ['createChangeOrder', 'readKey', 'Vertical Demo', 'FORBIDDEN', input(() => ({ customerId: id['Vertical Demo'], title: 'Read only' }))],
  // copyChangeOrder
  ['copyChangeOrder', 'other', 'D', 'NOT_FOUND', onOrder('D')],
  ['copyChangeOrder', 'rich', 'OA', 'NOT_FOUND', onOrder('OA')],
  ['copyChangeOrder', 'rich', 'a customer id as orderId', 'NOT_FOUND', input(() => ({ orderId: id['Vertical Demo'] }))],
  ['copyChangeOrder', 'kim', 'S', 'FORBIDDEN', onOrder('S')],
  ['copyChangeOrder', 'readKey', 'A', 'FORBIDDEN', onOrder('A')],
  // updateChangeOrder
  ['updateChangeOrder', 'other', 'D', 'NOT_FOUND', onOrder('D', { title: 'Hijacked' })],
  ['updateChangeOrder', 'rich', 'OD', 'NOT_FOUND', onOrder('OD', { title: 'Hijacked' })],
  ['updateChangeOrder', 'kim', 'D', 'FORBIDDEN', onOrder('D', { title: 'Vendor edit' })],
  ['updateChangeOrder', 'kim', 'S', 'FORBIDDEN', onOrder('S', { title: 'Vendor edit' })],
  ['updateChangeOrder', 'readKey', 'D', 'FORBIDDEN', onOrder('D', { title: 'Read only' })],
  ['updateChangeOrder', 'rich', "D with Other Co's site", 'VALIDATION', onOrder('D', () => ({ siteId: id['Other Co Site'] }))],
  ['updateChangeOrder', 'rich', "D with Other Co's contact as lead", 'VALIDATION', onOrder('D', () => ({ implementationLeadId: id['Olive Other'] }))],
  // setChangeOrderLines
  ['setChangeOrderLines', 'other', 'D', 'NOT_FOUND', onOrder('D', () => ({ lines: [verticalDemoLine()] }))],
  ['setChangeOrderLines', 'kim', 'D', 'FORBIDDEN', onOrder('D', () => ({ lines: [verticalDemoLine()] }))],
  ['setChangeOrderLines', 'readKey', 'D', 'FORBIDDEN', onOrder('D', () => ({ lines: [verticalDemoLine()] }))],
  ['setChangeOrderLines', 'other', "OD with Vertical Demo's billing account", 'VALIDATION', onOrder('OD', () => ({ lines: [verticalDemoLine()] }))],
  // setProductChange
  ['setProductChange', 'other', 'D', 'NOT_FOUND', onOrder('D', { mode: 'KEEP' })],
  ['setProductChange', 'rich', 'OD', 'NOT_FOUND', onOrder('OD', { mode: 'KEEP' })],
  ['setProductChange', 'kim', 'D', 'FORBIDDEN', onOrder('D', { mode: 'KEEP' })],
  ['setProductChange', 'readKey', 'D', 'FORBIDDEN', onOrder('D', { mode: 'KEEP' })],
  // submitChangeOrder
  ['submitChangeOrder', 'other', 'D', 'NOT_FOUND', onOrder('D', tickBoxes)],
  ['submitChangeOrder', 'other', 'D (with an idempotency key)', 'NOT_FOUND', onOrder('D', { ...tickBoxes, idempotencyKey: 'intruder-1' })],
  ['submitChangeOrder', 'rich', 'OD', 'NOT_FOUND', onOrder('OD', tickBoxes)],
  ['submitChangeOrder', 'kim', 'D', 'FORBIDDEN', onOrder('D', tickBoxes)],
  ['submitChangeOrder', 'readKey', 'D', 'FORBIDDEN', onOrder('D', tickBoxes)],
  ['submitChangeOrder', 'rich', "D with Other Co's contact as lead", 'VALIDATION', onOrder('D', () => ({ ...tickBoxes, implementationLeadId: id['Olive Other'] }))],
  // cancelChangeOrder
  ['cancelChangeOrder', 'other', 'S', 'NOT_FOUND', onOrder('S')],
  ['cancelChangeOrder', 'other', 'D', 'NOT_FOUND', onOrder('D')],
  ['cancelChangeOrder', 'rich', 'OD', 'NOT_FOUND', onOrder('OD')],
  ['cancelChangeOrder', 'kim', 'S', 'FORBIDDEN', onOrder('S')],
  ['cancelChangeOrder', 'morgan', 'M', 'FORBIDDEN', onOrder('M')],
  ['cancelChangeOrder', 'readKey', 'S', 'FORBIDDEN', onOrder('S')],
  // approveChangeOrder
  ['approveChangeOrder', 'morgan', 'S', 'NOT_FOUND', onOrder('S')],
  ['approveChangeOrder', 'kim', 'M', 'NOT_FOUND', onOrder('M')],
  ['approveChangeOrder', 'kim', 'D (a draft)', 'NOT_FOUND', onOrder('D')],
  ['approveChangeOrder', 'rich', 'S', 'FORBIDDEN', onOrder('S')],
  ['approveChangeOrder', 'agent', 'S', 'FORBIDDEN', onOrder('S')],
  ['approveChangeOrder', 'readKey', 'S', 'FORBIDDEN', onOrder('S')],
  ['approveChangeOrder', 'vendorReadKey', 'S', 'FORBIDDEN', onOrder('S')],
  // rejectChangeOrder
  ['rejectChangeOrder', 'morgan', 'S', 'NOT_FOUND', onOrder('S', { comment: 'No' })],
  ['rejectChangeOrder', 'kim', 'M', 'NOT_FOUND', onOrder('M', { comment: 'No' })],
  ['rejectChangeOrder', 'kim', 'D (a draft)', 'NOT_FOUND', onOrder('D', { comment: 'No' })],
  ['rejectChangeOrder', 'rich', 'S', 'FORBIDDEN', onOrder('S', { comment: 'No' })],
  ['rejectChangeOrder', 'readKey', 'S', 'FORBIDDEN', onOrder('S', { comment: 'No' })],
  ['rejectChangeOrder', 'vendorReadKey', 'S', 'FORBIDDEN', onOrder('S', { comment: 'No' })],
  // finalConfirmChangeOrder
  ['finalConfirmChangeOrder', 'other', 'A', 'NOT_FOUND', onOrder('A')],
  ['finalConfirmChangeOrder', 'rich', 'OA', 'NOT_FOUND', onOrder('OA')],
  ['finalConfirmChangeOrder', 'other', 'A (with an idempotency key)', 'NOT_FOUND', onOrder('A', { idempotencyKey: 'intruder-2' })],
  ['finalConfirmChangeOrder', 'kim', 'A', 'FORBIDDEN', onOrder('A')],
  ['finalConfirmChangeOrder', 'readKey', 'A', 'FORBIDDEN', onOrder('A')],
  // acknowledgeAlert
  ['acknowledgeAlert', 'other', "Rich's alert", 'NOT_FOUND', () => ({ id: id["Rich's alert"] })],
  ['acknowledgeAlert', 'agent', "Rich's alert", 'NOT_FOUND', () => ({ id: id["Rich's alert"] })],
  ['acknowledgeAlert', 'kim', "Rich's alert", 'NOT_FOUND', () => ({ id: id["Rich's alert"] })],
  ['acknowledgeAlert', 'vendorAdmin', "Kim's alert", 'NOT_FOUND', () => ({ id: id["Kim's alert"] })],
  ['acknowledgeAlert', 'morgan', "Kim's alert", 'NOT_FOUND', () => ({ id: id["Kim's alert"] })],
  ['acknowledgeAlert', 'rich', 'a garbage id', 'NOT_FOUND', () => ({ id: 'garbage' })],
  ['acknowledgeAlert', 'readKey', "Rich's alert", 'FORBIDDEN', () => ({ id: id["Rich's alert"] })],
  // acknowledgeAllAlerts
  ['acknowledgeAllAlerts', 'readKey', 'everything', 'FORBIDDEN', () => ({})],
  ['acknowledgeAllAlerts', 'vendorReadKey', 'everything', 'FORBIDDEN', () => ({})],
  // addContact
  ['addContact', 'other', 'Vertical Demo', 'NOT_FOUND', input(() => ({ customerId: id['Vertical Demo'], name: 'Spy', email: 'spy@other.example' }))],
  ['addContact', 'rich', 'Other Co', 'NOT_FOUND', input(() => ({ customerId: id['Other Co'], name: 'Spy', email: 'spy@rs.example' }))],
  ['addContact', 'kim', 'Vertical Demo', 'FORBIDDEN', input(() => ({ customerId: id['Vertical Demo'], name: 'Vee', email: 'vee@vertical.example' }))],
  ['addContact', 'morgan', 'Acme Mail', 'FORBIDDEN', input(() => ({ customerId: id['Acme Mail'], name: 'Mo', email: 'mo@mimecast.example' }))],
  ['addContact', 'readKey', 'Vertical Demo', 'FORBIDDEN', input(() => ({ customerId: id['Vertical Demo'], name: 'Key', email: 'key@rs.example' }))],
  // createApiKey
  ['createApiKey', 'agent', 'RS-Vertical', 'FORBIDDEN', input(() => ({ name: 'Agent key', scopes: ['READ'] }))],
  ['createApiKey', 'kim', 'Vertical', 'FORBIDDEN', input(() => ({ name: 'Approver key', scopes: ['READ'] }))],
  ['createApiKey', 'morgan', 'Mimecast', 'FORBIDDEN', input(() => ({ name: 'Approver key', scopes: ['READ'] }))],
  ['createApiKey', 'readKey', 'RS-Vertical', 'FORBIDDEN', input(() => ({ name: 'Key of a key', scopes: ['READ', 'WRITE_ORDERS'] }))],
  // revokeApiKey
  ['revokeApiKey', 'other', "Rich's key", 'NOT_FOUND', () => ({ id: id["Rich's key"] })],
  ['revokeApiKey', 'vendorAdmin', "Rich's key", 'NOT_FOUND', () => ({ id: id["Rich's key"] })],
  ['revokeApiKey', 'rich', "Vertical's key", 'NOT_FOUND', () => ({ id: id["Vertical's key"] })],
  ['revokeApiKey', 'rich', 'a garbage id', 'NOT_FOUND', () => ({ id: 'garbage' })],
  ['revokeApiKey', 'agent', "Rich's key", 'FORBIDDEN', () => ({ id: id["Rich's key"] })],
  ['revokeApiKey', 'kim', "Vertical's key", 'FORBIDDEN', () => ({ id: id["Vertical's key"] })],
  ['revokeApiKey', 'readKey', "Rich's key (itself)", 'FORBIDDEN', () => ({ id: id["Rich's key"] })],
];

describe('mutations: another tenant’s object is NOT_FOUND, a role without the right FORBIDDEN; nothing written', () => {
  it('covers every mutation of the contract but login', () => {
    expect([...new Set(REFUSALS.map(([mutation]) => mutation))].sort()).toEqual(
      Object.keys(DOCUMENTS).sort(),
    );
  });

  it.each(REFUSALS)('%s by %s on %s → %s', async (mutation, who, _on, code, variables) => {
    const payload = await expectNothingWritten(server, async () => {
      const data = await as[who].call<Record<string, Payload>>(DOCUMENTS[mutation]!, variables());
      return data[mutation]!;
    });
    expect(payload.userErrors.map((error) => error.code)).toEqual([code]);
    for (const [field, value] of Object.entries(payload)) {
      if (field === 'userErrors') continue;
      expect(value, field).toSatisfy((v) => v === null || (Array.isArray(v) && v.length === 0));
    }
  });

  it('OK ALL by someone with no alerts acknowledges nobody else’s', async () => {
    const payload = await expectNothingWritten(server, () => as.agent.mutate(ACK_ALL));
    expect(payload).toEqual({ acknowledged: [], userErrors: [] });
  });

  it('a refused API-key revoke leaves the key working', async () => {
    const { viewer } = await as.readKey.call<{ viewer: any }>(VIEWER_IDS);
    expect(viewer).toMatchObject({ role: 'API_CLIENT', scopes: ['READ'] });
  });
});

describe('drafts are the reseller’s own until submitted', () => {
  const invisibleToKim = async (orderId: string) => {
    const { kim } = as;
    expect(
      (await kim.call<{ changeOrder: unknown }>(ORDER, { id: orderId })).changeOrder,
    ).toBeNull();
    expect((await kim.call<{ node: unknown }>(NODE, { id: orderId })).node).toBeNull();
    const list = await kim.call<{ changeOrders: any }>(CHANGE_ORDERS, { first: 100 });
    expect(list.changeOrders.edges.map((edge: any) => edge.node.id)).not.toContain(orderId);
    const nested = await kim.call<{ customer: any }>(CUSTOMER_ORDERS, { id: id['Vertical Demo'] });
    expect(nested.customer.changeOrders.edges.map((edge: any) => edge.node.id)).not.toContain(
      orderId,
    );
    const log = await kim.call<{ orderEventLog: any[] }>(EVENT_LOG, { after: 0, first: 100 });
    expect(log.orderEventLog.filter((event) => event.order.id === orderId)).toEqual([]);
    const alerts = await kim.call<{ pendingAlerts: any[] }>(PENDING_ALERTS);
    expect(alerts.pendingAlerts.filter((alert) => alert.order.id === orderId)).toEqual([]);
  };
  const kimsEventsOf = async (orderId: string) => {
    const log = await as.kim.call<{ orderEventLog: any[] }>(EVENT_LOG, { after: 0, first: 100 });
    return log.orderEventLog
      .filter((event) => event.order.id === orderId)
      .map((event) => event.type);
  };

  it('a draft, edited, is nowhere for the vendor; once submitted it appears with only its SUBMITTED event', async () => {
    const { id: orderId } = await draftOrder(as.rich, 'Vertical Demo', { 'Stand Alone VM': 1 });
    expectOk(await as.rich.mutate(UPDATE_ORDER, { orderId, note: 'Still thinking' }));
    await invisibleToKim(orderId);
    await expectNothingWritten(server, async () => {
      expect((await as.kim.mutate(APPROVE, { orderId })).userErrors.map((e) => e.code)).toEqual([
        'NOT_FOUND',
      ]);
    });

    expectOk(await as.rich.mutate(SUBMIT, { orderId, ...tickBoxes }));

    const { changeOrder } = await as.kim.call<{ changeOrder: any }>(ORDER, { id: orderId });
    expect(changeOrder).toMatchObject({ id: orderId, status: 'SUBMITTED', note: 'Still thinking' });
    expect(changeOrder.history.map((event: any) => event.type)).toEqual(['SUBMITTED']);
    expect(await kimsEventsOf(orderId)).toEqual(['SUBMITTED']);
    const list = await as.kim.call<{ changeOrders: any }>(CHANGE_ORDERS, { first: 100 });
    expect(list.changeOrders.edges.map((edge: any) => edge.node.id)).toContain(orderId);
    const alerts = await as.kim.call<{ pendingAlerts: any[] }>(PENDING_ALERTS);
    expect(
      alerts.pendingAlerts.filter((alert) => alert.order.id === orderId).map((a) => a.kind),
    ).toEqual(['ORDER_SUBMITTED']);
    // Still nobody else's.
    expect(
      (await as.morgan.call<{ changeOrder: unknown }>(ORDER, { id: orderId })).changeOrder,
    ).toBeNull();
    expect(
      (await as.other.call<{ changeOrder: unknown }>(ORDER, { id: orderId })).changeOrder,
    ).toBeNull();

    // Withdrawn after submission: the vendor is told.
    expectOk(await as.rich.mutate(CANCEL, { orderId }));
    expect(await kimsEventsOf(orderId)).toEqual(['SUBMITTED', 'CANCELLED']);
  });

  it('a draft cancelled before submission never reaches the vendor, CANCELLED included', async () => {
    const { id: orderId } = await draftOrder(as.rich, 'Vertical Demo', { 'Stand Alone VM': 1 });
    const cancelled = await as.rich.mutate(CANCEL, { orderId });
    expectOk(cancelled);
    expect(cancelled.order!.status).toBe('CANCELLED');
    await invisibleToKim(orderId);
    const { changeOrder } = await as.rich.call<{ changeOrder: any }>(ORDER, { id: orderId });
    expect(changeOrder.history.map((event: any) => event.type)).toEqual([
      'CREATED',
      'UPDATED',
      'CANCELLED',
    ]);
  });
});

/**
 * Controls: the calls refused above, made by those who may, succeed; so the refusals are
 * about who asked, not about the input. In order: they change the scene.
 */
describe('the same calls succeed for those who may', () => {
  // prettier-ignore
  it.each<[string, Who, string, Variables]>([
    ['updateChangeOrder', 'rich', 'D', onOrder('D', () => ({ title: 'Renamed', siteId: id['Vertical Demo HQ'] }))],
    ['updateChangeOrder', 'agent', 'D', onOrder('D', { note: 'Checked by Ann' })],
    ['setChangeOrderLines', 'rich', 'D', onOrder('D', () => ({ lines: [verticalDemoLine()] }))],
    ['setProductChange', 'rich', 'D', onOrder('D', { mode: 'KEEP' })],
    ['submitChangeOrder', 'rich', 'D', onOrder('D', { ...tickBoxes, idempotencyKey: 'intruder-1' })],
    ['cancelChangeOrder', 'rich', 'D', onOrder('D')],
    ['rejectChangeOrder', 'kim', 'S', onOrder('S', { comment: 'No' })],
    ['approveChangeOrder', 'morgan', 'M', onOrder('M')],
    ['finalConfirmChangeOrder', 'agent', 'A', onOrder('A', { idempotencyKey: 'intruder-2' })],
    ['acknowledgeAlert', 'rich', "Rich's alert", () => ({ id: id["Rich's alert"] })],
    ['addContact', 'rich', 'Vertical Demo', input(() => ({ customerId: id['Vertical Demo'], name: 'New Lead', email: 'lead@vertical-demo.example' }))],
    ['createChangeOrder', 'agent', 'Vertical Demo', input(() => ({ customerId: id['Vertical Demo'], title: 'By Ann' }))],
    ['createApiKey', 'vendorAdmin', 'Vertical', input(() => ({ name: 'Second key', scopes: ['READ'] }))],
    ['revokeApiKey', 'rich', "Rich's key", () => ({ id: id["Rich's key"] })],
  ])('%s by %s on %s', async (mutation, who, _on, variables) => {
    const data = await as[who].call<Record<string, Payload>>(DOCUMENTS[mutation]!, variables());
    expectOk(data[mutation]!);
  });

  it('OK ALL acknowledges the viewer’s own alerts and nobody else’s', async () => {
    const pending = async (api: Api) =>
      (await api.call<{ pendingAlerts: { id: string }[] }>(PENDING_ALERTS)).pendingAlerts.map(
        (alert) => alert.id,
      );
    const [kimBefore, otherBefore] = await Promise.all([pending(as.kim), pending(as.other)]);
    const acked = await as.morgan.mutate(ACK_ALL);
    expectOk(acked);
    expect((acked.acknowledged as { id: string }[]).map((alert) => alert.id)).toContain(
      id["Morgan's alert"],
    );
    expect(await pending(as.morgan)).toEqual([]);
    expect(await pending(as.kim)).toEqual(kimBefore);
    expect(await pending(as.other)).toEqual(otherBefore);
    expect(kimBefore).toContain(id["Kim's alert"]);
  });

  it('a revoked key stops working at once', async () => {
    const response = await as.readKey.raw(VIEWER_IDS);
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('the line refused for OD never reached it', async () => {
    const { changeOrder } = await as.other.call<{ changeOrder: any }>(ORDER, { id: id.OD });
    expect(
      changeOrder.lines.map((line: any) => [line.product.name, line.billingAccount.name]),
    ).toEqual([['Basic User', 'Other Co']]);
  });
});
