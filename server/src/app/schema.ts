import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';
import { AlertResolver } from '../modules/alert/alert.resolver.js';
import { ApiKeyResolver } from '../modules/api-key/api-key.resolver.js';
import { AuthResolver, UserResolver } from '../modules/auth/auth.resolver.js';
import { CatalogResolver } from '../modules/catalog/catalog.resolver.js';
import { ChangeOrderResolver } from '../modules/change-order/change-order.resolver.js';
import { OrderEventResolver } from '../modules/change-order/order-event.resolver.js';
import { CustomerResolver } from '../modules/customer/customer.resolver.js';
import { DocumentResolver } from '../modules/document/document.resolver.js';
import { LiveResolver } from '../modules/live/live.resolver.js';
import { MailboxResolver } from '../modules/mail/mailbox.resolver.js';
import { NodeResolver } from '../modules/node/node.resolver.js';
import { guardRootFields } from './auth-gate.js';

const resolvers = [
  AuthResolver,
  UserResolver,
  NodeResolver,
  CustomerResolver,
  CatalogResolver,
  ChangeOrderResolver,
  OrderEventResolver,
  AlertResolver,
  ApiKeyResolver,
  LiveResolver,
  DocumentResolver,
  MailboxResolver,
] as const;

/** The executable schema, built from the resolvers' decorators, its root fields guarded. */
export async function buildPortalSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: false, // inputs are checked by the services, answering with userErrors
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Every subscription brings its own `subscribe` (over the outbox relay); type-graphql
    // still insists on a pub/sub, so it gets one that says it is not to be used.
    pubSub: {
      publish: () => {
        throw new Error('topics are not used: subscriptions read the outbox relay');
      },
      subscribe: () => {
        throw new Error('topics are not used: subscriptions read the outbox relay');
      },
    },
  });
  return guardRootFields(schema);
}

/**
 * The SDL as checked in at schema/schema.graphql and served at GET /schema.graphql, sorted
 * so it does not depend on the order modules happened to be imported in.
 */
export function printPortalSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
