/**
 * Introspection, which the production server refuses: the full introspection query, __type 40
 * ofType deep, 30 aliased __schema, a 200 KB type name, introspection inside a mutation and through
 * a fragment. Only __typename on the Mutation root is answered.
 */
import { refused } from '../checks.js';
import { KB, post } from '../http.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function introspectionCases({ fixture }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('introspection');
  const rich = fixture.tokens.rich;
  const typeRef = (depth: number): string =>
    depth === 0 ? 'name' : `kind name ofType { ${typeRef(depth - 1)} }`;
  const full = `query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name } types { kind name description fields(includeDeprecated: true) { name args { name type { ${typeRef(7)} } defaultValue } type { ${typeRef(7)} } isDeprecated } inputFields { name type { ${typeRef(7)} } } interfaces { name } enumValues(includeDeprecated: true) { name } possibleTypes { name } } directives { name locations args { name } } } }`;
  const queries: [string, string][] = [
    ['the full introspection query', full],
    ['__type 40 ofType deep', `{ __type(name: "Customer") { ${typeRef(40)} } }`],
    [
      '30 aliased __schema',
      `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { name fields { name type { name } } } }`).join(' ')} }`,
    ],
    ['__type with a 200 KB name', `{ __type(name: "${'T'.repeat(200 * KB)}") { name } }`],
    ['introspection in a mutation', 'mutation { __schema { types { name } } }'],
    [
      'introspection through a fragment',
      '{ ...I } fragment I on Query { __schema { types { name } } }',
    ],
  ];
  for (const [name, query] of queries) add(name, post({ query }, rich), refused);
  add('__typename on the Mutation root', post({ query: 'mutation { __typename }' }, rich));
  return cases;
}
