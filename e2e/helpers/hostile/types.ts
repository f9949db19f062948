/**
 * The shapes the hostile-request generator and the abuse suite share: the fixture the suite
 * prepares before the first hostile request (credentials and real ids of two resellers and a
 * vendor), one request as it goes out byte for byte, one answer as the suite saw it, and a
 * case: a request in a group, with what must hold of its answer beyond the invariants.
 */

/** What the suite prepared before the first hostile request: credentials and real ids. */
export interface Fixture {
  tokens: { rich: string; other: string; kim: string };
  /** The JWT_SECRET the server runs with (to replay an expired token it really signed). */
  jwtSecret: string;
  /** A real API key of RS-Vertical (READ), to send with its secret altered. */
  apiKeySecret: string;
  ids: {
    /** Raw keys (not global ids) of Rich and RS-Vertical, for forged token claims. */
    richUserKey: string;
    richOrgKey: string;
    otherOrgKey: string;
    /** RS-Vertical's customer "Vertical Demo" and what hangs off it. */
    customer: string;
    site: string;
    billingAccount: string;
    contact: string | null;
    product: string;
    /** Rich's DRAFT (with one line) and his APPROVED order (with its approval sheet). */
    draft: string;
    draftVersion: number;
    approved: string;
    approvedVersion: number;
    /** Rich's pending ORDER_TO_CONFIRM alert, and Kim's ORDER_SUBMITTED alert. */
    richAlert: string;
    kimAlert: string;
    apiKey: string;
    event: string;
    attachment: string;
    /** RS-Other's customer "Other Co". */
    otherCustomer: string;
  };
  /** The signed download link (path and query) of the approval sheet, as Rich got it. */
  downloadPath: string;
  /** Text of RS-Vertical's that no other organisation may ever read. */
  verticalSecrets: string[];
  /** Text of RS-Other's that RS-Vertical may never read. */
  otherSecrets: string[];
}

export interface HostileRequest {
  method: string;
  /** Path and query string, e.g. `/graphql` or `/graphql?query=…`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One answer as the suite saw it; `error` when there was no HTTP answer at all. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
  error?: string;
}

export type Check = (answer: HttpAnswer) => string | undefined;

export interface HostileCase {
  group: string;
  name: string;
  request: HostileRequest;
  /** Whether the body must be JSON (everything under /graphql and /files is). */
  json?: boolean;
  /** What must hold beyond the common invariants; returns what is wrong. */
  check?: Check;
}

/** A GraphQL body or variables, read or written loosely. */
export type Json = Record<string, any>;
