import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../common/global-id.js';
import { buildPortalSchema } from '../schema.js';
import { cacheableRead } from './cacheable-read.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildPortalSchema();
});

const uuid = '54291790-fce0-44f0-b775-0b2cd45d5974';
const customer = toGlobalId('Customer', uuid);
const GRID = `query LicenseGrid($id: ID!) {
  customer(id: $id) {
    id name
    licenses { available orderable product { id sku name itemGroup kind } billingAccount { id name } }
  }
}`;

describe('cacheableRead', () => {
  it('takes a licence grid, and reads its customer from the variables or the text', () => {
    const read = cacheableRead(schema, GRID);
    expect(read?.operationName).toBe('LicenseGrid');
    expect(read?.customerId({ id: customer })).toBe(uuid);
    const literal = cacheableRead(schema, `{ customer(id: "${customer}") { __typename id } }`);
    expect(literal?.operationName).toBe('anonymous');
    expect(literal?.customerId(undefined)).toBe(uuid);
  });

  it('takes fields through fragments and aliases', () => {
    const read = cacheableRead(
      schema,
      `query G($id: ID!) { c: customer(id: $id) { ...Grid } }
       fragment Grid on Customer { licenses { qty: available product { ... on Product { name } } } }`,
    );
    expect(read?.customerId({ id: customer })).toBe(uuid);
  });

  it('names no customer for a missing, malformed or other-typed id', () => {
    const read = cacheableRead(schema, GRID)!;
    expect(read.customerId({})).toBeNull();
    expect(read.customerId(null)).toBeNull();
    expect(read.customerId({ id: 42 })).toBeNull();
    expect(read.customerId({ id: 'not-an-id' })).toBeNull();
    expect(read.customerId({ id: toGlobalId('ChangeOrder', uuid) })).toBeNull();
  });

  it.each([
    ['a field no trigger covers', `query ($id: ID!) { customer(id: $id) { contacts { email } } }`],
    [
      'a price',
      `query ($id: ID!) { customer(id: $id) { licenses { product { unitPrice { amount } } } } }`,
    ],
    ['an unknown field', `query ($id: ID!) { customer(id: $id) { nickname } }`],
    ['another root field', `{ customers(first: 1) { totalCount } }`],
    [
      'two root fields',
      `query ($id: ID!) { customer(id: $id) { id } other: customer(id: $id) { id } }`,
    ],
    ['introspection', `query ($id: ID!) { customer(id: $id) { id } __schema { types { name } } }`],
    ['a mutation', `mutation { customer(id: "x") { id } }`],
    ['two operations', `${GRID} query Other { __typename }`],
    ['text that does not parse', `query { customer(id: $id) {`],
  ])('refuses %s', (_case, query) => {
    expect(cacheableRead(schema, query)).toBeNull();
  });
});
