/**
 * Depth: operations nested past the server's depth limit, or deeper than any parser should recurse:
 * real fields chained 20 to 200 levels, unknown fields up to 100,000 levels, the same depth spread
 * over chains of fragments, and list literals, variable values and input object literals nested
 * thousands deep. Every one is refused as a whole, but for a deep variable the operation does not
 * use, which need only keep the invariants.
 */
import { refused } from '../checks.js';
import { post } from '../http.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function depthCases({ fixture }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('depth');
  const { ids } = fixture;
  const rich = fixture.tokens.rich;
  // customer → changeOrders → edges → node → customer: four levels a turn, all real fields.
  const chain = (levels: number) => {
    let inner = 'id';
    for (let i = 0; i < Math.ceil(levels / 4); i++)
      inner = `customer { changeOrders(first: 1) { edges { node { ${inner} } } } }`;
    return `query Deep($id: ID!) { changeOrder(id: $id) { ${inner} } }`;
  };
  for (const depth of [20, 40, 80, 120, 200])
    add(
      `real fields ${depth} deep`,
      post({ query: chain(depth), variables: { id: ids.approved } }, rich),
      refused,
    );
  for (const depth of [20, 200, 1_000, 10_000, 100_000])
    add(
      `unknown fields ${depth} deep`,
      post({ query: `{${'a{'.repeat(depth)}b${'}'.repeat(depth + 1)}` }, rich),
      refused,
    );
  // The same depth spread over a chain of fragments.
  for (const count of [12, 60]) {
    const fragments = Array.from(
      { length: count },
      (_, i) =>
        `fragment F${i} on Customer { changeOrders(first: 1) { edges { node { customer { ${i + 1 < count ? `...F${i + 1}` : 'id'} } } } } }`,
    );
    add(
      `${count} fragments nested`,
      post(
        {
          query: `query($id: ID!) { customer(id: $id) { ...F0 } } ${fragments.join(' ')}`,
          variables: { id: ids.customer },
        },
        rich,
      ),
      refused,
    );
  }
  for (const depth of [1_000, 10_000, 100_000])
    add(
      `list literal ${depth} deep`,
      post(
        {
          query: `{ customers(search: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { totalCount } }`,
        },
        rich,
      ),
      refused,
    );
  for (const depth of [5_000, 100_000])
    add(
      `variable value ${depth} arrays deep`,
      post(
        `{"query":"query($s: String) { customers(search: $s) { totalCount } }","variables":{"s":${'['.repeat(depth)}1${']'.repeat(depth)}}}`,
        rich,
      ),
      refused,
    );
  add(
    'unused variable 100000 objects deep',
    post(
      `{"query":"{ __typename }","variables":{"v":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`,
      rich,
    ),
  );
  add(
    'input object literal 5000 deep',
    post(
      {
        query: `mutation { createChangeOrder(input: ${'{ customerId: '.repeat(5_000)}"x"${' }'.repeat(5_000)}) { userErrors { code } } }`,
      },
      rich,
    ),
    refused,
  );
  return cases;
}
