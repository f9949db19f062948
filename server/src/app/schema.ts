import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';
import { NodeResolver } from '../modules/node/node.resolver.js';

const resolvers = [NodeResolver] as const;

/** The executable schema, built from the resolvers' decorators. */
export async function buildPortalSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: true,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
}

/** The SDL as checked in at schema/schema.graphql and served at GET /schema.graphql. */
export function printPortalSchema(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
