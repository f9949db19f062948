/**
 * Operation names and kinds: an operationName that is unknown, missing where two operations stand,
 * empty, or names a fragment; duplicate and mixed anonymous operations; a mutation chosen over GET;
 * subscriptions over HTTP (with a token, without, and over GET), which are served only over
 * WebSocket; and documents that do not parse (unterminated strings, bad escapes, stray braces,
 * control characters, type definitions, schema extensions, 100,000 opening braces). A 500 KB
 * comment before a good query need only keep the invariants.
 */
import { all, status, refused, clientErrorOrErrors, noData } from '../checks.js';
import { get, KB, post } from '../http.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function operationCases({ fixture }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('operations');
  const { ids } = fixture;
  const rich = fixture.tokens.rich;
  // Which operation of the document to run.
  add(
    'an unknown operationName for an anonymous query',
    post({ query: '{ __typename }', operationName: 'Nope' }, rich),
    refused,
  );
  add(
    'an unknown operationName among named ones',
    post({ query: 'query A { __typename } query B { __typename }', operationName: 'C' }, rich),
    refused,
  );
  add(
    'two operations and no operationName',
    post({ query: 'query A { __typename } query B { __typename }' }, rich),
    refused,
  );
  add(
    'an anonymous and a named operation',
    post({ query: '{ __typename } query B { __typename }', operationName: 'B' }, rich),
    refused,
  );
  add(
    'two operations of one name',
    post({ query: 'query A { __typename } query A { viewer { role } }', operationName: 'A' }, rich),
    refused,
  );
  add(
    'operationName naming a fragment',
    post(
      { query: 'query A { ...F } fragment F on Query { __typename }', operationName: 'F' },
      rich,
    ),
    refused,
  );
  add('an empty operationName', post({ query: 'query A { __typename }', operationName: '' }, rich));
  add(
    'a document of fragments only',
    post({ query: 'fragment F on Query { __typename }' }, rich),
    refused,
  );
  add(
    'a query and a mutation, the mutation chosen over GET',
    get(
      {
        query: 'query Q { __typename } mutation M { acknowledgeAllAlerts { userErrors { code } } }',
        operationName: 'M',
      },
      rich,
    ),
    all(status(405), refused),
  );
  // Subscriptions, which run over WebSocket only.
  for (const subscription of [
    'subscription { alertRaised { id kind } }',
    `subscription { changeOrderUpdated(orderId: "${ids.draft}") { id title } }`,
    'subscription { orderEvents { sequence order { title } } }',
    'subscription A { alertRaised { id } } subscription B { orderEvents { sequence } }',
  ]) {
    add(
      `over HTTP: ${subscription.slice(0, 48)}`,
      post(
        { query: subscription, operationName: subscription.includes('A {') ? 'A' : undefined },
        rich,
      ),
      all(clientErrorOrErrors, noData),
    );
    add(
      `over HTTP, anonymous: ${subscription.slice(0, 40)}`,
      post({
        query: subscription,
        operationName: subscription.includes('A {') ? 'B' : undefined,
      }),
      all(clientErrorOrErrors, noData),
    );
  }
  add(
    'a subscription over GET',
    get({ query: 'subscription { alertRaised { id } }' }, rich),
    all(clientErrorOrErrors, noData),
  );
  // Documents that do not parse, or define rather than ask.
  const syntax: [string, string][] = [
    ['an unterminated string', '{ customers(search: "abc) { totalCount } }'],
    ['a bad escape', '{ customers(search: "\\u{ZZZZ}") { totalCount } }'],
    ['an unclosed brace', '{ viewer { role }'],
    ['a stray brace', '}'],
    ['a control character', '{ viewer \u0001 { role } }'],
    ['the keyword alone', 'mutation'],
    ['a type definition', 'type Query { hacked: Int }'],
    ['a schema extension', 'extend type Query { hacked: Int } { __typename }'],
    ['a schema definition', 'schema { query: Query }'],
    ['100000 opening braces', '{'.repeat(100_000)],
    ['a 500 KB comment', `# ${'c'.repeat(500 * KB)}\n{ __typename }`],
  ];
  for (const [name, query] of syntax)
    add(
      `syntax: ${name}`,
      post({ query }, rich),
      name === 'a 500 KB comment' ? undefined : refused,
    );
  return cases;
}
