/**
 * The GraphQL operations the bench sends, and a minimal client over fetch. Documents select
 * what the web app's screens select (or less): the bench measures the server, not payloads.
 */

export const RESELLER = 'rich@rs-vertical.example';
export const VENDOR = 'kim@vertical.example';
export const CUSTOMER = 'Vertical Demo';
/** A line every submit can carry: +1 never takes the inventory below zero. */
const PRODUCT = 'Stand Alone VM';

/** The licence grid of one customer, as the change-order screen asks for it. */
export const LICENSE_GRID = `query LicenseGrid($id: ID!) {
  customer(id: $id) {
    id name
    licenses { product { id sku name itemGroup kind } billingAccount { id name } available }
  }
}`;

export const SUBMIT = `mutation Submit($input: SubmitChangeOrderInput!) {
  submitChangeOrder(input: $input) { order { id status version } userErrors { code message } }
}`;

const CREATE = `mutation Create($input: CreateChangeOrderInput!) {
  createChangeOrder(input: $input) { order { id } userErrors { code message } }
}`;

const SET_LINES = `mutation SetLines($input: SetChangeOrderLinesInput!) {
  setChangeOrderLines(input: $input) { order { id version } userErrors { code message } }
}`;

export class GraphqlError extends Error {
  override name = 'GraphqlError';
}

/** POSTs one operation; throws on transport errors, GraphQL errors and userErrors. */
export async function call<T = Record<string, unknown>>(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors || !body.data) {
    throw new GraphqlError(`${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  for (const payload of Object.values(body.data)) {
    const userErrors = (payload as { userErrors?: unknown[] } | null)?.userErrors;
    if (userErrors && userErrors.length > 0) {
      throw new GraphqlError(`userErrors: ${JSON.stringify(userErrors)}`);
    }
  }
  return body.data;
}

export async function login(graphqlUrl: string, email: string): Promise<string> {
  const data = await call<{ login: { token: string | null } }>(
    graphqlUrl,
    'mutation($e: String!) { login(email: $e, password: "demo") { token userErrors { code } } }',
    { e: email },
  );
  if (!data.login.token) throw new GraphqlError(`login refused for ${email}`);
  return data.login.token;
}

/** The demo customer's id and the grid line the bench's orders change. */
export interface OrderTarget {
  customerId: string;
  productId: string;
  billingAccountId: string;
}

export async function orderTarget(graphqlUrl: string, token: string): Promise<OrderTarget> {
  type Found = {
    customers: {
      edges: {
        node: {
          id: string;
          licenses: { product: { id: string; name: string }; billingAccount: { id: string } }[];
        };
      }[];
    };
  };
  const data = await call<Found>(
    graphqlUrl,
    `query($s: String!) { customers(search: $s) { edges { node { id
      licenses { product { id name } billingAccount { id } } } } } }`,
    { s: CUSTOMER },
    token,
  );
  const customer = data.customers.edges[0]?.node;
  const line = customer?.licenses.find((row) => row.product.name === PRODUCT);
  if (!customer || !line) throw new Error(`no ${PRODUCT} line for ${CUSTOMER}`);
  return {
    customerId: customer.id,
    productId: line.product.id,
    billingAccountId: line.billingAccount.id,
  };
}

/** A DRAFT with one +1 line, ready to submit (two mutations, never timed). */
export async function draft(
  graphqlUrl: string,
  token: string,
  target: OrderTarget,
  title: string,
): Promise<string> {
  const created = await call<{ createChangeOrder: { order: { id: string } } }>(
    graphqlUrl,
    CREATE,
    { input: { customerId: target.customerId, title } },
    token,
  );
  const orderId = created.createChangeOrder.order.id;
  await call(
    graphqlUrl,
    SET_LINES,
    {
      input: {
        orderId,
        lines: [
          { productId: target.productId, billingAccountId: target.billingAccountId, delta: 1 },
        ],
      },
    },
    token,
  );
  return orderId;
}

export function submitVariables(orderId: string) {
  return { input: { orderId, msaAccepted: true, authorizationConfirmed: true } };
}

/** Submits a draft: the transition every fan-out figure times. */
export async function submit(graphqlUrl: string, token: string, orderId: string): Promise<void> {
  await call(graphqlUrl, SUBMIT, submitVariables(orderId), token);
}

/** Runs `task` over `items` with at most `concurrency` at once; results in input order. */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** `count` drafts made by `concurrency` clients at once. */
export function drafts(
  graphqlUrl: string,
  token: string,
  target: OrderTarget,
  count: number,
  label: string,
  concurrency = 8,
): Promise<string[]> {
  return inParallel(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    (i) => draft(graphqlUrl, token, target, `${label} ${i + 1}`),
  );
}

/** The sequence and time stamp of an order's event of `type` (from its history). */
export async function eventOf(
  graphqlUrl: string,
  token: string,
  orderId: string,
  type: string,
): Promise<{ sequence: number; atMs: number }> {
  const data = await call<{
    changeOrder: { history: { sequence: number; type: string; at: string }[] } | null;
  }>(
    graphqlUrl,
    'query($id: ID!) { changeOrder(id: $id) { history { sequence type at } } }',
    { id: orderId },
    token,
  );
  const event = data.changeOrder?.history.find((entry) => entry.type === type);
  if (!event) throw new Error(`order ${orderId} has no ${type} event`);
  return { sequence: event.sequence, atMs: Date.parse(event.at) };
}

/** A vendor's approval of a submitted order (a second kind of transition). */
export async function approve(graphqlUrl: string, token: string, orderId: string): Promise<void> {
  await call(
    graphqlUrl,
    `mutation($i: OrderDecisionInput!) { approveChangeOrder(input: $i) { order { id } userErrors { code message } } }`,
    { i: { orderId, comment: 'Bench' } },
    token,
  );
}
