/**
 * Aliases: one root field under many names, to multiply the work or the guesses of one request:
 * viewer from 31 times (one past the alias limit) to 1,000, 31 createChangeOrder, 100 logins spread
 * over fragments, 100 aliases inside inline fragments, 40 inside one field, and 1,000
 * acknowledgeAllAlerts. Every one is refused as a whole.
 */
import { refused } from '../checks.js';
import { post } from '../http.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function aliasCases({ fixture }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('aliases');
  const { ids } = fixture;
  const rich = fixture.tokens.rich;
  for (const count of [31, 50, 100, 500, 1_000])
    add(
      `${count} aliases of viewer`,
      post(
        {
          query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`,
        },
        rich,
      ),
      refused,
    );
  add(
    '31 aliased createChangeOrder',
    post(
      {
        query: `mutation { ${Array.from({ length: 31 }, (_, i) => `c${i}: createChangeOrder(input: { customerId: "${ids.customer}", title: "alias flood ${i}" }) { order { id } }`).join(' ')} }`,
      },
      rich,
    ),
    refused,
  );
  add(
    '100 aliased logins spread over fragments',
    post({
      query: `mutation { ${Array.from({ length: 10 }, (_, f) => `...L${f}`).join(' ')} } ${Array.from(
        { length: 10 },
        (_, f) =>
          `fragment L${f} on Mutation { ${Array.from({ length: 10 }, (_, i) => `l${f}_${i}: login(email: "rich@rs-vertical.example", password: "guess${i}") { token }`).join(' ')} }`,
      ).join(' ')}`,
    }),
    refused,
  );
  add(
    '100 aliases in inline fragments',
    post(
      {
        query: `{ ${Array.from({ length: 10 }, (_, f) => `... on Query { ${Array.from({ length: 10 }, (_, i) => `x${f}_${i}: pendingAlerts { id }`).join(' ')} }`).join(' ')} }`,
      },
      rich,
    ),
    refused,
  );
  add(
    '40 aliases nested inside one field',
    post(
      {
        query: `{ viewer { ${Array.from({ length: 40 }, (_, i) => `r${i}: role`).join(' ')} } }`,
      },
      rich,
    ),
    refused,
  );
  add(
    '1000 aliases of acknowledgeAllAlerts',
    post(
      {
        query: `mutation { ${Array.from({ length: 1_000 }, (_, i) => `k${i}: acknowledgeAllAlerts { userErrors { code } }`).join(' ')} }`,
      },
      rich,
    ),
    refused,
  );
  return cases;
}
