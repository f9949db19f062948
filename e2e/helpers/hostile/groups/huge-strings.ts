/**
 * Huge strings: search variables and literals of 100 to 900 KB, bodies over the 1 MB limit (413),
 * 300 KB names of fields, aliases, operations, variables and enum values, and 500 KB ids,
 * passwords, e-mails, titles and comments in mutations that must fail on something else first; then
 * four-byte characters, lone surrogates, control characters and NUL (which PostgreSQL refuses in
 * text), and a 500 KB block string.
 */
import { status, refused, nothing, userErrors } from '../checks.js';
import { KB, MB, post } from '../http.js';
import { junk } from '../random.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function hugeStringCases({ fixture, random }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('huge strings');
  const { tokens, ids } = fixture;
  const rich = tokens.rich;
  const search = 'query Search($s: String) { customers(search: $s) { totalCount } }';
  // Search strings under the 1 MB body limit, then bodies over it.
  for (const size of [100 * KB, 500 * KB, 900 * KB]) {
    add(
      `a ${size / KB} KB search variable`,
      post({ query: search, variables: { s: junk(random, size) } }, rich),
    );
    add(
      `a ${size / KB} KB search literal`,
      post({ query: `{ customers(search: "${junk(random, size)}") { totalCount } }` }, rich),
    );
  }
  for (const size of [1.1 * MB, 2 * MB])
    add(
      `a ${size / MB} MB search variable (body over 1 MB)`,
      post({ query: search, variables: { s: 'x'.repeat(size) } }, rich),
      status(413),
    );
  add(
    'a 2 MB query literal (body over 1 MB)',
    post({ query: `{ customers(search: "${'y'.repeat(2 * MB)}") { totalCount } }` }, rich),
    status(413),
  );
  // Huge names in the document itself.
  add(
    'a 300 KB field name',
    post({ query: `{ viewer { ${'f'.repeat(300 * KB)} } }` }, rich),
    refused,
  );
  add('a 300 KB alias', post({ query: `{ ${'a'.repeat(300 * KB)}: viewer { role } }` }, rich));
  add(
    'a 300 KB operation name',
    post(
      {
        query: `query ${'Q'.repeat(300 * KB)} { __typename }`,
        operationName: 'Q'.repeat(300 * KB),
      },
      rich,
    ),
  );
  add(
    'a 300 KB variable name',
    post({ query: `query($${'v'.repeat(300 * KB)}: Int) { __typename }` }, rich),
    refused,
  );
  add(
    'a 300 KB enum value',
    post(
      { query: `{ changeOrders(filter: { status: [${'D'.repeat(300 * KB)}] }) { totalCount } }` },
      rich,
    ),
    refused,
  );
  // Huge values in arguments, each in an operation that must still fail for its own reason.
  add(
    'a 500 KB id',
    post(
      {
        query: 'query($id: ID!) { node(id: $id) { id } }',
        variables: { id: junk(random, 500 * KB) },
      },
      rich,
    ),
    nothing,
  );
  add(
    'a 500 KB password',
    post({
      query:
        'mutation($p: String!) { login(email: "rich@rs-vertical.example", password: $p) { token userErrors { code } } }',
      variables: { p: junk(random, 500 * KB) },
    }),
    userErrors('INVALID_CREDENTIALS'),
  );
  add(
    'a 500 KB e-mail',
    post({
      query:
        'mutation($e: String!) { login(email: $e, password: "demo") { token userErrors { code } } }',
      variables: { e: `${junk(random, 500 * KB)}@rs-vertical.example` },
    }),
    userErrors('INVALID_CREDENTIALS', 'VALIDATION'),
  );
  add(
    'a 900 KB note on a new order with a title over 200 characters',
    post(
      {
        query:
          'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code field } } }',
        variables: {
          i: { customerId: ids.customer, title: 'T'.repeat(201), note: junk(random, 900 * KB) },
        },
      },
      rich,
    ),
    userErrors('VALIDATION'),
  );
  add(
    'a 500 KB title on the draft, with a stale version',
    post(
      {
        query:
          'mutation($i: UpdateChangeOrderInput!) { updateChangeOrder(input: $i) { order { id } userErrors { code field } } }',
        variables: {
          i: {
            orderId: ids.draft,
            expectedVersion: ids.draftVersion + 1000,
            title: junk(random, 500 * KB),
          },
        },
      },
      rich,
    ),
    userErrors('STALE_VERSION', 'VALIDATION'),
  );
  add(
    'a 500 KB reject comment on an approved order',
    post(
      {
        query:
          'mutation($i: OrderDecisionInput!) { rejectChangeOrder(input: $i) { order { id } userErrors { code } } }',
        variables: { i: { orderId: ids.approved, comment: junk(random, 500 * KB) } },
      },
      tokens.kim,
    ),
    userErrors('INVALID_TRANSITION', 'VALIDATION'),
  );
  add(
    "a 300 KB idempotency key on Rich's draft, as RS-Other",
    post(
      {
        query:
          'mutation($i: SubmitChangeOrderInput!) { submitChangeOrder(input: $i) { order { id } userErrors { code } } }',
        variables: {
          i: {
            orderId: ids.draft,
            msaAccepted: true,
            authorizationConfirmed: true,
            idempotencyKey: junk(random, 300 * KB),
          },
        },
      },
      tokens.other,
    ),
    userErrors('NOT_FOUND', 'VALIDATION'),
  );
  // Characters that are hard to encode, compare or store.
  add(
    '200000 four-byte characters',
    post({ query: search, variables: { s: '\u{1F4A5}'.repeat(200_000) } }, rich),
  );
  add(
    'lone surrogates and control characters',
    post(
      { query: search, variables: { s: '\ud800\udfff\ud800x\u0001\u001f\u007f\u202e\ufeff' } },
      rich,
    ),
  );
  // PostgreSQL refuses NUL in text: a string carrying one must be refused, not crash a query.
  add(
    'a NUL character in a search',
    post({ query: search, variables: { s: 'Vertical\u0000Demo' } }, rich),
  );
  add(
    'a NUL character in a login e-mail',
    post({
      query:
        'mutation($e: String!) { login(email: $e, password: "demo") { token userErrors { code } } }',
      variables: { e: 'rich@rs-vertical.example\u0000' },
    }),
    userErrors('INVALID_CREDENTIALS', 'VALIDATION'),
  );
  add(
    'a NUL character in a new order title',
    post(
      {
        query:
          'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
        variables: { i: { customerId: ids.customer, title: 'T'.repeat(201) + '\u0000' } },
      },
      rich,
    ),
    userErrors('VALIDATION'),
  );
  add(
    'a NUL character in a contact e-mail',
    post(
      {
        query:
          'mutation($i: AddContactInput!) { addContact(input: $i) { contact { id } userErrors { code } } }',
        variables: {
          i: { customerId: ids.customer, name: 'Nul', email: 'nul\u0000@example.com' },
        },
      },
      rich,
    ),
    userErrors('VALIDATION'),
  );
  add(
    'a block string of 500 KB',
    post({ query: `{ customers(search: """${'b\n'.repeat(250 * KB)}""") { totalCount } }` }, rich),
  );
  return cases;
}
