import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  TypeInfo,
  parse,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { idOfType } from '../../common/global-id.js';

/**
 * The fields a cached read may ask for: one customer's licence grid, as the change-order
 * screen, the customer page and API clients ask for it. Each shows only rows that the
 * customer's read version covers (read-versions.ts): the customer, its billing accounts
 * and inventory, its vendor's catalogue, its reseller's agreement with the vendor and that
 * agreement's add-ons. Anything else (prices, contacts, orders, any field whose
 * rows no trigger watches) is answered by the full pipeline every time. A field added here
 * needs its rows covered first (a trigger, `readVersionTrigger`, in a migration).
 */
const CACHEABLE_FIELDS = new Set([
  'Query.customer',
  'Customer.id',
  'Customer.name',
  'Customer.licenses',
  'LicenseLine.available',
  'LicenseLine.orderable',
  'LicenseLine.product',
  'LicenseLine.billingAccount',
  'Product.id',
  'Product.sku',
  'Product.name',
  'Product.itemGroup',
  'Product.kind',
  'BillingAccount.id',
  'BillingAccount.name',
]);

/** A query the response cache may answer: whose customer it reads, and its name for metrics. */
export interface CacheableRead {
  operationName: string;
  /** The customer's key from the request's variables, or null when they do not name one. */
  customerId(variables: unknown): string | null;
}

/**
 * Whether a query text is a cacheable read, decided from the text alone (callers keep the
 * answer by text): exactly one operation, a query, whose only root field is
 * `customer(id: …)` and whose every field is in CACHEABLE_FIELDS. A text that does not
 * parse or validate is never cacheable: the full pipeline answers it with its errors.
 */
export function cacheableRead(schema: GraphQLSchema, query: string): CacheableRead | null {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: 2_000 });
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const [operation] = operations;
  if (operations.length !== 1 || !operation || operation.operation !== OperationTypeNode.QUERY)
    return null;
  const roots = operation.selectionSet.selections;
  const [root] = roots;
  if (roots.length !== 1 || root?.kind !== Kind.FIELD || root.name.value !== 'customer') {
    return null;
  }
  const idArgument = root.arguments?.find((argument) => argument.name.value === 'id');
  if (!idArgument || root.arguments?.length !== 1) return null;

  if (!onlyCacheableFields(schema, document)) return null;
  return {
    operationName: operation.name?.value ?? 'anonymous',
    customerId: (variables) => customerKey(idArgument.value, variables),
  };
}

/** Every field the document selects (fragments included) is cacheable, and known to the schema. */
function onlyCacheableFields(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let cacheable = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        if (
          !parent ||
          !typeInfo.getFieldDef() ||
          !CACHEABLE_FIELDS.has(`${parent.name}.${node.name.value}`)
        ) {
          cacheable = false;
        }
      },
    }),
  );
  return cacheable;
}

function customerKey(value: ValueNode, variables: unknown): string | null {
  let globalId: unknown;
  if (value.kind === Kind.STRING) globalId = value.value;
  else if (value.kind === Kind.VARIABLE) {
    if (typeof variables !== 'object' || variables === null) return null;
    globalId = (variables as Record<string, unknown>)[value.name.value];
  }
  return typeof globalId === 'string' ? idOfType(globalId, 'Customer') : null;
}
