/**
 * SPEC.md on credentials: sign-in with e-mail and password, one INVALID_CREDENTIALS for
 * every bad pair, UNAUTHENTICATED for every root field but `login` without valid
 * credentials (a bare `{ __typename }` still answers), and API keys: the secret shown
 * once, scopes that narrow what the key may do, revocation that takes effect at once.
 */
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, expectOk, USERS, type Payload } from '../helpers/api.js';
import { graphql } from '../helpers/client.js';
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
  CUSTOMERS,
  EVENT_LOG,
  FINAL_CONFIRM,
  LOGIN,
  NODE,
  ORDER,
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
import { createUser, EXTRA_USERS, expectNothingWritten, snapshot } from '../helpers/fixtures.js';
import { draftOrder, lineInputs } from '../helpers/orders.js';
import { createTestServer, type TestServer } from '../helpers/test-server.js';

/** The server signs with this, so the tests can forge a token that differs only by expiry. */
const JWT_SECRET = 'auth-test-secret-that-is-long-enough-0123456789';
const ISSUER = 'change-order-portal';

let server: TestServer;
let rich: Api;
let kim: Api;
let richToken: string;
let verticalDemoId: string;
let draftId: string;

beforeAll(async () => {
  server = await createTestServer({ env: { JWT_SECRET } });
  // Upper case on purpose: the e-mail is stored and matched in lower case.
  await createUser(server, { ...EXTRA_USERS.ann, email: 'Agent@RS-Vertical.example' });
  await createUser(server, EXTRA_USERS.victor);
  [rich, kim] = await Promise.all([Api.as(server, USERS.rich), Api.as(server, USERS.kim)]);
  richToken = rich.token!;
  verticalDemoId = await rich.customerId('Vertical Demo');
  draftId = (await draftOrder(rich, 'Vertical Demo', { 'Basic User': 1 })).id;
});
afterAll(() => server.close());

function login(email: string, password: string, token?: string) {
  return graphql<{ login: any }>(server.graphqlUrl, LOGIN, { email, password }, { token });
}

/** A session token like the server's: its claims, signed with `secret`, valid in [iat, exp]. */
async function forgeToken(options: {
  secret?: string;
  issuer?: string;
  issuedAt: number;
  expiresAt: number;
}): Promise<string> {
  const claims = decodeJwt(richToken);
  return new SignJWT({ org: claims.org, role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub!)
    .setIssuer(options.issuer ?? ISSUER)
    .setIssuedAt(options.issuedAt)
    .setExpirationTime(options.expiresAt)
    .sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
}

const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

describe('login', () => {
  it.each([
    [USERS.rich, 'Rich Balazsi', 'RESELLER_ADMIN', 'RS-Vertical', 'RESELLER'],
    ['agent@rs-vertical.example', 'Ann Agent', 'RESELLER_AGENT', 'RS-Vertical', 'RESELLER'],
    [USERS.other, 'Other Admin', 'RESELLER_ADMIN', 'RS-Other', 'RESELLER'],
    [USERS.kim, 'Kimberly Macdonald', 'VENDOR_APPROVER', 'Vertical', 'VENDOR'],
    ['admin@vertical.example', 'Victor Admin', 'VENDOR_ADMIN', 'Vertical', 'VENDOR'],
    [USERS.morgan, 'Morgan Approver', 'VENDOR_APPROVER', 'Mimecast', 'VENDOR'],
  ])('%s signs in as %s, %s of %s', async (email, name, role, organization, kind) => {
    const response = await login(email, 'demo');
    const payload = response.data!.login;
    expect(payload.userErrors).toEqual([]);
    expect(payload.token).toEqual(expect.any(String));
    const viewer = {
      role,
      scopes: [],
      user: { name, email },
      organization: { name: organization, kind },
    };
    expect(payload.viewer).toMatchObject(viewer);

    // The token works: the viewer it names is the one who signed in.
    const me = await graphql<{ viewer: any }>(server.graphqlUrl, VIEWER_IDS, undefined, {
      token: payload.token,
    });
    expect(me.errors).toBeUndefined();
    expect(me.data!.viewer).toMatchObject({
      ...viewer,
      user: { ...viewer.user, id: payload.viewer.user.id },
    });
  });

  it.each([
    ['an unknown e-mail', 'nobody@rs-vertical.example', 'demo'],
    ['a wrong password', USERS.rich, 'wrong'],
    ['the password in another case', USERS.rich, 'DEMO'],
    ['an empty password', USERS.rich, ''],
    ['an empty e-mail', '', 'demo'],
    ['another person’s e-mail with a near miss', USERS.kim, 'demo '],
  ])('%s gets the one INVALID_CREDENTIALS and no token', async (_case, email, password) => {
    const response = await login(email, password);
    expect(response.errors).toBeUndefined();
    expect(response.data!.login).toEqual({
      token: null,
      viewer: null,
      userErrors: [
        {
          code: 'INVALID_CREDENTIALS',
          message: 'The e-mail or the password is wrong.',
          field: null,
        },
      ],
    });
  });

  it('answers an unknown e-mail and a wrong password identically', async () => {
    const [unknown, wrong] = await Promise.all([
      login('nobody@rs-vertical.example', 'demo'),
      login(USERS.rich, 'not-demo'),
    ]);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.data).toEqual(wrong.data);
    expect(unknown.data!.login.token).toBeNull();
  });

  it.each(['RICH@RS-VERTICAL.EXAMPLE', 'Rich@Rs-Vertical.Example', '  rich@rs-vertical.example  '])(
    'the e-mail is not case-sensitive: %j signs in as Rich',
    async (email) => {
      const payload = (await login(email, 'demo')).data!.login;
      expect(payload.userErrors).toEqual([]);
      expect(payload.viewer.user.email).toBe(USERS.rich);
    },
  );

  it('a user stored with a mixed-case e-mail signs in with any case', async () => {
    const payload = (await login('AGENT@rs-vertical.EXAMPLE', 'demo')).data!.login;
    expect(payload.userErrors).toEqual([]);
    expect(payload.viewer.role).toBe('RESELLER_AGENT');
  });

  it('login is open even to a request carrying a bad token', async () => {
    const payload = (await login(USERS.rich, 'demo', 'garbage')).data!.login;
    expect(payload.token).toEqual(expect.any(String));
  });
});

type Variables = () => Record<string, unknown>;
const NIL = (type: string) =>
  Buffer.from(`${type}:00000000-0000-4000-8000-000000000000`).toString('base64url');

/** Every root field but login, each asked with variables that would work for Rich. */
// prettier-ignore
const ROOT_FIELDS: [string, string, Variables][] = [
  ['viewer', VIEWER_IDS, () => ({})],
  ['node', NODE, () => ({ id: verticalDemoId })],
  ['customers', CUSTOMERS, () => ({})],
  ['customer', CUSTOMER_DETAIL, () => ({ id: verticalDemoId })],
  ['changeOrders', CHANGE_ORDERS, () => ({})],
  ['changeOrder', ORDER, () => ({ id: draftId })],
  ['ordersToConfirm', ORDERS_TO_CONFIRM, () => ({})],
  ['pendingAlerts', PENDING_ALERTS, () => ({})],
  ['products', PRODUCTS, () => ({})],
  ['orderEventLog', EVENT_LOG, () => ({ after: 0 })],
  ['apiKeys', API_KEYS, () => ({})],
  ['createChangeOrder', CREATE_ORDER, () => ({ input: { customerId: verticalDemoId, title: 'Anonymous' } })],
  ['copyChangeOrder', COPY_ORDER, () => ({ input: { orderId: draftId } })],
  ['updateChangeOrder', UPDATE_ORDER, () => ({ input: { orderId: draftId, title: 'Anonymous' } })],
  ['setChangeOrderLines', SET_LINES, () => ({ input: { orderId: draftId, lines: [] } })],
  ['setProductChange', SET_PRODUCT_CHANGE, () => ({ input: { orderId: draftId, mode: 'KEEP' } })],
  ['submitChangeOrder', SUBMIT, () => ({ input: { orderId: draftId, msaAccepted: true, authorizationConfirmed: true } })],
  ['cancelChangeOrder', CANCEL, () => ({ input: { orderId: draftId } })],
  ['approveChangeOrder', APPROVE, () => ({ input: { orderId: draftId } })],
  ['rejectChangeOrder', REJECT, () => ({ input: { orderId: draftId, comment: 'No' } })],
  ['finalConfirmChangeOrder', FINAL_CONFIRM, () => ({ input: { orderId: draftId } })],
  ['acknowledgeAlert', ACK_ALERT, () => ({ id: NIL('Alert') })],
  ['acknowledgeAllAlerts', ACK_ALL, () => ({})],
  ['addContact', ADD_CONTACT, () => ({ input: { customerId: verticalDemoId, name: 'Anon', email: 'anon@example.com' } })],
  ['createApiKey', CREATE_API_KEY, () => ({ input: { name: 'Anonymous', scopes: ['READ'] } })],
  ['revokeApiKey', REVOKE_API_KEY, () => ({ id: NIL('ApiKey') })],
];

/** Authorization headers that are not valid credentials (none at all, first). */
const BAD_CREDENTIALS: [string, () => Promise<Record<string, string>>][] = [
  ['no Authorization header', async () => ({})],
  ['a garbage bearer token', async () => ({ authorization: 'Bearer garbage' })],
  ['an empty bearer token', async () => ({ authorization: 'Bearer ' })],
  ['a truncated token', async () => ({ authorization: `Bearer ${richToken.slice(0, -8)}` })],
  [
    'a token signed with another secret',
    async () => ({
      authorization: `Bearer ${await forgeToken({ secret: 'x'.repeat(48), issuedAt: now(), expiresAt: now() + HOUR })}`,
    }),
  ],
  [
    'an expired token',
    async () => ({
      authorization: `Bearer ${await forgeToken({ issuedAt: now() - 13 * HOUR, expiresAt: now() - HOUR })}`,
    }),
  ],
  [
    'a token of another issuer',
    async () => ({
      authorization: `Bearer ${await forgeToken({ issuer: 'someone-else', issuedAt: now(), expiresAt: now() + HOUR })}`,
    }),
  ],
  [
    'an unsigned token (alg none)',
    async () => {
      const [, payload] = richToken.split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      return { authorization: `Bearer ${header}.${payload}.` };
    },
  ],
  [
    'a made-up API key',
    async () => ({ authorization: `Bearer cop_0123456789abcdef_${'A'.repeat(43)}` }),
  ],
  ['a valid token without the Bearer scheme', async () => ({ authorization: richToken })],
  ['a valid token under the Basic scheme', async () => ({ authorization: `Basic ${richToken}` })],
];

describe('without valid credentials every root field but login is UNAUTHENTICATED', () => {
  it('covers every root field of the contract but login', () => {
    expect(ROOT_FIELDS).toHaveLength(11 + 15);
  });

  describe.each(BAD_CREDENTIALS)('%s', (_credentials, headers) => {
    it.each(ROOT_FIELDS)('%s', async (field, document, variables) => {
      const send = async () =>
        graphql<Record<string, unknown>>(server.graphqlUrl, document, variables(), {
          headers: await headers(),
        });
      // A query cannot write; a mutation must not have.
      const response = document.trimStart().startsWith('mutation')
        ? await expectNothingWritten(server, send)
        : await send();
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(response.errors![0]!.path).toEqual([field]);
      expect(response.data?.[field] ?? null).toBeNull();
    });
  });

  it('the same token, whole, works (so the truncated one fails for its damage alone)', async () => {
    const { viewer } = await rich.call<{ viewer: any }>(VIEWER_IDS);
    expect(viewer.user.email).toBe(USERS.rich);
  });

  it('a token signed with the server’s secret and a future expiry works (so expiry alone fails the expired one)', async () => {
    const token = await forgeToken({ issuedAt: now() - HOUR, expiresAt: now() + HOUR });
    const response = await graphql<{ viewer: any }>(server.graphqlUrl, VIEWER_IDS, undefined, {
      token,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.viewer.user.email).toBe(USERS.rich);
  });

  it.each<[string, string | undefined]>([
    ['without credentials', undefined],
    ['with a garbage token', 'garbage'],
  ])('{ __typename } answers %s', async (_case, token) => {
    const query = await graphql(server.graphqlUrl, '{ __typename }', undefined, { token });
    expect(query).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    expect(query.errors).toBeUndefined();
    const mutation = await graphql(server.graphqlUrl, 'mutation { __typename }', undefined, {
      token,
    });
    expect(mutation).toMatchObject({ status: 200, data: { __typename: 'Mutation' } });
  });

  it('{ __typename } beside a field still refuses the field', async () => {
    const response = await graphql(server.graphqlUrl, '{ __typename customers { totalCount } }');
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('API keys', () => {
  async function createKey(admin: Api, name: string, scopes: string[]) {
    const payload = await admin.mutate(CREATE_API_KEY, { name, scopes });
    expectOk(payload);
    return { apiKey: payload.apiKey as any, secret: payload.secret as string };
  }

  it('createApiKey shows the secret once; the list, the node and the database never hold it', async () => {
    const { apiKey, secret } = await createKey(rich, 'Reporting', ['READ']);
    expect(apiKey).toMatchObject({ name: 'Reporting', scopes: ['READ'], revokedAt: null });
    // The body is base64url, so it may hold '_' itself: taken whole, not split on '_'.
    const body = /^cop_[0-9a-f]{16}_([A-Za-z0-9_-]{43})$/.exec(secret)?.[1];
    expect(body).toBeDefined();

    const listed = await rich.call<{ apiKeys: any[] }>(
      `query { apiKeys { id name scopes createdAt revokedAt } }`,
    );
    expect(listed.apiKeys.find((key) => key.id === apiKey.id)).toMatchObject({
      name: 'Reporting',
      scopes: ['READ'],
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(body!);
    const node = await rich.call(
      `query ($id: ID!) { node(id: $id) { id ... on ApiKey { name scopes createdAt revokedAt } } }`,
      {
        id: apiKey.id,
      },
    );
    expect(JSON.stringify(node)).not.toContain(body!);

    const { __type } = await rich.call<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "ApiKey") { fields { name } } }`,
    );
    expect(
      __type.fields
        .map((field) => field.name)
        .filter((name) => /secret|hash|prefix|token/i.test(name)),
    ).toEqual([]);

    const rows = (await snapshot(server)).api_key!;
    expect(JSON.stringify(rows)).not.toContain(body!);

    const again = await createKey(rich, 'Reporting', ['READ']);
    expect(again.secret).not.toBe(secret);
    expect(again.apiKey.id).not.toBe(apiKey.id);
  });

  it.each([
    ['an empty name', '  ', ['READ'], ['name']],
    ['no scopes', 'Nothing', [], ['scopes']],
  ])('createApiKey with %s is VALIDATION and makes nothing', async (_case, name, scopes, field) => {
    const payload = await expectNothingWritten(server, () =>
      rich.mutate(CREATE_API_KEY, { name, scopes }),
    );
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'VALIDATION', field })]);
    expect(payload).toMatchObject({ apiKey: null, secret: null });
  });

  it('a READ key is API_CLIENT of its organisation and reads what the organisation may', async () => {
    const key = new Api(server, (await createKey(rich, 'Reader', ['READ'])).secret);
    const { viewer } = await key.call<{ viewer: any }>(VIEWER_IDS);
    expect(viewer).toMatchObject({
      role: 'API_CLIENT',
      scopes: ['READ'],
      user: null,
      organization: { name: 'RS-Vertical', kind: 'RESELLER' },
    });
    const { customers } = await key.call<{ customers: any }>(CUSTOMERS);
    expect(customers.edges.map((edge: any) => edge.node.name)).toEqual([
      'Acme Mail',
      'Vertical Demo',
    ]);
    const { changeOrder } = await key.call<{ changeOrder: any }>(ORDER, { id: draftId });
    expect(changeOrder).toMatchObject({ id: draftId, status: 'DRAFT' });
    expect((await key.call<{ pendingAlerts: unknown[] }>(PENDING_ALERTS)).pendingAlerts).toEqual(
      [],
    );
  });

  it('a READ key of RS-Other reads none of RS-Vertical’s', async () => {
    const other = await Api.as(server, USERS.other);
    const key = new Api(server, (await createKey(other, 'Other reader', ['READ'])).secret);
    expect(
      (await key.call<{ customer: unknown }>(CUSTOMER_DETAIL, { id: verticalDemoId })).customer,
    ).toBeNull();
    expect(
      (await key.call<{ changeOrder: unknown }>(ORDER, { id: draftId })).changeOrder,
    ).toBeNull();
  });

  // prettier-ignore
  const WRITES: [string, string, Variables][] = [
    ['createChangeOrder', CREATE_ORDER, () => ({ input: { customerId: verticalDemoId, title: 'By key' } })],
    ['updateChangeOrder', UPDATE_ORDER, () => ({ input: { orderId: draftId, title: 'By key' } })],
    ['setChangeOrderLines', SET_LINES, () => ({ input: { orderId: draftId, lines: [] } })],
    ['setProductChange', SET_PRODUCT_CHANGE, () => ({ input: { orderId: draftId, mode: 'KEEP' } })],
    ['submitChangeOrder', SUBMIT, () => ({ input: { orderId: draftId, msaAccepted: true, authorizationConfirmed: true } })],
    ['cancelChangeOrder', CANCEL, () => ({ input: { orderId: draftId } })],
    ['addContact', ADD_CONTACT, () => ({ input: { customerId: verticalDemoId, name: 'Key', email: 'key@example.com' } })],
    ['acknowledgeAllAlerts', ACK_ALL, () => ({})],
    ['createApiKey', CREATE_API_KEY, () => ({ input: { name: 'Child', scopes: ['READ'] } })],
  ];
  it.each(WRITES)(
    'a READ-only key cannot %s: FORBIDDEN, nothing written',
    async (field, document, variables) => {
      const key = new Api(server, (await createKey(rich, `No ${field}`, ['READ'])).secret);
      const data = await expectNothingWritten(server, () =>
        key.call<Record<string, Payload>>(document, variables()),
      );
      expect(data[field]!.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    },
  );

  it.each(ROOT_FIELDS.slice(0, 11))(
    'a key without READ cannot query %s: FORBIDDEN',
    async (field, document, variables) => {
      const key = new Api(
        server,
        (await createKey(rich, `Writer ${field}`, ['WRITE_ORDERS', 'SUBSCRIBE'])).secret,
      );
      const response = await key.raw<Record<string, unknown>>(document, variables());
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(response.data?.[field] ?? null).toBeNull();
    },
  );

  it('a WRITE_ORDERS key creates and submits in the name of the admin who made it', async () => {
    const key = new Api(server, (await createKey(rich, 'Order bot', ['WRITE_ORDERS'])).secret);
    const created = await key.mutate(CREATE_ORDER, {
      customerId: verticalDemoId,
      title: 'From the bot',
    });
    expectOk(created);
    const orderId = created.order!.id as string;
    expect(created.order).toMatchObject({
      status: 'DRAFT',
      orderUser: { name: 'Rich Balazsi', email: USERS.rich },
    });
    expectOk(
      await key.mutate(SET_LINES, {
        orderId,
        lines: await lineInputs(rich, verticalDemoId, { 'Premium UC User': 2 }),
      }),
    );
    const submitted = await key.mutate(SUBMIT, {
      orderId,
      msaAccepted: true,
      authorizationConfirmed: true,
    });
    expectOk(submitted);
    expect(submitted.order).toMatchObject({
      status: 'SUBMITTED',
      orderUser: { email: USERS.rich },
    });
    expect(submitted.order!.history.map((event: any) => [event.type, event.actor.name])).toEqual([
      ['CREATED', 'Rich Balazsi'],
      ['UPDATED', 'Rich Balazsi'],
      ['SUBMITTED', 'Rich Balazsi'],
    ]);
    // The vendor's queue has it, as Rich's.
    const { changeOrder } = await kim.call<{ changeOrder: any }>(ORDER, { id: orderId });
    expect(changeOrder).toMatchObject({ status: 'SUBMITTED', orderUser: { name: 'Rich Balazsi' } });

    // A reseller's key never decides; the vendor's admin's key with WRITE_ORDERS does.
    const refused = await expectNothingWritten(server, () => key.mutate(APPROVE, { orderId }));
    expect(refused.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    const victor = await Api.as(server, EXTRA_USERS.victor.email);
    const vendorKey = new Api(
      server,
      (await createKey(victor, 'Approver bot', ['WRITE_ORDERS'])).secret,
    );
    expect(
      (
        await expectNothingWritten(server, () =>
          vendorKey.mutate(CREATE_ORDER, { customerId: verticalDemoId, title: 'Vendor bot' }),
        )
      ).userErrors.map((error) => error.code),
    ).toEqual(['FORBIDDEN']);
    const approved = await vendorKey.mutate(APPROVE, { orderId, comment: 'Automated' });
    expectOk(approved);
    expect(approved.order!.history.at(-1)).toMatchObject({
      type: 'APPROVED',
      actor: { name: 'Victor Admin' },
    });
  });

  it('an API key has no alerts to acknowledge and manages no keys', async () => {
    const key = new Api(
      server,
      (await createKey(rich, 'Everything', ['READ', 'WRITE_ORDERS', 'SUBSCRIBE'])).secret,
    );
    const ack = await expectNothingWritten(server, () => key.mutate(ACK_ALL));
    expect(ack.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    const keys = await key.raw(API_KEYS);
    expect(keys.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const made = await expectNothingWritten(server, () =>
      key.call<{ createApiKey: Payload }>(CREATE_API_KEY, {
        input: { name: 'Child', scopes: ['READ'] },
      }),
    );
    expect(made.createApiKey).toMatchObject({ apiKey: null, secret: null });
    expect(made.createApiKey.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
  });

  it('a revoked key is UNAUTHENTICATED at once; revoking again changes nothing; other keys work on', async () => {
    const doomed = await createKey(rich, 'Doomed', ['READ', 'WRITE_ORDERS']);
    const kept = await createKey(rich, 'Kept', ['READ']);
    const doomedApi = new Api(server, doomed.secret);
    expect((await doomedApi.call<{ viewer: any }>(VIEWER_IDS)).viewer.role).toBe('API_CLIENT');

    const first = (
      await rich.call<{ revokeApiKey: Payload }>(REVOKE_API_KEY, { id: doomed.apiKey.id })
    ).revokeApiKey;
    expectOk(first);
    expect(first.apiKey).toMatchObject({ id: doomed.apiKey.id, revokedAt: expect.any(String) });

    for (const [document, variables] of [
      [VIEWER_IDS, {}],
      [CUSTOMERS, {}],
      [CREATE_ORDER, { input: { customerId: verticalDemoId, title: 'After revoke' } }],
    ] as const) {
      const response = await expectNothingWritten(server, () => doomedApi.raw(document, variables));
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }

    const second = (
      await rich.call<{ revokeApiKey: Payload }>(REVOKE_API_KEY, { id: doomed.apiKey.id })
    ).revokeApiKey;
    expectOk(second);
    expect(second.apiKey).toEqual(first.apiKey);

    const { apiKeys } = await rich.call<{ apiKeys: any[] }>(API_KEYS);
    expect(apiKeys.find((key) => key.id === doomed.apiKey.id).revokedAt).toBe(
      (first.apiKey as any).revokedAt,
    );
    expect(apiKeys.find((key) => key.id === kept.apiKey.id).revokedAt).toBeNull();
    expect(
      (await new Api(server, kept.secret).call<{ viewer: any }>(VIEWER_IDS)).viewer.scopes,
    ).toEqual(['READ']);
  });
});
