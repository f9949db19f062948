/**
 * Orders made through the API, as the e2e suites set them up: sign in, run one operation
 * (failing the test on any error), and a submitted Vertical Demo order.
 */
import { expect } from 'vitest';
import { graphql } from '../../server/test/helpers/client.js';

export async function login(url: string, email: string): Promise<string> {
  const response = await graphql<{ login: { token: string } }>(
    url,
    'mutation($e: String!) { login(email: $e, password: "demo") { token } }',
    { e: email },
  );
  return response.data!.login.token;
}

/** Runs one operation, failing on GraphQL errors or userErrors; returns the payload. */
export async function act(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
) {
  const response = await graphql<Record<string, any>>(url, query, variables, { token });
  expect(response.errors).toBeUndefined();
  const payload = Object.values(response.data!)[0];
  if (payload && typeof payload === 'object' && 'userErrors' in payload)
    expect(payload.userErrors).toEqual([]);
  return payload;
}

/** A Vertical Demo draft with one +1 line, submitted: returns the order id. */
export async function submittedOrder(url: string, token: string, title: string): Promise<string> {
  const customers = await act(
    url,
    token,
    '{ customers(search: "Vertical Demo") { edges { node { id licenses { product { id name } billingAccount { id } } } } } }',
    {},
  );
  const customer = customers.edges[0].node;
  const row = customer.licenses.find((line: any) => line.product.name === 'Stand Alone VM');
  const created = await act(
    url,
    token,
    'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
    {
      i: { customerId: customer.id, title },
    },
  );
  const orderId = created.order.id;
  await act(
    url,
    token,
    'mutation($i: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $i) { order { id } userErrors { code } } }',
    {
      i: {
        orderId,
        lines: [{ productId: row.product.id, billingAccountId: row.billingAccount.id, delta: 1 }],
      },
    },
  );
  await act(
    url,
    token,
    'mutation($i: SubmitChangeOrderInput!) { submitChangeOrder(input: $i) { order { id } userErrors { code } } }',
    {
      i: { orderId, msaAccepted: true, authorizationConfirmed: true },
    },
  );
  return orderId;
}
