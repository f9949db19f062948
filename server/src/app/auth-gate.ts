import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { can } from '../modules/auth/viewer.js';
import { unauthenticated, type Context } from './context.js';

/** Root fields anyone may call. */
const PUBLIC_FIELDS = new Set(['Mutation.login']);

/**
 * Every root field but `login` needs valid credentials (UNAUTHENTICATED otherwise); an API
 * key also needs READ for queries and SUBSCRIBE for subscriptions (FORBIDDEN otherwise).
 * Nested fields are reached only through a root field, so checking roots checks all.
 * `{ __typename }` resolves no field and still answers, for probes.
 */
export const authGate: MiddlewareFn<Context> = async (
  { context, info },
  next,
): Promise<unknown> => {
  const parent = info.parentType.name;
  if (parent !== 'Query' && parent !== 'Mutation' && parent !== 'Subscription') return next();
  if (PUBLIC_FIELDS.has(`${parent}.${info.fieldName}`)) return next();
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (parent === 'Query' && !can(viewer, 'read'))
    throw forbidden('This API key lacks the READ scope.');
  if (parent === 'Subscription' && !can(viewer, 'subscribe')) {
    throw forbidden('This API key lacks the SUBSCRIBE scope.');
  }
  return next();
};

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
