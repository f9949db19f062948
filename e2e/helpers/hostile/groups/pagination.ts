/**
 * Pagination: page sizes out of range (negative, zero, over 100, 2^31-1) on every connection and
 * list, cursors that are empty, junk, 100 KB long, global ids, or well-formed base64 JSON whose
 * keys are of the wrong kind, hold a malformed id or a NUL, or lie beyond 32 bits; and event-log
 * sequences at both ends of the 32-bit range. Sizes out of range are rejected everywhere; cursors
 * need only keep the invariants.
 */
import { rejected, nothing } from '../checks.js';
import { KB, post } from '../http.js';
import { keyOf } from '../ids.js';
import { junk } from '../random.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function paginationCases({ fixture, random }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('pagination');
  const { ids } = fixture;
  const rich = fixture.tokens.rich;
  const lists: [string, (args: string) => string][] = [
    ['customers', (args) => `{ customers(${args}) { totalCount edges { node { id } } } }`],
    ['changeOrders', (args) => `{ changeOrders(${args}) { totalCount edges { node { id } } } }`],
    [
      'customer.changeOrders',
      (args) =>
        `{ customer(id: "${ids.customer}") { changeOrders(${args}) { totalCount edges { node { id } } } } }`,
    ],
    ['orderEventLog', (args) => `{ orderEventLog(${args}) { id } }`],
    ['mailbox', (args) => `{ mailbox(${args}) { id } }`],
  ];
  for (const [list, build] of lists)
    for (const first of [-1, 0, 101, 10_000, 2_147_483_647])
      add(`${list}(first: ${first})`, post({ query: build(`first: ${first}`) }, rich), rejected);
  const cursors: [string, string][] = [
    ['an empty cursor', ''],
    ['junk', junk(random, 24)],
    ['base64 of junk', Buffer.from(junk(random, 24)).toString('base64url')],
    ['a 100 KB cursor', 'c'.repeat(100 * KB)],
    ['a global id', ids.customer],
    ['a cursor of JSON null', Buffer.from('null').toString('base64url')],
    ['keys of the wrong kinds', Buffer.from(JSON.stringify([1, 2])).toString('base64url')],
    [
      'a customer cursor with a malformed id',
      Buffer.from(JSON.stringify(['Vertical Demo', 'not-a-uuid'])).toString('base64url'),
    ],
    [
      'a customer cursor with a NUL',
      Buffer.from(JSON.stringify(['Vertical\u0000', keyOf(ids.customer)])).toString('base64url'),
    ],
    [
      'an order cursor beyond 32 bits',
      Buffer.from(JSON.stringify([2 ** 53 - 1])).toString('base64url'),
    ],
    [
      'an order cursor below -2^31',
      Buffer.from(JSON.stringify([-(2 ** 40)])).toString('base64url'),
    ],
  ];
  for (const [name, cursor] of cursors)
    for (const list of ['customers', 'changeOrders'])
      add(
        `${list} after ${name}`,
        post(
          {
            query: `query($a: String) { ${list}(first: 5, after: $a) { totalCount edges { cursor } } }`,
            variables: { a: cursor },
          },
          rich,
        ),
      );
  add(
    'orderEventLog after -2^31',
    post({ query: '{ orderEventLog(afterSequence: -2147483648, first: 100) { id } }' }, rich),
  );
  add(
    'orderEventLog after 2^31-1',
    post({ query: '{ orderEventLog(afterSequence: 2147483647) { id } }' }, rich),
    nothing,
  );
  return cases;
}
