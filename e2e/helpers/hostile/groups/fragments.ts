/**
 * Fragments that cannot be valid: cycles (two fragments, a fragment spreading itself, a cycle
 * through nested fields, one thirty fragments long), unknown fragments, fragments on unknown types,
 * on the wrong type or on a scalar, two fragments of one name, and inline fragments on unknown
 * types. Every one is refused; unused fragments, one or a thousand, need only keep the invariants.
 */
import { refused } from '../checks.js';
import { post } from '../http.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function fragmentCases({ fixture }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('fragments');
  const rich = fixture.tokens.rich;
  const documents: [string, string][] = [
    ['a two-fragment cycle', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
    ['a fragment spreading itself', '{ ...A } fragment A on Query { viewer { role } ...A }'],
    [
      'a cycle through nested fields',
      '{ viewer { ...V } } fragment V on Viewer { organization { ...O } } fragment O on Organization { id ... on Organization { ...P } } fragment P on Organization { ...O }',
    ],
    ['an unknown fragment', '{ ...Nope }'],
    ['a fragment on an unknown type', '{ ...A } fragment A on Nope { id }'],
    ['a fragment on the wrong type', '{ ...A } fragment A on Customer { id }'],
    ['a fragment on a scalar', '{ ...A } fragment A on String { id }'],
    [
      'two fragments of one name',
      '{ ...A } fragment A on Query { __typename } fragment A on Query { viewer { role } }',
    ],
    ['an unused fragment', '{ __typename } fragment A on Query { __typename }'],
    [
      '1000 unused fragments',
      `{ __typename } ${Array.from({ length: 1_000 }, (_, i) => `fragment U${i} on Query { __typename }`).join(' ')}`,
    ],
    ['an inline fragment on an unknown type', '{ ... on Nope { id } }'],
    [
      'a 30-fragment cycle',
      `{ ...C0 } ${Array.from({ length: 30 }, (_, i) => `fragment C${i} on Query { ...C${(i + 1) % 30} }`).join(' ')}`,
    ],
  ];
  for (const [name, query] of documents)
    add(name, post({ query }, rich), name.includes('unused fragment') ? undefined : refused);
  return cases;
}
