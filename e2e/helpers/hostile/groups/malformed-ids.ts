/**
 * Unknown and malformed ids: twenty ids that name nothing the viewer may see (empty, blank, junk,
 * padded base64, forged global ids of unknown objects or types, raw uuids, SQL, NUL, unicode, real
 * ids of another kind) given to node, customer, changeOrder, cancelChangeOrder and
 * acknowledgeAlert; then real or forged ids where an input wants another kind. Nothing is found and
 * nothing is done.
 */
import { nothing, userErrors } from '../checks.js';
import { post } from '../http.js';
import { globalId, keyOf } from '../ids.js';
import { junk, uuid } from '../random.js';
import { caseList, type GroupContext } from '../group.js';
import type { Check, HostileCase, Json } from '../types.js';

const CREATE_ORDER =
  'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }';
const SET_LINES =
  'mutation($i: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $i) { order { id } userErrors { code } } }';
const PRODUCTS_OF_VENDOR = 'query($v: ID) { products(vendorId: $v) { id } }';
/** A mutation given an id that names nothing it can act on: refused as such, nothing done. */
const notFound = userErrors('NOT_FOUND', 'VALIDATION');

export function malformedIdCases({ fixture, random }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('malformed ids');
  const { ids } = fixture;
  const rich = fixture.tokens.rich;
  // Ids that name nothing the viewer may see: empty, malformed, forged, unknown, of the wrong
  // type, or real ones spelled otherwise.
  const values: [string, string][] = [
    ['an empty id', ''],
    ['a blank id', '   '],
    ['punctuation', '!!!'],
    ['201 characters', 'A'.repeat(201)],
    ['base64 junk', Buffer.from(junk(random, 40)).toString('base64url')],
    ['base64 with padding', Buffer.from('Customer:x').toString('base64')],
    ['a type without a uuid', globalId('Customer', 'not-a-uuid')],
    ['an unknown customer', globalId('Customer', uuid(random))],
    ['an unknown order', globalId('ChangeOrder', uuid(random))],
    ['an unknown type', globalId('Setting', uuid(random))],
    ['a lowercase type', globalId('customer', keyOf(ids.customer))],
    ['an uppercase uuid', globalId('Customer', keyOf(ids.customer).toUpperCase())],
    ['a raw uuid', keyOf(ids.customer)],
    ['a raw type:uuid', `Customer:${keyOf(ids.customer)}`],
    ['SQL in an id', "' OR '1'='1"],
    ['SQL in a global id', globalId('Customer', "' OR '1'='1")],
    ['a NUL in a global id', globalId('Customer', `${keyOf(ids.customer)}\u0000`)],
    ['unicode', 'ℂ𝕦𝕤𝕥𝕠𝕞𝕖𝕣'],
    ['a product id', ids.product],
    ['a site id', ids.site],
  ];
  const fields: [string, (id: string) => { query: string; variables: Json }, Check][] = [
    [
      'node',
      (id) => ({
        query: 'query($id: ID!) { node(id: $id) { id __typename } }',
        variables: { id },
      }),
      nothing,
    ],
    [
      'customer',
      (id) => ({ query: 'query($id: ID!) { customer(id: $id) { id name } }', variables: { id } }),
      nothing,
    ],
    [
      'changeOrder',
      (id) => ({
        query: 'query($id: ID!) { changeOrder(id: $id) { id title } }',
        variables: { id },
      }),
      nothing,
    ],
    [
      'cancelChangeOrder',
      (id) => ({
        query:
          'mutation($i: OrderRefInput!) { cancelChangeOrder(input: $i) { order { id } userErrors { code } } }',
        variables: { i: { orderId: id } },
      }),
      notFound,
    ],
    [
      'acknowledgeAlert',
      (id) => ({
        query:
          'mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledged { id } userErrors { code } } }',
        variables: { id },
      }),
      notFound,
    ],
  ];
  // node finds any object of the viewer's by its id: a product or a site is no mistake there.
  for (const [field, build, check] of fields)
    for (const [name, value] of values)
      add(
        `${field}: ${name}`,
        post(build(value), rich),
        field === 'node' && (value === ids.product || value === ids.site) ? undefined : check,
      );
  // Real or forged ids where an input wants an id of another kind.
  const more: [string, { query: string; variables: Json }, Check][] = [
    [
      'revokeApiKey: an order id',
      {
        query: 'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id } userErrors { code } } }',
        variables: { id: ids.draft },
      },
      notFound,
    ],
    [
      'createChangeOrder: a site id as the customer',
      {
        query: CREATE_ORDER,
        variables: { i: { customerId: ids.site, title: 'site as customer' } },
      },
      notFound,
    ],
    [
      'createChangeOrder: another customer site',
      {
        query: CREATE_ORDER,
        variables: {
          i: {
            customerId: ids.customer,
            title: 'x'.repeat(201),
            siteId: globalId('Site', uuid(random)),
          },
        },
      },
      notFound,
    ],
    [
      'setChangeOrderLines: a customer id as the product',
      {
        query: SET_LINES,
        variables: {
          i: {
            orderId: ids.draft,
            lines: [{ productId: ids.customer, billingAccountId: ids.billingAccount, delta: 1 }],
          },
        },
      },
      notFound,
    ],
    [
      'setChangeOrderLines: an unknown billing account',
      {
        query: SET_LINES,
        variables: {
          i: {
            orderId: ids.draft,
            lines: [
              {
                productId: ids.product,
                billingAccountId: globalId('BillingAccount', uuid(random)),
                delta: 1,
              },
            ],
          },
        },
      },
      notFound,
    ],
    [
      'products: a customer id as the vendor',
      {
        query: PRODUCTS_OF_VENDOR,
        variables: { v: ids.customer },
      },
      nothing,
    ],
    [
      'products: junk as the vendor',
      {
        query: PRODUCTS_OF_VENDOR,
        variables: { v: junk(random, 30) },
      },
      nothing,
    ],
    [
      'changeOrders: an order id as the customer filter',
      {
        query: 'query($c: ID) { changeOrders(filter: { customerId: $c }) { totalCount } }',
        variables: { c: ids.draft },
      },
      nothing,
    ],
  ];
  for (const [name, payload, check] of more) add(name, post(payload, rich), check);
  return cases;
}
