import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type GraphQLFormattedError,
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

/**
 * One `login` per request: each costs an argon2 hash (a good part of a second of CPU), and
 * aliased logins would try many passwords in what the rate limit counts as one operation.
 */
const oneLoginPerRequest: ValidationRule = (context) => {
  let logins = 0;
  return {
    Field(node) {
      if (node.name.value !== 'login' || context.getParentType()?.name !== 'Mutation') return;
      if (++logins === 2) {
        context.reportError(
          new GraphQLError('A request may call login only once.', { nodes: node }),
        );
      }
    },
  };
};

/**
 * graphql-js parses recursively: a document nested a few thousand levels deep (fields,
 * list or object values) overflows the stack before the depth rule can see it, and the
 * error says only "Maximum call stack size exceeded". This says what is wrong instead.
 */
export const NESTED_TOO_DEEPLY = `The document is nested too deeply to parse (operations may nest at most ${MAX_DEPTH} levels).`;

/** The error to answer a document that failed to parse with (see NESTED_TOO_DEEPLY). */
export function parseFailure(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  return new GraphQLError(
    error instanceof RangeError ? NESTED_TOO_DEEPLY : 'The document could not be parsed.',
    { extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
  );
}

/** Apollo's error formatting: a parse that overflowed the stack says why (see NESTED_TOO_DEEPLY). */
export function clearParseFailure(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' &&
    /Maximum call stack size exceeded/.test(formatted.message)
    ? { ...formatted, message: NESTED_TOO_DEEPLY }
    : formatted;
}

/** Refused while validating, before anything runs. */
export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: MAX_DEPTH, exposeLimits: true, ...report }),
  maxAliasesRule({ n: MAX_ALIASES, exposeLimits: true, ...report }),
  oneLoginPerRequest,
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

/** Operations (name and variables) of a document that passed refusalBeforeRunning, per schema. */
const passed = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Set<string>>>();
/** Distinct operation-and-variables keys remembered per document (a client may vary ids endlessly). */
const PASSED_PER_DOCUMENT = 256;

/**
 * Why an operation must not run, over HTTP and WebSocket alike, once its variables are known;
 * undefined when it may. Every refusal is the client's mistake, a 400 that says what it is:
 * an operation the document does not have, text with NUL characters (PostgreSQL cannot take
 * them), variables that do not fit their types, or a cost over the limit.
 *
 * The answer depends only on the document, the operation name and the variables, and
 * Apollo's document cache (like the WebSocket server's) hands back the same parsed document
 * for the same text: an operation that passed is remembered by its document, so a client
 * asking the same thing again is not walked again (the walk and the cost estimate were about
 * 5% of the licence grid's CPU). Refusals are not remembered: they are rare, and each is a
 * new error.
 */
export function refusalBeforeRunning(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): GraphQLError | undefined {
  let bySchema = passed.get(schema);
  if (!bySchema) passed.set(schema, (bySchema = new WeakMap()));
  let keys = bySchema.get(document);
  let key: string | undefined;
  try {
    key = `${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
  } catch {
    key = undefined; // variables nested too deep to serialise: checked, not remembered
  }
  if (key !== undefined && keys?.has(key)) return undefined;
  const refusal = checkBeforeRunning(schema, document, operationName, variables);
  if (!refusal && key !== undefined) {
    if (!keys) bySchema.set(document, (keys = new Set()));
    if (keys.size >= PASSED_PER_DOCUMENT) keys.clear();
    keys.add(key);
  }
  return refusal;
}

function checkBeforeRunning(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): GraphQLError | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return badRequest(
      operationName
        ? `The document has no operation named "${operationName.slice(0, 100)}".`
        : 'The document has several operations: name the one to run (operationName).',
      'OPERATION_RESOLUTION_FAILURE',
    );
  }
  if (containsNul(variables) || literalsContainNul(document)) {
    return badRequest('Text may not contain NUL (U+0000) characters.', 'BAD_USER_INPUT');
  }
  // graphql-query-complexity reads `name.value` of every operation when given an
  // operationName (a TypeError for an anonymous one): it gets the chosen one alone.
  const chosen: DocumentNode = {
    ...document,
    definitions: document.definitions.filter(
      (definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION,
    ),
  };
  let complexity: number;
  try {
    complexity = operationComplexity(schema, chosen, undefined, variables);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // Fragments spread into more fields than the estimator walks (10,000), or variables
    // that do not coerce to their types.
    if (/maximum allowed number of nodes/.test(error.message)) {
      return badRequest(
        'The operation spreads into more than 10,000 fields; ask for fewer.',
        'QUERY_TOO_COMPLEX',
      );
    }
    return badRequest(error.message, 'BAD_USER_INPUT', error);
  }
  return complexity > MAX_COMPLEXITY ? tooComplex(complexity) : undefined;
}

function badRequest(message: string, code: string, cause?: GraphQLError): GraphQLError {
  return new GraphQLError(message, {
    nodes: cause?.nodes,
    extensions: { code, http: { status: 400 } },
  });
}

/** Whether a variable value holds a NUL anywhere (iterative: values may nest 100,000 deep). */
function containsNul(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

function literalsContainNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
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

/**
 * Refuses, once its variables are known and before it executes, an operation that must not
 * run (`refusalBeforeRunning`), and any subscription: those run over WebSocket only.
 */
export function complexityPlugin<T extends object>(schema: GraphQLSchema): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            throw badRequest(
              'Subscriptions run over WebSocket (graphql-transport-ws) at /graphql, not over HTTP.',
              'BAD_REQUEST',
            );
          }
          const refusal = refusalBeforeRunning(
            schema,
            document,
            request.operationName ?? undefined,
            request.variables,
          );
          if (refusal) throw refusal;
        },
      };
    },
  };
}
