/**
 * Other tenants' ids: RS-Other reading RS-Vertical's objects by their real ids (directly, through
 * node, through every list) and acting on them with every mutation; the vendor reaching for a
 * reseller's draft and acting for the reseller; RS-Vertical reaching for RS-Other's customer and
 * for the vendor's alert. Nothing is found and nothing is done, and no answer carries the other
 * tenant's text.
 */
import { all, noLeak, nothing, userErrors } from '../checks.js';
import { post } from '../http.js';
import { globalId } from '../ids.js';
import { caseList, type GroupContext } from '../group.js';
import type { Check, HostileCase, Json } from '../types.js';

const ORDER_FIELDS = 'id title status customer { name } lines { delta } orderUser { email }';
const ORDER = `query($id: ID!) { changeOrder(id: $id) { ${ORDER_FIELDS} } }`;
const ACKNOWLEDGE_ALERT =
  'mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledged { id } userErrors { code } } }';
const REVOKE_API_KEY =
  'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id } userErrors { code } } }';
/** Someone else's object: not found, or not allowed, and nothing done. */
const notTheirs = userErrors('NOT_FOUND', 'FORBIDDEN');

export function otherTenantCases({ fixture }: GroupContext): HostileCase[] {
  const { cases, add } = caseList("other tenants' ids");
  const { tokens, ids } = fixture;
  const rich = tokens.rich;
  const asOther = (name: string, query: string, variables: Json, check: Check = nothing) =>
    add(
      `RS-Other: ${name}`,
      post({ query, variables }, tokens.other),
      all(noLeak(fixture.verticalSecrets), check),
    );
  // RS-Other reading RS-Vertical's objects, by id and through every list.
  asOther('customer', 'query($id: ID!) { customer(id: $id) { id name contacts { email } } }', {
    id: ids.customer,
  });
  asOther('changeOrder (draft)', ORDER, { id: ids.draft });
  asOther('changeOrder (approved)', ORDER, { id: ids.approved });
  for (const [type, id] of [
    ['customer', ids.customer],
    ['order', ids.approved],
    ['site', ids.site],
    ['billing account', ids.billingAccount],
    ['alert', ids.richAlert],
    ['API key', ids.apiKey],
    ['event', ids.event],
    ['attachment', ids.attachment],
    ...(ids.contact ? [['contact', ids.contact]] : []),
    ['user', globalId('User', ids.richUserKey)],
  ] as [string, string][])
    asOther(
      `node (${type})`,
      'query($id: ID!) { node(id: $id) { id __typename ... on Customer { name } ... on ChangeOrder { title } ... on User { email name } ... on Contact { email } ... on Attachment { fileName downloadUrl } ... on Site { name } } }',
      { id },
    );
  asOther(
    'changeOrders filtered by the customer',
    'query($c: ID) { changeOrders(filter: { customerId: $c }) { totalCount edges { node { id title } } } }',
    { c: ids.customer },
  );
  asOther(
    'orderEventLog from the start',
    'query { orderEventLog(afterSequence: 0) { id order { title } } }',
    {},
  );
  asOther('pendingAlerts', 'query { pendingAlerts { id order { title } } }', {});
  asOther('ordersToConfirm', 'query { ordersToConfirm { id title } }', {});
  asOther('mailbox', 'query { mailbox { subject } }', {}, () => undefined);
  asOther('apiKeys', 'query { apiKeys { id name } }', {}, () => undefined);
  // RS-Other acting on RS-Vertical's objects.
  const payload = 'order { id title } userErrors { code }';
  const mutations: [string, string, Json][] = [
    [
      'createChangeOrder for the customer',
      `createChangeOrder(input: $i) { ${payload} }`,
      { customerId: ids.customer, title: 'hijack' },
    ],
    [
      'updateChangeOrder',
      `updateChangeOrder(input: $i) { ${payload} }`,
      { orderId: ids.draft, title: 'hijacked' },
    ],
    [
      'setChangeOrderLines',
      `setChangeOrderLines(input: $i) { ${payload} }`,
      {
        orderId: ids.draft,
        lines: [{ productId: ids.product, billingAccountId: ids.billingAccount, delta: 5 }],
      },
    ],
    [
      'setProductChange',
      `setProductChange(input: $i) { ${payload} }`,
      { orderId: ids.draft, mode: 'KEEP' },
    ],
    [
      'submitChangeOrder',
      `submitChangeOrder(input: $i) { ${payload} }`,
      { orderId: ids.draft, msaAccepted: true, authorizationConfirmed: true },
    ],
    [
      'cancelChangeOrder (draft)',
      `cancelChangeOrder(input: $i) { ${payload} }`,
      { orderId: ids.draft },
    ],
    [
      'finalConfirmChangeOrder',
      `finalConfirmChangeOrder(input: $i) { ${payload} }`,
      { orderId: ids.approved },
    ],
    [
      'copyChangeOrder (draft)',
      `copyChangeOrder(input: $i) { ${payload} }`,
      { orderId: ids.draft },
    ],
    [
      'approveChangeOrder',
      `approveChangeOrder(input: $i) { ${payload} }`,
      { orderId: ids.approved },
    ],
    [
      'rejectChangeOrder',
      `rejectChangeOrder(input: $i) { ${payload} }`,
      { orderId: ids.approved, comment: 'no' },
    ],
    [
      'addContact to the customer',
      'addContact(input: $i) { contact { id } userErrors { code } }',
      { customerId: ids.customer, name: 'Mole', email: 'mole@example.com' },
    ],
  ];
  const inputTypes: Record<string, string> = {
    createChangeOrder: 'CreateChangeOrderInput',
    updateChangeOrder: 'UpdateChangeOrderInput',
    setChangeOrderLines: 'SetChangeOrderLinesInput',
    setProductChange: 'SetProductChangeInput',
    submitChangeOrder: 'SubmitChangeOrderInput',
    cancelChangeOrder: 'OrderRefInput',
    copyChangeOrder: 'CopyChangeOrderInput',
    finalConfirmChangeOrder: 'OrderRefInput',
    approveChangeOrder: 'OrderDecisionInput',
    rejectChangeOrder: 'OrderDecisionInput',
    addContact: 'AddContactInput',
  };
  for (const [name, field, input] of mutations) {
    const type = inputTypes[field.slice(0, field.indexOf('('))]!;
    asOther(name, `mutation($i: ${type}!) { ${field} }`, { i: input }, notTheirs);
  }
  asOther("acknowledgeAlert (Rich's)", ACKNOWLEDGE_ALERT, { id: ids.richAlert }, notTheirs);
  asOther("revokeApiKey (RS-Vertical's)", REVOKE_API_KEY, { id: ids.apiKey }, notTheirs);
  // The vendor sees submitted orders of its customers, never a reseller's draft, and may
  // not act for the reseller.
  const asKim = (name: string, query: string, variables: Json, check: Check) =>
    add(`Vertical (vendor): ${name}`, post({ query, variables }, tokens.kim), check);
  asKim('changeOrder (draft)', ORDER, { id: ids.draft }, all(noLeak(['Abuse draft']), nothing));
  asKim(
    'node (draft)',
    'query($id: ID!) { node(id: $id) { id ... on ChangeOrder { title } } }',
    { id: ids.draft },
    all(noLeak(['Abuse draft']), nothing),
  );
  asKim(
    'cancelChangeOrder (draft)',
    `mutation($i: OrderRefInput!) { cancelChangeOrder(input: $i) { ${payload} } }`,
    { i: { orderId: ids.draft } },
    notTheirs,
  );
  asKim(
    'finalConfirmChangeOrder',
    `mutation($i: OrderRefInput!) { finalConfirmChangeOrder(input: $i) { ${payload} } }`,
    { i: { orderId: ids.approved } },
    notTheirs,
  );
  asKim(
    'copyChangeOrder (approved)',
    `mutation($i: CopyChangeOrderInput!) { copyChangeOrder(input: $i) { ${payload} } }`,
    { i: { orderId: ids.approved } },
    notTheirs,
  );
  asKim("acknowledgeAlert (Rich's)", ACKNOWLEDGE_ALERT, { id: ids.richAlert }, notTheirs);
  asKim("revokeApiKey (RS-Vertical's)", REVOKE_API_KEY, { id: ids.apiKey }, notTheirs);
  // RS-Vertical reaching for RS-Other's customer, and for the vendor's alert.
  const asRich = (name: string, query: string, variables: Json, check: Check = nothing) =>
    add(
      `RS-Vertical: ${name}`,
      post({ query, variables }, rich),
      all(noLeak(fixture.otherSecrets), check),
    );
  asRich('customer (Other Co)', 'query($id: ID!) { customer(id: $id) { id name } }', {
    id: ids.otherCustomer,
  });
  asRich('node (Other Co)', 'query($id: ID!) { node(id: $id) { id ... on Customer { name } } }', {
    id: ids.otherCustomer,
  });
  asRich(
    'createChangeOrder for Other Co',
    'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
    { i: { customerId: ids.otherCustomer, title: 'poach' } },
    notTheirs,
  );
  asRich(
    'addContact to Other Co',
    'mutation($i: AddContactInput!) { addContact(input: $i) { contact { id } userErrors { code } } }',
    { i: { customerId: ids.otherCustomer, name: 'Mole', email: 'mole@example.com' } },
    notTheirs,
  );
  asRich("acknowledgeAlert (Kim's)", ACKNOWLEDGE_ALERT, { id: ids.kimAlert }, notTheirs);
  asRich(
    'approveChangeOrder (his own, as a reseller)',
    `mutation($i: OrderDecisionInput!) { approveChangeOrder(input: $i) { ${payload} } }`,
    { i: { orderId: ids.approved } },
    userErrors('NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION'),
  );
  return cases;
}
