/**
 * Mutations with every input wrong: each mutation once with every field of its input literal of the
 * wrong type (refused as a whole); then well-typed inputs that the mutation itself must refuse with
 * the right userError: stale and absurd versions, over-long titles, ids of another kind, deltas out
 * of range, 10,000 lines of unknown products, unticked boxes, transitions the order's status does
 * not allow, malformed e-mails, a header injection, and acts the caller's role may not do.
 */
import { refused, userErrors } from '../checks.js';
import { KB, post } from '../http.js';
import { globalId } from '../ids.js';
import { junk, uuid } from '../random.js';
import { caseList, type GroupContext } from '../group.js';
import type { Check, HostileCase, Json } from '../types.js';

export function wrongInputCases({ fixture, random }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('wrong inputs');
  const { tokens, ids } = fixture;
  const rich = tokens.rich;
  // Every field of the input of the wrong type, as a literal: refused as a whole.
  const literals: [string, string][] = [
    [
      'createChangeOrder',
      'createChangeOrder(input: { customerId: 1.5, title: 7, siteId: true, note: [1], owner: "x" }) { order { id } }',
    ],
    [
      'updateChangeOrder',
      'updateChangeOrder(input: { orderId: [], expectedVersion: "v", title: {}, siteId: 1.5, note: 7, implementationLeadId: false }) { order { id } }',
    ],
    [
      'setChangeOrderLines',
      'setChangeOrderLines(input: { orderId: {}, expectedVersion: 1.5, lines: [{ productId: 1.5, billingAccountId: [], delta: "ten" }] }) { order { id } }',
    ],
    [
      'setProductChange',
      'setProductChange(input: { orderId: 1.5, mode: SIDEWAYS, productId: {}, replacesProductId: [] }) { order { id } }',
    ],
    [
      'submitChangeOrder',
      'submitChangeOrder(input: { orderId: 1.5, msaAccepted: "yes", authorizationConfirmed: 1, idempotencyKey: {} }) { order { id } }',
    ],
    [
      'cancelChangeOrder',
      'cancelChangeOrder(input: { orderId: null, expectedVersion: "1" }) { order { id } }',
    ],
    [
      'approveChangeOrder',
      'approveChangeOrder(input: { orderId: [1], comment: 5 }) { order { id } }',
    ],
    ['rejectChangeOrder', 'rejectChangeOrder(input: "reject") { order { id } }'],
    ['finalConfirmChangeOrder', 'finalConfirmChangeOrder(input: { }) { order { id } }'],
    ['acknowledgeAlert', 'acknowledgeAlert(id: { id: 1 }) { acknowledged { id } }'],
    [
      'acknowledgeAllAlerts with an argument',
      'acknowledgeAllAlerts(all: true) { acknowledged { id } }',
    ],
    ['addContact', 'addContact(input: { customerId: 1.5, name: [], email: 5 }) { contact { id } }'],
    ['createApiKey', 'createApiKey(input: { name: 5, scopes: [GOD] }) { secret }'],
    ['revokeApiKey', 'revokeApiKey(id: null) { apiKey { id } }'],
    ['login', 'login(email: 5, password: true) { token }'],
  ];
  for (const [name, field] of literals)
    add(
      `${name}: every field of the wrong type`,
      post({ query: `mutation { ${field} }` }, rich),
      refused,
    );
  // Well-typed inputs that the mutation itself must refuse, with the right userError.
  const mutation = (
    field: string,
    type: string,
    returns = 'order { id } userErrors { code field }',
  ) => `mutation($i: ${type}!) { ${field}(input: $i) { ${returns} } }`;
  const stale = ids.draftVersion + 1_000;
  const valued: [string, string, Json, Check][] = [
    [
      'updateChangeOrder: a stale version',
      mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
      { orderId: ids.draft, expectedVersion: stale, title: 'stale' },
      userErrors('STALE_VERSION'),
    ],
    [
      'updateChangeOrder: version -2^31',
      mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
      { orderId: ids.draft, expectedVersion: -(2 ** 31), title: 'neg' },
      userErrors('STALE_VERSION', 'VALIDATION'),
    ],
    [
      'updateChangeOrder: a 201-character title',
      mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
      { orderId: ids.draft, title: 'x'.repeat(201) },
      userErrors('VALIDATION'),
    ],
    [
      'updateChangeOrder: a product id as the site',
      mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
      { orderId: ids.draft, siteId: ids.product },
      userErrors('VALIDATION', 'NOT_FOUND'),
    ],
    [
      'updateChangeOrder: junk as the implementation lead',
      mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
      { orderId: ids.draft, implementationLeadId: junk(random, 20) },
      userErrors('VALIDATION', 'NOT_FOUND'),
    ],
    [
      'setChangeOrderLines: a delta beyond ±100000',
      mutation('setChangeOrderLines', 'SetChangeOrderLinesInput'),
      {
        orderId: ids.draft,
        lines: [{ productId: ids.product, billingAccountId: ids.billingAccount, delta: 100_001 }],
      },
      userErrors('VALIDATION'),
    ],
    [
      'setChangeOrderLines: a delta of -2^31',
      mutation('setChangeOrderLines', 'SetChangeOrderLinesInput'),
      {
        orderId: ids.draft,
        lines: [
          { productId: ids.product, billingAccountId: ids.billingAccount, delta: -(2 ** 31) },
        ],
      },
      userErrors('VALIDATION'),
    ],
    [
      'setChangeOrderLines: 10000 lines of unknown products',
      mutation('setChangeOrderLines', 'SetChangeOrderLinesInput'),
      {
        orderId: ids.draft,
        lines: Array.from({ length: 10_000 }, () => ({
          productId: globalId('Product', uuid(random)),
          billingAccountId: ids.billingAccount,
          delta: 1,
        })),
      },
      userErrors('VALIDATION', 'NOT_FOUND'),
    ],
    [
      'setChangeOrderLines: a stale version with good lines',
      mutation('setChangeOrderLines', 'SetChangeOrderLinesInput'),
      {
        orderId: ids.draft,
        expectedVersion: stale,
        lines: [{ productId: ids.product, billingAccountId: ids.billingAccount, delta: 3 }],
      },
      userErrors('STALE_VERSION'),
    ],
    [
      'setProductChange: REPLACE of junk by junk',
      mutation('setProductChange', 'SetProductChangeInput'),
      {
        orderId: ids.draft,
        mode: 'REPLACE',
        productId: junk(random, 10),
        replacesProductId: ids.customer,
      },
      userErrors('VALIDATION', 'NOT_FOUND', 'INVALID_UPGRADE'),
    ],
    [
      'setProductChange: a stale version',
      mutation('setProductChange', 'SetProductChangeInput'),
      { orderId: ids.draft, expectedVersion: stale, mode: 'KEEP' },
      userErrors('STALE_VERSION'),
    ],
    [
      'submitChangeOrder: no tick boxes',
      mutation('submitChangeOrder', 'SubmitChangeOrderInput'),
      { orderId: ids.draft, msaAccepted: false, authorizationConfirmed: false },
      userErrors('MSA_NOT_ACCEPTED', 'AUTHORIZATION_NOT_CONFIRMED'),
    ],
    [
      'submitChangeOrder: a stale version',
      mutation('submitChangeOrder', 'SubmitChangeOrderInput'),
      {
        orderId: ids.draft,
        expectedVersion: stale,
        msaAccepted: true,
        authorizationConfirmed: true,
      },
      userErrors('STALE_VERSION'),
    ],
    [
      'submitChangeOrder: junk implementation lead',
      mutation('submitChangeOrder', 'SubmitChangeOrderInput'),
      {
        orderId: ids.draft,
        msaAccepted: true,
        authorizationConfirmed: true,
        implementationLeadId: ids.customer,
      },
      userErrors('VALIDATION', 'NOT_FOUND'),
    ],
    [
      'cancelChangeOrder: an approved order',
      mutation('cancelChangeOrder', 'OrderRefInput'),
      { orderId: ids.approved },
      userErrors('INVALID_TRANSITION'),
    ],
    [
      'finalConfirmChangeOrder: a draft',
      mutation('finalConfirmChangeOrder', 'OrderRefInput'),
      { orderId: ids.draft },
      userErrors('INVALID_TRANSITION'),
    ],
    [
      'finalConfirmChangeOrder: a stale version',
      mutation('finalConfirmChangeOrder', 'OrderRefInput'),
      { orderId: ids.approved, expectedVersion: ids.approvedVersion + 1_000 },
      userErrors('STALE_VERSION'),
    ],
    [
      'approveChangeOrder: by the reseller',
      mutation('approveChangeOrder', 'OrderDecisionInput'),
      { orderId: ids.approved },
      userErrors('FORBIDDEN', 'INVALID_TRANSITION'),
    ],
    [
      'addContact: a malformed e-mail',
      mutation('addContact', 'AddContactInput', 'contact { id } userErrors { code field }'),
      { customerId: ids.customer, name: 'Bad Mail', email: 'not-an-email' },
      userErrors('VALIDATION'),
    ],
    [
      'addContact: an e-mail of 10 KB',
      mutation('addContact', 'AddContactInput', 'contact { id } userErrors { code field }'),
      {
        customerId: ids.customer,
        name: 'Long Mail',
        email: `${'m'.repeat(10 * KB)}@example.com`,
      },
      userErrors('VALIDATION'),
    ],
    [
      'addContact: an e-mail with a header injection',
      mutation('addContact', 'AddContactInput', 'contact { id } userErrors { code field }'),
      {
        customerId: ids.customer,
        name: 'Inject',
        email: 'a@example.com\r\nBcc: all@example.com',
      },
      userErrors('VALIDATION'),
    ],
  ];
  for (const [name, query, input, check] of valued)
    add(name, post({ query, variables: { i: input } }, rich), check);
  // As the vendor, who decides on orders but owns none.
  add(
    'rejectChangeOrder: a draft, by the vendor',
    post(
      {
        query: mutation('rejectChangeOrder', 'OrderDecisionInput'),
        variables: { i: { orderId: ids.draft, comment: 'no' } },
      },
      tokens.kim,
    ),
    userErrors('NOT_FOUND', 'INVALID_TRANSITION', 'FORBIDDEN'),
  );
  add(
    'approveChangeOrder: an approved order again, by the vendor',
    post(
      {
        query: mutation('approveChangeOrder', 'OrderDecisionInput'),
        variables: { i: { orderId: ids.approved } },
      },
      tokens.kim,
    ),
    userErrors('INVALID_TRANSITION'),
  );
  add(
    'createApiKey: by a vendor approver',
    post(
      {
        query:
          'mutation { createApiKey(input: { name: "vendor key", scopes: [READ] }) { secret userErrors { code } } }',
      },
      tokens.kim,
    ),
    userErrors('FORBIDDEN'),
  );
  return cases;
}
