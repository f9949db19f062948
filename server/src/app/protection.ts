import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';

// graphql-query-complexity's ES build imports 'graphql/index.mjs', while everything else
// here (Node's ESM resolution of 'graphql', which has no "exports") gets the CommonJS
// build: two copies of graphql, whose type checks fail across each other. Its CommonJS
// build requires 'graphql' like everyone else.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof QueryComplexity;

/** Deeper than any screen of the app asks (customer → orders → lines → product → vendor is 8). */
export const MAX_DEPTH = 12;
/** Aliases per operation: enough for a dashboard, far too few for an alias flood. */
export const MAX_ALIASES = 30;
/**
 * Estimated cost per operation: every field costs 1, and a list asked for with `first: n`
 * costs n times its items. A page of 100 orders with their lines and cost is ~5,000.
 */
export const MAX_COMPLEXITY = 10_000;

/**
 * graphql-armor throws its rejection out of the validator by default, which Apollo turns
 * into a 500; reported as a validation error instead, it is the 400 it should be.
 */
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/** Refused while validating, before anything runs. */
export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: MAX_DEPTH, exposeLimits: true, ...report }),
  maxAliasesRule({ n: MAX_ALIASES, exposeLimits: true, ...report }),
];

/** `first: n` multiplies the cost of what each of the n items asks for. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first: unknown = args.first;
  return typeof first === 'number' && first > 0 ? 1 + childComplexity * first : undefined;
};

/** The estimated cost of an operation (the same estimate over HTTP and WebSocket). */
export function operationComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

export function tooComplex(complexity: number): GraphQLError {
  return new GraphQLError(
    `The operation is too expensive (estimated cost ${complexity}, at most ${MAX_COMPLEXITY}); ask for fewer items or fields.`,
    {
      extensions: {
        code: 'QUERY_TOO_COMPLEX',
        complexity,
        maxComplexity: MAX_COMPLEXITY,
        http: { status: 400 }, // a request failure, refused before it runs (Apollo strips this key)
      },
    },
  );
}

/** Refuses an operation over the cost limit once its variables are known, before it executes. */
export function complexityPlugin<T extends object>(schema: GraphQLSchema): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = operationComplexity(
            schema,
            document,
            request.operationName ?? undefined,
            request.variables,
          );
          if (complexity > MAX_COMPLEXITY) throw tooComplex(complexity);
        },
      };
    },
  };
}
