/**
 * Width: operations that ask for a great deal at one level: one field thousands of times, thousands
 * of unknown fields, 2,000 same-named fields with different arguments, every field of 100 customers
 * with 100 orders each (QUERY_TOO_COMPLEX), 5,000 operations or variable definitions in one
 * document, a directive repeated 1,000 times, and fragment fan-outs that stay within the depth
 * limit. What the server merges (one field or one fragment spread many times, one operation chosen
 * of many) need only keep the invariants; the rest is refused.
 */
import { all, refused, codes } from '../checks.js';
import { post } from '../http.js';
import { junk } from '../random.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function wideCases({ fixture, random }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('wide');
  const rich = fixture.tokens.rich;
  for (const count of [1_000, 5_000, 20_000])
    add(
      `the same field ${count} times`,
      post({ query: `{ viewer { ${'role '.repeat(count)} } }` }, rich),
    );
  add('__typename 50000 times', post({ query: `{ ${'__typename '.repeat(50_000)} }` }, rich));
  for (const count of [1_000, 5_000])
    add(
      `${count} different unknown fields`,
      post(
        {
          query: `{ viewer { ${Array.from({ length: count }, (_, i) => `f${i}_${junk(random, 4)}`).join(' ')} } }`,
        },
        rich,
      ),
      refused,
    );
  add(
    '2000 same-named fields with different arguments',
    post(
      {
        query: `{ ${Array.from({ length: 2_000 }, (_, i) => `customer(id: "${i}") { id }`).join(' ')} }`,
      },
      rich,
    ),
    refused,
  );
  const everyCustomerField =
    'id name customerType servicePlan reseller { id name kind } vendor { id name kind } sites { id name address } billingAccounts { id name } contacts { id name email } implementationLead { id name } licenses { available product { id sku name itemGroup kind unitPrice { cents currency } upgradesTo { id name } } billingAccount { id name } } attachments { id fileName } changeOrders(first: 100) { totalCount edges { node { id title lines { delta toBe product { name } } } } }';
  add(
    'every field of 100 customers and 100 orders each',
    post({ query: `{ customers(first: 100) { edges { node { ${everyCustomerField} } } } }` }, rich),
    all(refused, (answer) =>
      codes(answer).includes('QUERY_TOO_COMPLEX') ? undefined : 'expected QUERY_TOO_COMPLEX',
    ),
  );
  add(
    '5000 operations in one document, one chosen',
    post(
      {
        query: Array.from({ length: 5_000 }, (_, i) => `query Q${i} { __typename }`).join('\n'),
        operationName: 'Q2500',
      },
      rich,
    ),
  );
  add(
    '5000 unused variable definitions',
    post(
      {
        query: `query Many(${Array.from({ length: 5_000 }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }`,
      },
      rich,
    ),
    refused,
  );
  add(
    '1000 repeated directives',
    post({ query: `{ viewer ${'@skip(if: false) '.repeat(1_000)} { role } }` }, rich),
    refused,
  );
  // Fragment fan-out: within the depth limit, each level spreads the one below w times.
  for (const [levels, width] of [
    [4, 10],
    [4, 30],
    [3, 100],
    [2, 1_000],
  ] as const) {
    const fragments = [`fragment F0 on Viewer { role scopes }`];
    for (let i = 1; i <= levels; i++)
      fragments.push(
        `fragment F${i} on Viewer { ${Array.from({ length: width }, () => `...F${i - 1}`).join(' ')} }`,
      );
    add(
      `fragment fan-out ${width}^${levels}`,
      post({ query: `{ viewer { ...F${levels} } } ${fragments.join(' ')}` }, rich),
      refused,
    );
  }
  add(
    'one fragment spread 10000 times',
    post(
      { query: `{ viewer { ${'...V '.repeat(10_000)} } } fragment V on Viewer { role scopes }` },
      rich,
    ),
  );
  return cases;
}
