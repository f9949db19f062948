import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/** The contract names its timestamp scalar `DateTime`; values are ISO-8601 strings in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: 'An ISO-8601 timestamp in UTC, e.g. 2026-11-23T18:37:00.000Z.',
});
