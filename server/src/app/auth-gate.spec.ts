import {
  execute,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  subscribe,
  type ExecutionResult,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ApiScope } from '../modules/api-key/api-key.entity.js';
import { Role } from '../modules/auth/user.entity.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { OrganizationKind } from '../modules/organization/organization.entity.js';
import { guardRootFields } from './auth-gate.js';

/** A schema with a query, `login`, a nested object and a subscription, its roots guarded. */
function fixture() {
  let subscribed = 0;
  const Thing = new GraphQLObjectType({
    name: 'Thing',
    fields: { name: { type: GraphQLString } },
  });
  const schema = guardRootFields(
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { thing: { type: Thing, resolve: () => ({ name: 'a thing' }) } },
      }),
      mutation: new GraphQLObjectType({
        name: 'Mutation',
        fields: {
          login: { type: GraphQLString, resolve: () => 'token' },
          rename: { type: GraphQLString, resolve: () => 'renamed' },
        },
      }),
      subscription: new GraphQLObjectType({
        name: 'Subscription',
        fields: {
          ticks: {
            type: GraphQLString,
            subscribe: async function* () {
              subscribed++;
              yield 'tick';
            },
            resolve: (tick: string) => tick,
          },
        },
      }),
    }),
  );
  return { schema, subscribed: () => subscribed };
}

const person: Viewer = {
  organizationId: 'o1',
  organizationKind: OrganizationKind.RESELLER,
  role: Role.RESELLER_ADMIN,
  userId: 'u1',
  actingUserId: 'u1',
  apiKeyId: null,
  scopes: [],
  expiresAt: null,
};
const apiKey = (scopes: ApiScope[]): Viewer => ({
  ...person,
  role: Role.API_CLIENT,
  userId: null,
  apiKeyId: 'k1',
  scopes,
});

const codes = (result: ExecutionResult) => result.errors?.map((error) => error.extensions.code);

async function run(schema: GraphQLSchema, query: string, viewer: Viewer | null) {
  return execute({ schema, document: parse(query), contextValue: { viewer } });
}

describe('guardRootFields', () => {
  it('answers a viewer, and refuses every root field but login without one', async () => {
    const { schema } = fixture();
    expect(await run(schema, '{ thing { name } }', person)).toEqual({
      data: { thing: { name: 'a thing' } },
    });
    expect(codes(await run(schema, '{ thing { name } }', null))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await run(schema, 'mutation { rename }', null))).toEqual(['UNAUTHENTICATED']);
    expect(await run(schema, 'mutation { login }', null)).toEqual({ data: { login: 'token' } });
    expect(await run(schema, '{ __typename }', null)).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses queries to an API key without READ', async () => {
    const { schema } = fixture();
    expect(codes(await run(schema, '{ thing { name } }', apiKey([ApiScope.SUBSCRIBE])))).toEqual([
      'FORBIDDEN',
    ]);
    expect((await run(schema, '{ thing { name } }', apiKey([ApiScope.READ]))).errors).toBe(
      undefined,
    );
  });

  it('refuses to subscribe an API key without SUBSCRIBE, before the subscription starts', async () => {
    const { schema, subscribed } = fixture();
    const refused = (await subscribe({
      schema,
      document: parse('subscription { ticks }'),
      contextValue: { viewer: apiKey([ApiScope.READ]) },
    })) as ExecutionResult;
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(subscribed()).toBe(0);

    const stream = (await subscribe({
      schema,
      document: parse('subscription { ticks }'),
      contextValue: { viewer: apiKey([ApiScope.SUBSCRIBE]) },
    })) as AsyncIterableIterator<ExecutionResult>;
    expect((await stream.next()).value).toEqual({ data: { ticks: 'tick' } });
  });
});
