/**
 * Typed GraphQL documents: `graphql(`query …`)` returns a document whose result and
 * variable types are inferred from schema/schema.graphql (through graphql-env.d.ts, made
 * by `pnpm --filter @portal/schema codegen`). No response type is written by hand.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
