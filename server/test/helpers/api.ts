import { expect } from 'vitest';
import { graphql, type GraphQLResponse } from './client.js';
import { LICENSE_GRID, LOGIN, CUSTOMERS } from './documents.js';
import type { TestServer } from './test-server.js';

export const USERS = {
  rich: 'rich@rs-vertical.example',
  kim: 'kim@vertical.example',
  morgan: 'approver@mimecast.example',
  other: 'other@rs-other.example',
} as const;

export type Payload = {
  order?: Record<string, any> | null;
  userErrors: { code: string; message: string; field: string[] | null }[];
  [key: string]: unknown;
};

/**
 * A client of one server acting as one person (or API key): `call` sends an operation and
 * fails the test on any GraphQL error; `raw` returns the response as it is.
 */
export class Api {
  constructor(
    readonly server: TestServer,
    readonly token?: string,
  ) {}

  static async as(server: TestServer, email: string, password = 'demo'): Promise<Api> {
    const response = await graphql<{ login: { token: string | null } }>(server.graphqlUrl, LOGIN, {
      email,
      password,
    });
    const token = response.data?.login.token;
    if (!token) throw new Error(`login as ${email} failed: ${JSON.stringify(response)}`);
    return new Api(server, token);
  }

  raw<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    return graphql<T>(this.server.graphqlUrl, query, variables, { token: this.token });
  }

  async call<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const response = await this.raw<T>(query, variables);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data as T;
  }

  /** Runs a mutation and returns its payload (the only root field's value). */
  async mutate(query: string, input?: Record<string, unknown>): Promise<Payload> {
    const data = await this.call<Record<string, Payload>>(
      query,
      input === undefined ? undefined : { input },
    );
    return Object.values(data)[0]!;
  }

  async customerId(name: string): Promise<string> {
    const data = await this.call<{
      customers: { edges: { node: { id: string; name: string } }[] };
    }>(CUSTOMERS, {
      search: name,
    });
    const found = data.customers.edges.find((edge) => edge.node.name === name);
    if (!found) throw new Error(`no customer ${name}`);
    return found.node.id;
  }

  /** The customer's licence grid: product name → row (with ids). */
  async grid(customerId: string) {
    const data = await this.call<{
      customer: {
        licenses: {
          product: { id: string; name: string; itemGroup: string; kind: string };
          billingAccount: { id: string; name: string };
          available: number;
          orderable: boolean;
        }[];
      };
    }>(LICENSE_GRID, { id: customerId });
    return new Map(data.customer.licenses.map((row) => [row.product.name, row]));
  }
}

/** Asserts the payload refused with exactly these codes (any order), and returned no order. */
export function expectRefused(payload: Payload, ...codes: string[]): void {
  expect(
    payload.userErrors.map((error) => error.code).sort(),
    JSON.stringify(payload.userErrors),
  ).toEqual([...codes].sort());
  if ('order' in payload) expect(payload.order).toBeNull();
}

/** Asserts the payload holds one error with this code and field path. */
export function expectUserError(payload: Payload, code: string, field?: (string | number)[]): void {
  expect(payload.userErrors).toContainEqual(
    expect.objectContaining({ code, ...(field ? { field: field.map(String) } : {}) }),
  );
}

export function expectOk(payload: Payload): void {
  expect(payload.userErrors, JSON.stringify(payload.userErrors)).toEqual([]);
}
