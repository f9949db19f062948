import {
  defaultFieldResolver,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { can } from '../modules/auth/viewer.js';
import { unauthenticated, type Context } from './context.js';

/** Root fields anyone may call. */
const PUBLIC_FIELDS = new Set(['Mutation.login']);

type Root = 'Query' | 'Mutation' | 'Subscription';

/** Throws UNAUTHENTICATED or FORBIDDEN when the context's viewer may not call a root field of `root`. */
function checkViewer(context: Context, root: Root): void {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (root === 'Query' && !can(viewer, 'read')) {
    throw forbidden('This API key lacks the READ scope.');
  }
  if (root === 'Subscription' && !can(viewer, 'subscribe')) {
    throw forbidden('This API key lacks the SUBSCRIBE scope.');
  }
}

/**
 * Every root field but `login` needs valid credentials (UNAUTHENTICATED otherwise); an API
 * key also needs READ for queries and SUBSCRIBE for subscriptions (FORBIDDEN otherwise).
 * Nested fields are reached only through a root field, so checking roots checks all.
 * `{ __typename }` resolves no field and still answers, for probes.
 *
 * The check wraps the root fields' resolvers (and subscriptions' `subscribe`) once, on the
 * built schema. As a type-graphql global middleware it wrapped every field of every type
 * in type-graphql's async middleware dispatch, a few promises per field even for the ones
 * that only read a property: a licence grid paid that on each field of each row.
 */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  const roots: [GraphQLObjectType | null | undefined, Root][] = [
    [schema.getQueryType(), 'Query'],
    [schema.getMutationType(), 'Mutation'],
    [schema.getSubscriptionType(), 'Subscription'],
  ];
  for (const [type, root] of roots) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (PUBLIC_FIELDS.has(`${root}.${field.name}`)) continue;
      field.resolve = guarded(field.resolve ?? defaultFieldResolver, root);
      if (field.subscribe) field.subscribe = guarded(field.subscribe, root);
    }
  }
  return schema;
}

function guarded(
  resolve: GraphQLFieldResolver<unknown, Context>,
  root: Root,
): GraphQLFieldResolver<unknown, Context> {
  return (source, args, context, info) => {
    checkViewer(context, root);
    return resolve(source, args, context, info);
  };
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
