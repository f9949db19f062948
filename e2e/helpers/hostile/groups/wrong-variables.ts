/**
 * Wrong variable types: for a handful of queries and mutations, one variable at a time given a
 * value of the wrong type (a string for an Int, numbers out of range, objects, lists, null or
 * nothing for a required one, unknown fields and enum values, `__proto__`), then literals and
 * declarations that cannot type-check (undeclared or twice-declared variables, unknown or repeated
 * arguments, misused directives). Every one is refused as a whole.
 */
import { refused } from '../checks.js';
import { post } from '../http.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase, Json } from '../types.js';

export function wrongVariableCases({ fixture }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('wrong variable types');
  const { ids } = fixture;
  const rich = fixture.tokens.rich;
  // One variable at a time of the wrong type, the others as `base` has them.
  const operations: {
    name: string;
    query: string;
    base: Json;
    wrong: [string, string, unknown][];
  }[] = [
    {
      name: 'customers',
      query:
        'query($first: Int, $search: String) { customers(first: $first, search: $search) { totalCount } }',
      base: {},
      wrong: [
        ['first', 'a string for Int', 'ten'],
        ['first', 'a float for Int', 1.5],
        ['first', '2^31 for Int', 2 ** 31],
        ['first', '-2^31-1 for Int', -(2 ** 31) - 1],
        ['first', '1e30 for Int', 1e30],
        ['first', 'true for Int', true],
        ['first', 'an object for Int', { n: 1 }],
        ['first', 'a list for Int', [1]],
        ['first', '"NaN" for Int', 'NaN'],
        ['search', 'a number for String', 123],
        ['search', 'an object for String', { s: 'x' }],
        ['search', 'a list for String', ['x']],
        ['search', 'true for String', true],
      ],
    },
    {
      name: 'customer',
      query: 'query($id: ID!) { customer(id: $id) { id name } }',
      base: { id: ids.customer },
      wrong: [
        ['id', 'an object for ID', { id: ids.customer }],
        ['id', 'a list for ID', [ids.customer]],
        ['id', 'true for ID', true],
        ['id', 'a float for ID', 1.5],
        ['id', 'null for ID!', null],
        ['id', 'nothing for ID!', undefined],
      ],
    },
    {
      name: 'changeOrders',
      query: 'query($filter: ChangeOrderFilter) { changeOrders(filter: $filter) { totalCount } }',
      base: {},
      wrong: [
        ['filter', 'a string for an input object', 'DRAFT'],
        ['filter', 'a list for an input object', [{ status: ['DRAFT'] }]],
        ['filter', 'an unknown field', { status: ['DRAFT'], owner: 'me' }],
        ['filter', 'an unknown enum value', { status: ['DRAFTY'] }],
        ['filter', 'a lowercase enum value', { status: ['draft'] }],
        ['filter', 'a number in an enum list', { status: [1] }],
        ['filter', 'null in a list of non-null', { status: [null] }],
        ['filter', 'an object for an ID field', { customerId: { id: ids.customer } }],
        [
          'filter',
          '__proto__ in an input object',
          JSON.parse('{"__proto__": {"status": ["DRAFT"]}}'),
        ],
      ],
    },
    {
      name: 'orderEventLog',
      query:
        'query($after: Int, $first: Int) { orderEventLog(afterSequence: $after, first: $first) { id } }',
      base: {},
      wrong: [
        ['after', 'a string for Int', '0'],
        ['after', '2^53 for Int', 2 ** 53],
        ['first', 'Infinity-like 1e308 for Int', 1e308],
        ['first', '-0.5 for Int', -0.5],
      ],
    },
    {
      name: 'createChangeOrder',
      query:
        'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
      base: { i: { customerId: ids.customer, title: 'x'.repeat(201) } },
      wrong: [
        [
          'i',
          'every field of the wrong type',
          { customerId: 5, title: ['x'], siteId: {}, note: false },
        ],
        ['i', 'a missing required field', { title: 'no customer' }],
        ['i', 'null for a required field', { customerId: null, title: 'null customer' }],
        [
          'i',
          'an unknown field',
          { customerId: ids.customer, title: 'x'.repeat(201), owner: 'someone else' },
        ],
        ['i', 'a string for the input', 'customerId'],
        ['i', 'null for the input', null],
      ],
    },
    {
      name: 'setChangeOrderLines',
      query:
        'mutation($i: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $i) { order { id } userErrors { code } } }',
      base: {},
      wrong: [
        [
          'i',
          'a string delta',
          {
            orderId: ids.draft,
            lines: [{ productId: ids.product, billingAccountId: ids.billingAccount, delta: '1' }],
          },
        ],
        [
          'i',
          'a delta beyond 32 bits',
          {
            orderId: ids.draft,
            lines: [
              { productId: ids.product, billingAccountId: ids.billingAccount, delta: 2 ** 40 },
            ],
          },
        ],
        [
          'i',
          'a line that is a list',
          { orderId: ids.draft, lines: [[ids.product, ids.billingAccount, 1]] },
        ],
        ['i', 'null lines', { orderId: ids.draft, lines: null }],
        ['i', 'a float version', { orderId: ids.draft, expectedVersion: 1.5, lines: [] }],
      ],
    },
    {
      name: 'submitChangeOrder',
      query:
        'mutation($i: SubmitChangeOrderInput!) { submitChangeOrder(input: $i) { order { id } userErrors { code } } }',
      base: {},
      wrong: [
        [
          'i',
          'strings for the tick boxes',
          { orderId: ids.draft, msaAccepted: 'yes', authorizationConfirmed: 'true' },
        ],
        [
          'i',
          'numbers for the tick boxes',
          { orderId: ids.draft, msaAccepted: 1, authorizationConfirmed: 1 },
        ],
        [
          'i',
          'an object idempotency key',
          {
            orderId: ids.draft,
            msaAccepted: true,
            authorizationConfirmed: true,
            idempotencyKey: { k: 1 },
          },
        ],
      ],
    },
    {
      name: 'createApiKey',
      query:
        'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { code } } }',
      base: {},
      wrong: [
        ['i', 'an unknown scope', { name: 'abuse', scopes: ['ADMIN'] }],
        ['i', 'a scope that is not a string', { name: 'abuse', scopes: [true] }],
        ['i', 'a name that is a list', { name: ['abuse'], scopes: ['READ'] }],
      ],
    },
    {
      name: 'acknowledgeAlert',
      query:
        'mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledged { id } userErrors { code } } }',
      base: {},
      wrong: [
        ['id', 'a list of ids', [ids.richAlert]],
        ['id', 'null', null],
      ],
    },
  ];
  for (const operation of operations)
    for (const [variable, name, value] of operation.wrong) {
      const variables = { ...operation.base, [variable]: value };
      if (value === undefined) delete variables[variable];
      add(`${operation.name}: ${name}`, post({ query: operation.query, variables }, rich), refused);
    }
  // Literals, declarations and directives that cannot type-check.
  const literals: [string, string][] = [
    ['a string literal for Int', '{ customers(first: "ten") { totalCount } }'],
    ['a float literal for Int', '{ customers(first: 1.5) { totalCount } }'],
    ['1e30 literal for Int', '{ customers(first: 1e30) { totalCount } }'],
    ['2^31 literal for Int', '{ orderEventLog(first: 2147483648) { id } }'],
    ['an object literal for ID', '{ customer(id: { id: 1 }) { id } }'],
    [
      'a variable of the wrong declared type',
      'query($f: Float) { customers(first: $f) { totalCount } }',
    ],
    ['a variable declared as an output type', 'query($c: Customer) { __typename }'],
    ['an undeclared variable', '{ customers(first: $nope) { totalCount } }'],
    [
      'a variable declared twice',
      'query($a: Int, $a: String) { customers(first: $a) { totalCount } }',
    ],
    ['an unknown argument', '{ customers(owner: "me") { totalCount } }'],
    ['an argument given twice', '{ customers(first: 1, first: 2) { totalCount } }'],
    ['a missing required argument', '{ customer { id } }'],
    ['@skip with a string', '{ viewer @skip(if: "yes") { role } }'],
    ['@include without its argument', '{ viewer @include { role } }'],
    ['an unknown directive', '{ viewer @nope { role } }'],
    ['a directive in the wrong place', 'query @skip(if: true) { __typename }'],
  ];
  for (const [name, query] of literals) add(name, post({ query }, rich), refused);
  return cases;
}
