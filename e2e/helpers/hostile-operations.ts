/**
 * A deterministic generator of malformed and hostile HTTP requests against the portal: deep,
 * wide and aliased operations, fragment cycles and fan-outs, huge strings, wrong variable
 * types, unknown, malformed and other tenants' ids, absurd page sizes and cursors, batched
 * arrays, GET mutations, bad JSON, wrong content types, oversized bodies, odd methods and
 * headers, forged credentials, introspection, subscriptions over HTTP and tampered download
 * links. Every random choice comes from one seeded PRNG, so each run sends the same bytes.
 *
 * Each case carries what must hold beyond the invariants every answer must keep
 * (`answerProblems`: no 5xx, JSON or nothing, no stack trace, no internal error).
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { gzipSync } from 'node:zlib';

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

// ---------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small seeded PRNG, good enough to pick junk reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function junk(random: () => number, length: number, alphabet = ALNUM): string {
  // Byte by byte into a buffer: megabytes of it, quickly (the alphabets are ASCII).
  const bytes = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++)
    bytes[i] = alphabet.charCodeAt(Math.floor(random() * alphabet.length));
  return bytes.toString('latin1');
}

function uuid(random: () => number): string {
  const hex = junk(random, 32, '0123456789abcdef');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64url');
const keyOf = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1] ?? '';

// ---------------------------------------------------------------------------------------
// The invariants of every answer

/**
 * Text that only a stack trace or a file path of the server would put in a response. Every
 * repetition is bounded: responses echo 300 KB names, and an unbounded `[\w-]+\.js` would
 * take minutes on one of them.
 */
const STACK_LIKE =
  /"stacktrace"|"exception"|\n[ \t]{0,20}at \S|\bat (?:async )?[\w$.<>[\] ]{1,200} \((?:file:\/\/|\/)[^)\s]{0,500}:\d+:\d+\)|\/node_modules\/|file:\/\/\/|\w\.(?:ts|js|mjs|cjs):\d+/;

/** What PostgreSQL or the ORM say when a request reached them malformed. */
const DATABASE_LIKE =
  /invalid input syntax for type|syntax error at or near|violates (?:foreign key|unique|not-null|check) constraint|duplicate key value|out of range for type|invalid byte sequence|invalid message format|relation "[^"]*" does not exist|\bselect\b[^"]{0,80}\bfrom\b "|\binsert into\b "/i;

/** The problems of one answer against the invariants every hostile request must keep. */
export function answerProblems(answer: HttpAnswer, expectJson: boolean): string[] {
  const problems: string[] = [];
  if (answer.error) return [`no HTTP answer (${answer.error})`];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (expectJson && answer.text.trim() !== '' && answer.json === undefined)
    problems.push(`body is not JSON (${answer.contentType})`);
  if (STACK_LIKE.test(answer.text)) problems.push('stack-like text in the body');
  if (DATABASE_LIKE.test(answer.text)) problems.push('database internals in the body');
  const errors = (answer.json as { errors?: unknown } | undefined)?.errors;
  if (errors !== undefined) {
    if (!Array.isArray(errors)) problems.push('`errors` is not a list');
    else
      for (const error of errors as { message?: unknown; extensions?: Record<string, unknown> }[]) {
        if (typeof error?.message !== 'string' || error.message === '')
          problems.push('an error without a message');
        if (error?.extensions?.code === 'INTERNAL_SERVER_ERROR')
          problems.push(`INTERNAL_SERVER_ERROR: ${error.message as string}`);
        if (error?.extensions && 'stacktrace' in error.extensions)
          problems.push('a stacktrace extension');
      }
  }
  return problems;
}

/** Sends one request as is (node:http, so any method, header or byte goes out unchanged). */
export function send(baseUrl: string, request: HostileRequest, timeoutMs = 30_000) {
  return new Promise<HttpAnswer>((resolve) => {
    const url = new URL(request.path, baseUrl);
    let settled = false;
    const done = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => done(failed(error)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text.trim() === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          done({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text,
            json,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // The server may answer (413, 431) and close before it read everything: the answer counts.
    req.on('error', (error) => setImmediate(() => done(failed(error))));
    if (request.body !== undefined) req.end(request.body);
    else req.end();
  });
}

function failed(error: Error & { code?: string }): HttpAnswer {
  return {
    status: 0,
    contentType: '',
    text: '',
    json: undefined,
    error: error.code ?? error.message,
  };
}

// ---------------------------------------------------------------------------------------
// Expectations

type Json = Record<string, any>;
const body = (answer: HttpAnswer) => (answer.json ?? {}) as Json;
const errorsOf = (answer: HttpAnswer) => (body(answer).errors ?? []) as Json[];
const codes = (answer: HttpAnswer) => errorsOf(answer).map((error) => error.extensions?.code);

export const all =
  (...checks: Check[]): Check =>
  (answer) =>
    checks.map((check) => check(answer)).find(Boolean);

export const status =
  (...expected: number[]): Check =>
  (answer) =>
    expected.includes(answer.status) ? undefined : `expected status ${expected.join(' or ')}`;

export const clientError: Check = (answer) =>
  answer.status >= 400 && answer.status < 500 ? undefined : 'expected a 4xx refusal';

/** Refused as a whole: an error and no data at all. */
export const refused: Check = (answer) => {
  if (answer.status < 400) return 'expected a 4xx refusal';
  if (errorsOf(answer).length === 0) return 'refused without an error';
  const data = body(answer).data;
  return data === undefined || data === null ? undefined : 'refused, yet with data';
};

/** Answered with errors and without data (a 400, or a 200 whose fields all failed). */
export const rejected: Check = (answer) => {
  if (errorsOf(answer).length === 0) return 'expected an error';
  const data = body(answer).data as Json | null | undefined;
  return !data || Object.values(data).every((value) => value === null)
    ? undefined
    : 'an error, yet with data';
};

/** Nothing of `secrets` in the body. */
export const noLeak =
  (secrets: string[]): Check =>
  (answer) => {
    const leaked = secrets.find((secret) => answer.text.includes(secret));
    return leaked ? `leaks "${leaked}"` : undefined;
  };

/** The credentials are refused: UNAUTHENTICATED (or a 4xx before GraphQL), never data. */
export const unauthenticated: Check = (answer) => {
  if (answer.status >= 400) return undefined;
  if (!codes(answer).includes('UNAUTHENTICATED')) return 'expected UNAUTHENTICATED';
  const data = body(answer).data as Json | null | undefined;
  const values = data ? Object.values(data).filter((value) => value !== null) : [];
  return values.length === 0 ? undefined : 'UNAUTHENTICATED, yet with data';
};

/**
 * Nothing found, nothing done: every root field is null, an empty list or zero count, or a
 * payload whose object is null and whose userErrors say why; or the request was refused.
 */
export const nothing: Check = (answer) => {
  if (answer.status >= 400) return undefined;
  const data = body(answer).data as Json | null | undefined;
  if (!data) return errorsOf(answer).length > 0 ? undefined : 'no data and no error';
  for (const [field, value] of Object.entries(data)) {
    if (value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) return `${field} returned ${value.length} items`;
      continue;
    }
    if (typeof value === 'object' && 'userErrors' in value) {
      const payload = value as Json;
      const errors = payload.userErrors as Json[];
      if (errors.length === 0) return `${field} succeeded`;
      const objects = Object.entries(payload).filter(
        ([key, item]) =>
          key !== 'userErrors' && item !== null && !(Array.isArray(item) && item.length === 0),
      );
      if (objects.length > 0) return `${field} returned ${objects.map(([key]) => key).join(', ')}`;
      continue;
    }
    if (typeof value === 'object' && 'totalCount' in value) {
      if ((value as Json).totalCount !== 0) return `${field} counted ${(value as Json).totalCount}`;
      continue;
    }
    return `${field} returned an object`;
  }
  return undefined;
};

/** Not allowed: FORBIDDEN as a GraphQL error or as a userError, and nothing returned. */
export const forbidden: Check = (answer) => {
  const problem = nothing(answer);
  if (problem) return problem;
  const inPayloads = Object.values((body(answer).data ?? {}) as Json).some((value) =>
    ((value as Json | null)?.userErrors ?? []).some((error: Json) => error.code === 'FORBIDDEN'),
  );
  return inPayloads || codes(answer).includes('FORBIDDEN') ? undefined : 'expected FORBIDDEN';
};

/** A payload refused with one of `expected` userErrors (or the request refused). */
export const userErrors =
  (...expected: string[]): Check =>
  (answer) => {
    const problem = nothing(answer);
    if (problem) return problem;
    const data = body(answer).data as Json | null | undefined;
    if (!data) return undefined;
    for (const [field, value] of Object.entries(data)) {
      const found = ((value as Json | null)?.userErrors ?? []) as Json[];
      if (found.length > 0 && !found.some((error) => expected.includes(error.code)))
        return `${field}: userErrors ${found.map((error) => error.code).join(', ')}, expected ${expected.join(' or ')}`;
    }
    return undefined;
  };

// ---------------------------------------------------------------------------------------
// Request builders

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

function post(payload: unknown, token?: string, headers: Record<string, string> = {}) {
  return {
    method: 'POST',
    path: '/graphql',
    headers: {
      ...JSON_HEADERS,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  } satisfies HostileRequest;
}

function get(params: Record<string, string>, token?: string, headers: Record<string, string> = {}) {
  return {
    method: 'GET',
    path: `/graphql?${new URLSearchParams(params).toString()}`,
    headers: {
      accept: 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
  } satisfies HostileRequest;
}

/** An HS256 JWT signed by hand, so header, claims and key are whatever the case needs. */
export function jwt(header: object, claims: object, key: string): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

const KB = 1024;
const MB = 1024 * KB;

// ---------------------------------------------------------------------------------------
// The cases

/** The groups of `hostileHttpCases`, in the order they are sent. */
export const HTTP_GROUPS = [
  'depth',
  'wide',
  'aliases',
  'fragments',
  'huge strings',
  'wrong variable types',
  'malformed ids',
  "other tenants' ids",
  'pagination',
  'transport',
  'credentials',
  'introspection',
  'wrong inputs',
  'operations',
  'download links',
] as const;

export function hostileHttpCases(fixture: Fixture, seed = 7): HostileCase[] {
  const random = prng(seed);
  const { tokens, ids } = fixture;
  const rich = tokens.rich;
  const cases: HostileCase[] = [];
  const add = (group: string, name: string, request: HostileRequest, check?: Check, json = true) =>
    cases.push({ group, name, request, check, json });

  // --- depth ---------------------------------------------------------------------------
  {
    const group = 'depth';
    // customer → changeOrders → edges → node → customer: four levels a turn, all real fields.
    const chain = (levels: number) => {
      let inner = 'id';
      for (let i = 0; i < Math.ceil(levels / 4); i++)
        inner = `customer { changeOrders(first: 1) { edges { node { ${inner} } } } }`;
      return `query Deep($id: ID!) { changeOrder(id: $id) { ${inner} } }`;
    };
    for (const depth of [20, 40, 80, 120, 200])
      add(
        group,
        `real fields ${depth} deep`,
        post({ query: chain(depth), variables: { id: ids.approved } }, rich),
        refused,
      );
    for (const depth of [20, 200, 1_000, 10_000, 100_000])
      add(
        group,
        `unknown fields ${depth} deep`,
        post({ query: `{${'a{'.repeat(depth)}b${'}'.repeat(depth + 1)}` }, rich),
        refused,
      );
    // The same depth spread over a chain of fragments.
    for (const count of [12, 60]) {
      const fragments = Array.from(
        { length: count },
        (_, i) =>
          `fragment F${i} on Customer { changeOrders(first: 1) { edges { node { customer { ${i + 1 < count ? `...F${i + 1}` : 'id'} } } } } }`,
      );
      add(
        group,
        `${count} fragments nested`,
        post(
          {
            query: `query($id: ID!) { customer(id: $id) { ...F0 } } ${fragments.join(' ')}`,
            variables: { id: ids.customer },
          },
          rich,
        ),
        refused,
      );
    }
    for (const depth of [1_000, 10_000, 100_000])
      add(
        group,
        `list literal ${depth} deep`,
        post(
          {
            query: `{ customers(search: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { totalCount } }`,
          },
          rich,
        ),
        refused,
      );
    for (const depth of [5_000, 100_000])
      add(
        group,
        `variable value ${depth} arrays deep`,
        post(
          `{"query":"query($s: String) { customers(search: $s) { totalCount } }","variables":{"s":${'['.repeat(depth)}1${']'.repeat(depth)}}}`,
          rich,
        ),
        refused,
      );
    add(
      group,
      'unused variable 100000 objects deep',
      post(
        `{"query":"{ __typename }","variables":{"v":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`,
        rich,
      ),
    );
    add(
      group,
      'input object literal 5000 deep',
      post(
        {
          query: `mutation { createChangeOrder(input: ${'{ customerId: '.repeat(5_000)}"x"${' }'.repeat(5_000)}) { userErrors { code } } }`,
        },
        rich,
      ),
      refused,
    );
  }

  // --- wide ----------------------------------------------------------------------------
  {
    const group = 'wide';
    for (const count of [1_000, 5_000, 20_000])
      add(
        group,
        `the same field ${count} times`,
        post({ query: `{ viewer { ${'role '.repeat(count)} } }` }, rich),
      );
    add(
      group,
      '__typename 50000 times',
      post({ query: `{ ${'__typename '.repeat(50_000)} }` }, rich),
    );
    for (const count of [1_000, 5_000])
      add(
        group,
        `${count} different unknown fields`,
        post(
          {
            query: `{ viewer { ${Array.from({ length: count }, (_, i) => `f${i}_${junk(random, 4)}`).join(' ')} } }`,
          },
          rich,
        ),
        refused,
      );
    add(
      group,
      '2000 same-named fields with different arguments',
      post(
        {
          query: `{ ${Array.from({ length: 2_000 }, (_, i) => `customer(id: "${i}") { id }`).join(' ')} }`,
        },
        rich,
      ),
      refused,
    );
    const everyCustomerField =
      'id name customerType servicePlan reseller { id name kind } vendor { id name kind } sites { id name address } billingAccounts { id name } contacts { id name email } implementationLead { id name } licenses { available product { id sku name itemGroup kind unitPrice { cents currency } upgradesTo { id name } } billingAccount { id name } } attachments { id fileName } changeOrders(first: 100) { totalCount edges { node { id title lines { delta toBe product { name } } } } }';
    add(
      group,
      'every field of 100 customers and 100 orders each',
      post(
        { query: `{ customers(first: 100) { edges { node { ${everyCustomerField} } } } }` },
        rich,
      ),
      all(refused, (answer) =>
        codes(answer).includes('QUERY_TOO_COMPLEX') ? undefined : 'expected QUERY_TOO_COMPLEX',
      ),
    );
    add(
      group,
      '5000 operations in one document, one chosen',
      post(
        {
          query: Array.from({ length: 5_000 }, (_, i) => `query Q${i} { __typename }`).join('\n'),
          operationName: 'Q2500',
        },
        rich,
      ),
    );
    add(
      group,
      '5000 unused variable definitions',
      post(
        {
          query: `query Many(${Array.from({ length: 5_000 }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }`,
        },
        rich,
      ),
      refused,
    );
    add(
      group,
      '1000 repeated directives',
      post({ query: `{ viewer ${'@skip(if: false) '.repeat(1_000)} { role } }` }, rich),
      refused,
    );
    // Fragment fan-out: within the depth limit, each level spreads the one below w times.
    for (const [levels, width] of [
      [4, 10],
      [4, 30],
      [3, 100],
      [2, 1_000],
    ] as const) {
      const fragments = [`fragment F0 on Viewer { role scopes }`];
      for (let i = 1; i <= levels; i++)
        fragments.push(
          `fragment F${i} on Viewer { ${Array.from({ length: width }, () => `...F${i - 1}`).join(' ')} }`,
        );
      add(
        group,
        `fragment fan-out ${width}^${levels}`,
        post({ query: `{ viewer { ...F${levels} } } ${fragments.join(' ')}` }, rich),
        refused,
      );
    }
    add(
      group,
      'one fragment spread 10000 times',
      post(
        { query: `{ viewer { ${'...V '.repeat(10_000)} } } fragment V on Viewer { role scopes }` },
        rich,
      ),
    );
  }

  // --- aliases -------------------------------------------------------------------------
  {
    const group = 'aliases';
    for (const count of [31, 50, 100, 500, 1_000])
      add(
        group,
        `${count} aliases of viewer`,
        post(
          {
            query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`,
          },
          rich,
        ),
        refused,
      );
    add(
      group,
      '31 aliased createChangeOrder',
      post(
        {
          query: `mutation { ${Array.from({ length: 31 }, (_, i) => `c${i}: createChangeOrder(input: { customerId: "${ids.customer}", title: "alias flood ${i}" }) { order { id } }`).join(' ')} }`,
        },
        rich,
      ),
      refused,
    );
    add(
      group,
      '100 aliased logins spread over fragments',
      post({
        query: `mutation { ${Array.from({ length: 10 }, (_, f) => `...L${f}`).join(' ')} } ${Array.from(
          { length: 10 },
          (_, f) =>
            `fragment L${f} on Mutation { ${Array.from({ length: 10 }, (_, i) => `l${f}_${i}: login(email: "rich@rs-vertical.example", password: "guess${i}") { token }`).join(' ')} }`,
        ).join(' ')}`,
      }),
      refused,
    );
    add(
      group,
      '100 aliases in inline fragments',
      post(
        {
          query: `{ ${Array.from({ length: 10 }, (_, f) => `... on Query { ${Array.from({ length: 10 }, (_, i) => `x${f}_${i}: pendingAlerts { id }`).join(' ')} }`).join(' ')} }`,
        },
        rich,
      ),
      refused,
    );
    add(
      group,
      '40 aliases nested inside one field',
      post(
        {
          query: `{ viewer { ${Array.from({ length: 40 }, (_, i) => `r${i}: role`).join(' ')} } }`,
        },
        rich,
      ),
      refused,
    );
    add(
      group,
      '1000 aliases of acknowledgeAllAlerts',
      post(
        {
          query: `mutation { ${Array.from({ length: 1_000 }, (_, i) => `k${i}: acknowledgeAllAlerts { userErrors { code } }`).join(' ')} }`,
        },
        rich,
      ),
      refused,
    );
  }

  // --- fragments -----------------------------------------------------------------------
  {
    const group = 'fragments';
    const fragmentCases: [string, string][] = [
      [
        'a two-fragment cycle',
        '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
      ],
      ['a fragment spreading itself', '{ ...A } fragment A on Query { viewer { role } ...A }'],
      [
        'a cycle through nested fields',
        '{ viewer { ...V } } fragment V on Viewer { organization { ...O } } fragment O on Organization { id ... on Organization { ...P } } fragment P on Organization { ...O }',
      ],
      ['an unknown fragment', '{ ...Nope }'],
      ['a fragment on an unknown type', '{ ...A } fragment A on Nope { id }'],
      ['a fragment on the wrong type', '{ ...A } fragment A on Customer { id }'],
      ['a fragment on a scalar', '{ ...A } fragment A on String { id }'],
      [
        'two fragments of one name',
        '{ ...A } fragment A on Query { __typename } fragment A on Query { viewer { role } }',
      ],
      ['an unused fragment', '{ __typename } fragment A on Query { __typename }'],
      [
        '1000 unused fragments',
        `{ __typename } ${Array.from({ length: 1_000 }, (_, i) => `fragment U${i} on Query { __typename }`).join(' ')}`,
      ],
      ['an inline fragment on an unknown type', '{ ... on Nope { id } }'],
      [
        'a 30-fragment cycle',
        `{ ...C0 } ${Array.from({ length: 30 }, (_, i) => `fragment C${i} on Query { ...C${(i + 1) % 30} }`).join(' ')}`,
      ],
    ];
    for (const [name, query] of fragmentCases)
      add(
        group,
        name,
        post({ query }, rich),
        name.includes('unused fragment') ? undefined : refused,
      );
  }

  // --- huge strings --------------------------------------------------------------------
  {
    const group = 'huge strings';
    const search = 'query Search($s: String) { customers(search: $s) { totalCount } }';
    for (const size of [100 * KB, 500 * KB, 900 * KB]) {
      add(
        group,
        `a ${size / KB} KB search variable`,
        post({ query: search, variables: { s: junk(random, size) } }, rich),
      );
      add(
        group,
        `a ${size / KB} KB search literal`,
        post({ query: `{ customers(search: "${junk(random, size)}") { totalCount } }` }, rich),
      );
    }
    for (const size of [1.1 * MB, 2 * MB])
      add(
        group,
        `a ${size / MB} MB search variable (body over 1 MB)`,
        post({ query: search, variables: { s: 'x'.repeat(size) } }, rich),
        status(413),
      );
    add(
      group,
      'a 2 MB query literal (body over 1 MB)',
      post({ query: `{ customers(search: "${'y'.repeat(2 * MB)}") { totalCount } }` }, rich),
      status(413),
    );
    add(
      group,
      'a 300 KB field name',
      post({ query: `{ viewer { ${'f'.repeat(300 * KB)} } }` }, rich),
      refused,
    );
    add(
      group,
      'a 300 KB alias',
      post({ query: `{ ${'a'.repeat(300 * KB)}: viewer { role } }` }, rich),
    );
    add(
      group,
      'a 300 KB operation name',
      post(
        {
          query: `query ${'Q'.repeat(300 * KB)} { __typename }`,
          operationName: 'Q'.repeat(300 * KB),
        },
        rich,
      ),
    );
    add(
      group,
      'a 300 KB variable name',
      post({ query: `query($${'v'.repeat(300 * KB)}: Int) { __typename }` }, rich),
      refused,
    );
    add(
      group,
      'a 300 KB enum value',
      post(
        { query: `{ changeOrders(filter: { status: [${'D'.repeat(300 * KB)}] }) { totalCount } }` },
        rich,
      ),
      refused,
    );
    add(
      group,
      'a 500 KB id',
      post(
        {
          query: 'query($id: ID!) { node(id: $id) { id } }',
          variables: { id: junk(random, 500 * KB) },
        },
        rich,
      ),
      nothing,
    );
    add(
      group,
      'a 500 KB password',
      post({
        query:
          'mutation($p: String!) { login(email: "rich@rs-vertical.example", password: $p) { token userErrors { code } } }',
        variables: { p: junk(random, 500 * KB) },
      }),
      userErrors('INVALID_CREDENTIALS'),
    );
    add(
      group,
      'a 500 KB e-mail',
      post({
        query:
          'mutation($e: String!) { login(email: $e, password: "demo") { token userErrors { code } } }',
        variables: { e: `${junk(random, 500 * KB)}@rs-vertical.example` },
      }),
      userErrors('INVALID_CREDENTIALS', 'VALIDATION'),
    );
    add(
      group,
      'a 900 KB note on a new order with a title over 200 characters',
      post(
        {
          query:
            'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code field } } }',
          variables: {
            i: { customerId: ids.customer, title: 'T'.repeat(201), note: junk(random, 900 * KB) },
          },
        },
        rich,
      ),
      userErrors('VALIDATION'),
    );
    add(
      group,
      'a 500 KB title on the draft, with a stale version',
      post(
        {
          query:
            'mutation($i: UpdateChangeOrderInput!) { updateChangeOrder(input: $i) { order { id } userErrors { code field } } }',
          variables: {
            i: {
              orderId: ids.draft,
              expectedVersion: ids.draftVersion + 1000,
              title: junk(random, 500 * KB),
            },
          },
        },
        rich,
      ),
      userErrors('STALE_VERSION', 'VALIDATION'),
    );
    add(
      group,
      'a 500 KB reject comment on an approved order',
      post(
        {
          query:
            'mutation($i: OrderDecisionInput!) { rejectChangeOrder(input: $i) { order { id } userErrors { code } } }',
          variables: { i: { orderId: ids.approved, comment: junk(random, 500 * KB) } },
        },
        tokens.kim,
      ),
      userErrors('INVALID_TRANSITION', 'VALIDATION'),
    );
    add(
      group,
      "a 300 KB idempotency key on Rich's draft, as RS-Other",
      post(
        {
          query:
            'mutation($i: SubmitChangeOrderInput!) { submitChangeOrder(input: $i) { order { id } userErrors { code } } }',
          variables: {
            i: {
              orderId: ids.draft,
              msaAccepted: true,
              authorizationConfirmed: true,
              idempotencyKey: junk(random, 300 * KB),
            },
          },
        },
        tokens.other,
      ),
      userErrors('NOT_FOUND', 'VALIDATION'),
    );
    add(
      group,
      '200000 four-byte characters',
      post({ query: search, variables: { s: '\u{1F4A5}'.repeat(200_000) } }, rich),
    );
    add(
      group,
      'lone surrogates and control characters',
      post(
        { query: search, variables: { s: '\ud800\udfff\ud800x\u0001\u001f\u007f\u202e\ufeff' } },
        rich,
      ),
    );
    // PostgreSQL refuses NUL in text: a string carrying one must be refused, not crash a query.
    add(
      group,
      'a NUL character in a search',
      post({ query: search, variables: { s: 'Vertical\u0000Demo' } }, rich),
    );
    add(
      group,
      'a NUL character in a login e-mail',
      post({
        query:
          'mutation($e: String!) { login(email: $e, password: "demo") { token userErrors { code } } }',
        variables: { e: 'rich@rs-vertical.example\u0000' },
      }),
      userErrors('INVALID_CREDENTIALS', 'VALIDATION'),
    );
    add(
      group,
      'a NUL character in a new order title',
      post(
        {
          query:
            'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
          variables: { i: { customerId: ids.customer, title: 'T'.repeat(201) + '\u0000' } },
        },
        rich,
      ),
      userErrors('VALIDATION'),
    );
    add(
      group,
      'a NUL character in a contact e-mail',
      post(
        {
          query:
            'mutation($i: AddContactInput!) { addContact(input: $i) { contact { id } userErrors { code } } }',
          variables: {
            i: { customerId: ids.customer, name: 'Nul', email: 'nul\u0000@example.com' },
          },
        },
        rich,
      ),
      userErrors('VALIDATION'),
    );
    add(
      group,
      'a block string of 500 KB',
      post(
        { query: `{ customers(search: """${'b\n'.repeat(250 * KB)}""") { totalCount } }` },
        rich,
      ),
    );
  }

  // --- wrong variable types ------------------------------------------------------------
  {
    const group = 'wrong variable types';
    const operations: {
      name: string;
      query: string;
      base: Json;
      wrong: [string, string, unknown][];
    }[] = [
      {
        name: 'customers',
        query:
          'query($first: Int, $search: String) { customers(first: $first, search: $search) { totalCount } }',
        base: {},
        wrong: [
          ['first', 'a string for Int', 'ten'],
          ['first', 'a float for Int', 1.5],
          ['first', '2^31 for Int', 2 ** 31],
          ['first', '-2^31-1 for Int', -(2 ** 31) - 1],
          ['first', '1e30 for Int', 1e30],
          ['first', 'true for Int', true],
          ['first', 'an object for Int', { n: 1 }],
          ['first', 'a list for Int', [1]],
          ['first', '"NaN" for Int', 'NaN'],
          ['search', 'a number for String', 123],
          ['search', 'an object for String', { s: 'x' }],
          ['search', 'a list for String', ['x']],
          ['search', 'true for String', true],
        ],
      },
      {
        name: 'customer',
        query: 'query($id: ID!) { customer(id: $id) { id name } }',
        base: { id: ids.customer },
        wrong: [
          ['id', 'an object for ID', { id: ids.customer }],
          ['id', 'a list for ID', [ids.customer]],
          ['id', 'true for ID', true],
          ['id', 'a float for ID', 1.5],
          ['id', 'null for ID!', null],
          ['id', 'nothing for ID!', undefined],
        ],
      },
      {
        name: 'changeOrders',
        query: 'query($filter: ChangeOrderFilter) { changeOrders(filter: $filter) { totalCount } }',
        base: {},
        wrong: [
          ['filter', 'a string for an input object', 'DRAFT'],
          ['filter', 'a list for an input object', [{ status: ['DRAFT'] }]],
          ['filter', 'an unknown field', { status: ['DRAFT'], owner: 'me' }],
          ['filter', 'an unknown enum value', { status: ['DRAFTY'] }],
          ['filter', 'a lowercase enum value', { status: ['draft'] }],
          ['filter', 'a number in an enum list', { status: [1] }],
          ['filter', 'null in a list of non-null', { status: [null] }],
          ['filter', 'an object for an ID field', { customerId: { id: ids.customer } }],
          [
            'filter',
            '__proto__ in an input object',
            JSON.parse('{"__proto__": {"status": ["DRAFT"]}}'),
          ],
        ],
      },
      {
        name: 'orderEventLog',
        query:
          'query($after: Int, $first: Int) { orderEventLog(afterSequence: $after, first: $first) { id } }',
        base: {},
        wrong: [
          ['after', 'a string for Int', '0'],
          ['after', '2^53 for Int', 2 ** 53],
          ['first', 'Infinity-like 1e308 for Int', 1e308],
          ['first', '-0.5 for Int', -0.5],
        ],
      },
      {
        name: 'createChangeOrder',
        query:
          'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
        base: { i: { customerId: ids.customer, title: 'x'.repeat(201) } },
        wrong: [
          [
            'i',
            'every field of the wrong type',
            { customerId: 5, title: ['x'], siteId: {}, note: false },
          ],
          ['i', 'a missing required field', { title: 'no customer' }],
          ['i', 'null for a required field', { customerId: null, title: 'null customer' }],
          [
            'i',
            'an unknown field',
            { customerId: ids.customer, title: 'x'.repeat(201), owner: 'someone else' },
          ],
          ['i', 'a string for the input', 'customerId'],
          ['i', 'null for the input', null],
        ],
      },
      {
        name: 'setChangeOrderLines',
        query:
          'mutation($i: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $i) { order { id } userErrors { code } } }',
        base: {},
        wrong: [
          [
            'i',
            'a string delta',
            {
              orderId: ids.draft,
              lines: [{ productId: ids.product, billingAccountId: ids.billingAccount, delta: '1' }],
            },
          ],
          [
            'i',
            'a delta beyond 32 bits',
            {
              orderId: ids.draft,
              lines: [
                { productId: ids.product, billingAccountId: ids.billingAccount, delta: 2 ** 40 },
              ],
            },
          ],
          [
            'i',
            'a line that is a list',
            { orderId: ids.draft, lines: [[ids.product, ids.billingAccount, 1]] },
          ],
          ['i', 'null lines', { orderId: ids.draft, lines: null }],
          ['i', 'a float version', { orderId: ids.draft, expectedVersion: 1.5, lines: [] }],
        ],
      },
      {
        name: 'submitChangeOrder',
        query:
          'mutation($i: SubmitChangeOrderInput!) { submitChangeOrder(input: $i) { order { id } userErrors { code } } }',
        base: {},
        wrong: [
          [
            'i',
            'strings for the tick boxes',
            { orderId: ids.draft, msaAccepted: 'yes', authorizationConfirmed: 'true' },
          ],
          [
            'i',
            'numbers for the tick boxes',
            { orderId: ids.draft, msaAccepted: 1, authorizationConfirmed: 1 },
          ],
          [
            'i',
            'an object idempotency key',
            {
              orderId: ids.draft,
              msaAccepted: true,
              authorizationConfirmed: true,
              idempotencyKey: { k: 1 },
            },
          ],
        ],
      },
      {
        name: 'createApiKey',
        query:
          'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { code } } }',
        base: {},
        wrong: [
          ['i', 'an unknown scope', { name: 'abuse', scopes: ['ADMIN'] }],
          ['i', 'a scope that is not a string', { name: 'abuse', scopes: [true] }],
          ['i', 'a name that is a list', { name: ['abuse'], scopes: ['READ'] }],
        ],
      },
      {
        name: 'acknowledgeAlert',
        query:
          'mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledged { id } userErrors { code } } }',
        base: {},
        wrong: [
          ['id', 'a list of ids', [ids.richAlert]],
          ['id', 'null', null],
        ],
      },
    ];
    for (const operation of operations)
      for (const [variable, name, value] of operation.wrong) {
        const variables = { ...operation.base, [variable]: value };
        if (value === undefined) delete variables[variable];
        add(
          group,
          `${operation.name}: ${name}`,
          post({ query: operation.query, variables }, rich),
          refused,
        );
      }
    const literals: [string, string][] = [
      ['a string literal for Int', '{ customers(first: "ten") { totalCount } }'],
      ['a float literal for Int', '{ customers(first: 1.5) { totalCount } }'],
      ['1e30 literal for Int', '{ customers(first: 1e30) { totalCount } }'],
      ['2^31 literal for Int', '{ orderEventLog(first: 2147483648) { id } }'],
      ['an object literal for ID', '{ customer(id: { id: 1 }) { id } }'],
      [
        'a variable of the wrong declared type',
        'query($f: Float) { customers(first: $f) { totalCount } }',
      ],
      ['a variable declared as an output type', 'query($c: Customer) { __typename }'],
      ['an undeclared variable', '{ customers(first: $nope) { totalCount } }'],
      [
        'a variable declared twice',
        'query($a: Int, $a: String) { customers(first: $a) { totalCount } }',
      ],
      ['an unknown argument', '{ customers(owner: "me") { totalCount } }'],
      ['an argument given twice', '{ customers(first: 1, first: 2) { totalCount } }'],
      ['a missing required argument', '{ customer { id } }'],
      ['@skip with a string', '{ viewer @skip(if: "yes") { role } }'],
      ['@include without its argument', '{ viewer @include { role } }'],
      ['an unknown directive', '{ viewer @nope { role } }'],
      ['a directive in the wrong place', 'query @skip(if: true) { __typename }'],
    ];
    for (const [name, query] of literals) add(group, name, post({ query }, rich), refused);
  }

  // --- unknown and malformed ids -------------------------------------------------------
  {
    const group = 'malformed ids';
    const values: [string, string][] = [
      ['an empty id', ''],
      ['a blank id', '   '],
      ['punctuation', '!!!'],
      ['201 characters', 'A'.repeat(201)],
      ['base64 junk', Buffer.from(junk(random, 40)).toString('base64url')],
      ['base64 with padding', Buffer.from('Customer:x').toString('base64')],
      ['a type without a uuid', globalId('Customer', 'not-a-uuid')],
      ['an unknown customer', globalId('Customer', uuid(random))],
      ['an unknown order', globalId('ChangeOrder', uuid(random))],
      ['an unknown type', globalId('Setting', uuid(random))],
      ['a lowercase type', globalId('customer', keyOf(ids.customer))],
      ['an uppercase uuid', globalId('Customer', keyOf(ids.customer).toUpperCase())],
      ['a raw uuid', keyOf(ids.customer)],
      ['a raw type:uuid', `Customer:${keyOf(ids.customer)}`],
      ['SQL in an id', "' OR '1'='1"],
      ['SQL in a global id', globalId('Customer', "' OR '1'='1")],
      ['a NUL in a global id', globalId('Customer', `${keyOf(ids.customer)}\u0000`)],
      ['unicode', 'ℂ𝕦𝕤𝕥𝕠𝕞𝕖𝕣'],
      ['a product id', ids.product],
      ['a site id', ids.site],
    ];
    const fields: [string, (id: string) => { query: string; variables: Json }, Check][] = [
      [
        'node',
        (id) => ({
          query: 'query($id: ID!) { node(id: $id) { id __typename } }',
          variables: { id },
        }),
        nothing,
      ],
      [
        'customer',
        (id) => ({ query: 'query($id: ID!) { customer(id: $id) { id name } }', variables: { id } }),
        nothing,
      ],
      [
        'changeOrder',
        (id) => ({
          query: 'query($id: ID!) { changeOrder(id: $id) { id title } }',
          variables: { id },
        }),
        nothing,
      ],
      [
        'cancelChangeOrder',
        (id) => ({
          query:
            'mutation($i: OrderRefInput!) { cancelChangeOrder(input: $i) { order { id } userErrors { code } } }',
          variables: { i: { orderId: id } },
        }),
        userErrors('NOT_FOUND', 'VALIDATION'),
      ],
      [
        'acknowledgeAlert',
        (id) => ({
          query:
            'mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledged { id } userErrors { code } } }',
          variables: { id },
        }),
        userErrors('NOT_FOUND', 'VALIDATION'),
      ],
    ];
    // node finds any object of the viewer's by its id: a product or a site is no mistake there.
    for (const [field, build, check] of fields)
      for (const [name, value] of values)
        add(
          group,
          `${field}: ${name}`,
          post(build(value), rich),
          field === 'node' && (value === ids.product || value === ids.site) ? undefined : check,
        );
    const more: [string, { query: string; variables: Json }, Check][] = [
      [
        'revokeApiKey: an order id',
        {
          query:
            'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id } userErrors { code } } }',
          variables: { id: ids.draft },
        },
        userErrors('NOT_FOUND', 'VALIDATION'),
      ],
      [
        'createChangeOrder: a site id as the customer',
        {
          query:
            'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
          variables: { i: { customerId: ids.site, title: 'site as customer' } },
        },
        userErrors('NOT_FOUND', 'VALIDATION'),
      ],
      [
        'createChangeOrder: another customer site',
        {
          query:
            'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
          variables: {
            i: {
              customerId: ids.customer,
              title: 'x'.repeat(201),
              siteId: globalId('Site', uuid(random)),
            },
          },
        },
        userErrors('NOT_FOUND', 'VALIDATION'),
      ],
      [
        'setChangeOrderLines: a customer id as the product',
        {
          query:
            'mutation($i: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $i) { order { id } userErrors { code } } }',
          variables: {
            i: {
              orderId: ids.draft,
              lines: [{ productId: ids.customer, billingAccountId: ids.billingAccount, delta: 1 }],
            },
          },
        },
        userErrors('NOT_FOUND', 'VALIDATION'),
      ],
      [
        'setChangeOrderLines: an unknown billing account',
        {
          query:
            'mutation($i: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $i) { order { id } userErrors { code } } }',
          variables: {
            i: {
              orderId: ids.draft,
              lines: [
                {
                  productId: ids.product,
                  billingAccountId: globalId('BillingAccount', uuid(random)),
                  delta: 1,
                },
              ],
            },
          },
        },
        userErrors('NOT_FOUND', 'VALIDATION'),
      ],
      [
        'products: a customer id as the vendor',
        {
          query: 'query($v: ID) { products(vendorId: $v) { id } }',
          variables: { v: ids.customer },
        },
        nothing,
      ],
      [
        'products: junk as the vendor',
        {
          query: 'query($v: ID) { products(vendorId: $v) { id } }',
          variables: { v: junk(random, 30) },
        },
        nothing,
      ],
      [
        'changeOrders: an order id as the customer filter',
        {
          query: 'query($c: ID) { changeOrders(filter: { customerId: $c }) { totalCount } }',
          variables: { c: ids.draft },
        },
        nothing,
      ],
    ];
    for (const [name, payload, check] of more) add(group, name, post(payload, rich), check);
  }

  // --- other tenants' ids --------------------------------------------------------------
  {
    const group = "other tenants' ids";
    const asOther = (name: string, query: string, variables: Json, check: Check = nothing) =>
      add(
        group,
        `RS-Other: ${name}`,
        post({ query, variables }, tokens.other),
        all(noLeak(fixture.verticalSecrets), check),
      );
    const ORDER_FIELDS = 'id title status customer { name } lines { delta } orderUser { email }';
    asOther('customer', 'query($id: ID!) { customer(id: $id) { id name contacts { email } } }', {
      id: ids.customer,
    });
    asOther('changeOrder (draft)', `query($id: ID!) { changeOrder(id: $id) { ${ORDER_FIELDS} } }`, {
      id: ids.draft,
    });
    asOther(
      'changeOrder (approved)',
      `query($id: ID!) { changeOrder(id: $id) { ${ORDER_FIELDS} } }`,
      { id: ids.approved },
    );
    for (const [type, id] of [
      ['customer', ids.customer],
      ['order', ids.approved],
      ['site', ids.site],
      ['billing account', ids.billingAccount],
      ['alert', ids.richAlert],
      ['API key', ids.apiKey],
      ['event', ids.event],
      ['attachment', ids.attachment],
      ...(ids.contact ? [['contact', ids.contact]] : []),
      ['user', globalId('User', ids.richUserKey)],
    ] as [string, string][])
      asOther(
        `node (${type})`,
        'query($id: ID!) { node(id: $id) { id __typename ... on Customer { name } ... on ChangeOrder { title } ... on User { email name } ... on Contact { email } ... on Attachment { fileName downloadUrl } ... on Site { name } } }',
        { id },
      );
    asOther(
      'changeOrders filtered by the customer',
      'query($c: ID) { changeOrders(filter: { customerId: $c }) { totalCount edges { node { id title } } } }',
      { c: ids.customer },
    );
    asOther(
      'orderEventLog from the start',
      'query { orderEventLog(afterSequence: 0) { id order { title } } }',
      {},
    );
    asOther('pendingAlerts', 'query { pendingAlerts { id order { title } } }', {});
    asOther('ordersToConfirm', 'query { ordersToConfirm { id title } }', {});
    asOther('mailbox', 'query { mailbox { subject } }', {}, () => undefined);
    asOther('apiKeys', 'query { apiKeys { id name } }', {}, () => undefined);
    const payload = 'order { id title } userErrors { code }';
    const mutations: [string, string, Json][] = [
      [
        'createChangeOrder for the customer',
        `createChangeOrder(input: $i) { ${payload} }`,
        { customerId: ids.customer, title: 'hijack' },
      ],
      [
        'updateChangeOrder',
        `updateChangeOrder(input: $i) { ${payload} }`,
        { orderId: ids.draft, title: 'hijacked' },
      ],
      [
        'setChangeOrderLines',
        `setChangeOrderLines(input: $i) { ${payload} }`,
        {
          orderId: ids.draft,
          lines: [{ productId: ids.product, billingAccountId: ids.billingAccount, delta: 5 }],
        },
      ],
      [
        'setProductChange',
        `setProductChange(input: $i) { ${payload} }`,
        { orderId: ids.draft, mode: 'KEEP' },
      ],
      [
        'submitChangeOrder',
        `submitChangeOrder(input: $i) { ${payload} }`,
        { orderId: ids.draft, msaAccepted: true, authorizationConfirmed: true },
      ],
      [
        'cancelChangeOrder (draft)',
        `cancelChangeOrder(input: $i) { ${payload} }`,
        { orderId: ids.draft },
      ],
      [
        'finalConfirmChangeOrder',
        `finalConfirmChangeOrder(input: $i) { ${payload} }`,
        { orderId: ids.approved },
      ],
      [
        'approveChangeOrder',
        `approveChangeOrder(input: $i) { ${payload} }`,
        { orderId: ids.approved },
      ],
      [
        'rejectChangeOrder',
        `rejectChangeOrder(input: $i) { ${payload} }`,
        { orderId: ids.approved, comment: 'no' },
      ],
      [
        'addContact to the customer',
        'addContact(input: $i) { contact { id } userErrors { code } }',
        { customerId: ids.customer, name: 'Mole', email: 'mole@example.com' },
      ],
    ];
    const inputTypes: Record<string, string> = {
      createChangeOrder: 'CreateChangeOrderInput',
      updateChangeOrder: 'UpdateChangeOrderInput',
      setChangeOrderLines: 'SetChangeOrderLinesInput',
      setProductChange: 'SetProductChangeInput',
      submitChangeOrder: 'SubmitChangeOrderInput',
      cancelChangeOrder: 'OrderRefInput',
      finalConfirmChangeOrder: 'OrderRefInput',
      approveChangeOrder: 'OrderDecisionInput',
      rejectChangeOrder: 'OrderDecisionInput',
      addContact: 'AddContactInput',
    };
    for (const [name, field, input] of mutations) {
      const type = inputTypes[field.slice(0, field.indexOf('('))]!;
      asOther(
        name,
        `mutation($i: ${type}!) { ${field} }`,
        { i: input },
        userErrors('NOT_FOUND', 'FORBIDDEN'),
      );
    }
    asOther(
      "acknowledgeAlert (Rich's)",
      'mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledged { id } userErrors { code } } }',
      { id: ids.richAlert },
      userErrors('NOT_FOUND', 'FORBIDDEN'),
    );
    asOther(
      "revokeApiKey (RS-Vertical's)",
      'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id } userErrors { code } } }',
      { id: ids.apiKey },
      userErrors('NOT_FOUND', 'FORBIDDEN'),
    );
    // The vendor sees submitted orders of its customers, never a reseller's draft, and may
    // not act for the reseller.
    const asKim = (name: string, query: string, variables: Json, check: Check) =>
      add(group, `Vertical (vendor): ${name}`, post({ query, variables }, tokens.kim), check);
    asKim(
      'changeOrder (draft)',
      `query($id: ID!) { changeOrder(id: $id) { ${ORDER_FIELDS} } }`,
      { id: ids.draft },
      all(noLeak(['Abuse draft']), nothing),
    );
    asKim(
      'node (draft)',
      'query($id: ID!) { node(id: $id) { id ... on ChangeOrder { title } } }',
      { id: ids.draft },
      all(noLeak(['Abuse draft']), nothing),
    );
    asKim(
      'cancelChangeOrder (draft)',
      `mutation($i: OrderRefInput!) { cancelChangeOrder(input: $i) { ${payload} } }`,
      { i: { orderId: ids.draft } },
      userErrors('NOT_FOUND', 'FORBIDDEN'),
    );
    asKim(
      'finalConfirmChangeOrder',
      `mutation($i: OrderRefInput!) { finalConfirmChangeOrder(input: $i) { ${payload} } }`,
      { i: { orderId: ids.approved } },
      userErrors('NOT_FOUND', 'FORBIDDEN'),
    );
    asKim(
      "acknowledgeAlert (Rich's)",
      'mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledged { id } userErrors { code } } }',
      { id: ids.richAlert },
      userErrors('NOT_FOUND', 'FORBIDDEN'),
    );
    asKim(
      "revokeApiKey (RS-Vertical's)",
      'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id } userErrors { code } } }',
      { id: ids.apiKey },
      userErrors('NOT_FOUND', 'FORBIDDEN'),
    );
    const asRich = (name: string, query: string, variables: Json, check: Check = nothing) =>
      add(
        group,
        `RS-Vertical: ${name}`,
        post({ query, variables }, rich),
        all(noLeak(fixture.otherSecrets), check),
      );
    asRich('customer (Other Co)', 'query($id: ID!) { customer(id: $id) { id name } }', {
      id: ids.otherCustomer,
    });
    asRich('node (Other Co)', 'query($id: ID!) { node(id: $id) { id ... on Customer { name } } }', {
      id: ids.otherCustomer,
    });
    asRich(
      'createChangeOrder for Other Co',
      'mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }',
      { i: { customerId: ids.otherCustomer, title: 'poach' } },
      userErrors('NOT_FOUND', 'FORBIDDEN'),
    );
    asRich(
      'addContact to Other Co',
      'mutation($i: AddContactInput!) { addContact(input: $i) { contact { id } userErrors { code } } }',
      { i: { customerId: ids.otherCustomer, name: 'Mole', email: 'mole@example.com' } },
      userErrors('NOT_FOUND', 'FORBIDDEN'),
    );
    asRich(
      "acknowledgeAlert (Kim's)",
      'mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledged { id } userErrors { code } } }',
      { id: ids.kimAlert },
      userErrors('NOT_FOUND', 'FORBIDDEN'),
    );
    asRich(
      'approveChangeOrder (his own, as a reseller)',
      `mutation($i: OrderDecisionInput!) { approveChangeOrder(input: $i) { ${payload} } }`,
      { i: { orderId: ids.approved } },
      userErrors('NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION'),
    );
  }

  // --- pagination ----------------------------------------------------------------------
  {
    const group = 'pagination';
    const lists: [string, (args: string) => string][] = [
      ['customers', (args) => `{ customers(${args}) { totalCount edges { node { id } } } }`],
      ['changeOrders', (args) => `{ changeOrders(${args}) { totalCount edges { node { id } } } }`],
      [
        'customer.changeOrders',
        (args) =>
          `{ customer(id: "${ids.customer}") { changeOrders(${args}) { totalCount edges { node { id } } } } }`,
      ],
      ['orderEventLog', (args) => `{ orderEventLog(${args}) { id } }`],
      ['mailbox', (args) => `{ mailbox(${args}) { id } }`],
    ];
    // The mailbox clamps `first` into 1–100 instead of refusing it: only the invariants hold.
    for (const [list, build] of lists)
      for (const first of [-1, 0, 101, 10_000, 2_147_483_647])
        add(
          group,
          `${list}(first: ${first})`,
          post({ query: build(`first: ${first}`) }, rich),
          list === 'mailbox' ? undefined : rejected,
        );
    const cursors: [string, string][] = [
      ['an empty cursor', ''],
      ['junk', junk(random, 24)],
      ['base64 of junk', Buffer.from(junk(random, 24)).toString('base64url')],
      ['a 100 KB cursor', 'c'.repeat(100 * KB)],
      ['a global id', ids.customer],
      ['a cursor of JSON null', Buffer.from('null').toString('base64url')],
      ['keys of the wrong kinds', Buffer.from(JSON.stringify([1, 2])).toString('base64url')],
      [
        'a customer cursor with a malformed id',
        Buffer.from(JSON.stringify(['Vertical Demo', 'not-a-uuid'])).toString('base64url'),
      ],
      [
        'a customer cursor with a NUL',
        Buffer.from(JSON.stringify(['Vertical\u0000', keyOf(ids.customer)])).toString('base64url'),
      ],
      [
        'an order cursor beyond 32 bits',
        Buffer.from(JSON.stringify([2 ** 53 - 1])).toString('base64url'),
      ],
      [
        'an order cursor below -2^31',
        Buffer.from(JSON.stringify([-(2 ** 40)])).toString('base64url'),
      ],
    ];
    for (const [name, cursor] of cursors) {
      add(
        group,
        `customers after ${name}`,
        post(
          {
            query:
              'query($a: String) { customers(first: 5, after: $a) { totalCount edges { cursor } } }',
            variables: { a: cursor },
          },
          rich,
        ),
      );
      add(
        group,
        `changeOrders after ${name}`,
        post(
          {
            query:
              'query($a: String) { changeOrders(first: 5, after: $a) { totalCount edges { cursor } } }',
            variables: { a: cursor },
          },
          rich,
        ),
      );
    }
    add(
      group,
      'orderEventLog after -2^31',
      post({ query: '{ orderEventLog(afterSequence: -2147483648, first: 100) { id } }' }, rich),
    );
    add(
      group,
      'orderEventLog after 2^31-1',
      post({ query: '{ orderEventLog(afterSequence: 2147483647) { id } }' }, rich),
      nothing,
    );
  }

  // --- transport -----------------------------------------------------------------------
  {
    const group = 'transport';
    const typename = { query: '{ __typename }' };
    const ackAll = {
      query: 'mutation { acknowledgeAllAlerts { acknowledged { id } userErrors { code } } }',
    };
    add(group, 'a batch of two queries', post([typename, typename], rich), refused);
    add(group, 'a batch of two mutations', post([ackAll, ackAll], rich), refused);
    add(
      group,
      'a batch of 1000',
      post(
        Array.from({ length: 1_000 }, () => typename),
        rich,
      ),
      refused,
    );
    add(group, 'an empty batch', post([], rich), refused);
    add(group, 'a nested batch', post([[typename]], rich), refused);
    add(group, 'a batch of strings', post(['{ __typename }'], rich), refused);
    add(
      group,
      'GET with a mutation',
      get({ query: ackAll.query }, rich),
      all(status(405), refused),
    );
    add(
      group,
      'GET with a mutation and an operationName',
      get(
        {
          query: `query Q { __typename } ${ackAll.query.replace('mutation', 'mutation M')}`,
          operationName: 'M',
        },
        rich,
      ),
      all(status(405), refused),
    );
    add(
      group,
      'GET with a mutation, no preflight header',
      { ...get({ query: ackAll.query }, rich), headers: { authorization: `Bearer ${rich}` } },
      refused,
    );
    add(
      group,
      'GET with a createChangeOrder',
      get(
        {
          query: `mutation { createChangeOrder(input: { customerId: "${ids.customer}", title: "via GET" }) { order { id } } }`,
        },
        rich,
      ),
      refused,
    );
    add(group, 'GET without a query', get({}, rich), refused);
    add(
      group,
      'GET with junk variables',
      get({ query: '{ __typename }', variables: '{not json' }, rich),
      refused,
    );
    add(
      group,
      'GET with variables that are a list',
      get({ query: '{ __typename }', variables: '[1,2]' }, rich),
      refused,
    );
    add(
      group,
      'GET with a 12 KB query',
      get({ query: `{ customers(search: "${junk(random, 12 * KB)}") { totalCount } }` }, rich),
    );
    add(
      group,
      'GET with a 100 KB query (over the header limit)',
      get({ query: `{ __typename ${' '.repeat(100 * KB)}}` }, rich),
      clientError,
      false,
    );
    const raw = (
      name: string,
      bodyText: string | Buffer,
      headers: Record<string, string> = JSON_HEADERS,
      check: Check = refused,
    ) =>
      add(
        group,
        name,
        {
          method: 'POST',
          path: '/graphql',
          headers: { ...headers, authorization: `Bearer ${rich}` },
          body: bodyText,
        },
        check,
      );
    raw('truncated JSON', '{"query": "{ __typename ');
    raw('trailing garbage', '{"query": "{ __typename }"} trailing');
    raw('single quotes', "{'query': '{ __typename }'}");
    raw('a trailing comma', '{"query": "{ __typename }",}');
    raw('NaN in JSON', '{"query": "{ __typename }", "variables": {"a": NaN}}');
    raw('a byte-order mark', '\ufeff{"query": "{ __typename }"}', JSON_HEADERS, () => undefined);
    raw('invalid UTF-8', Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]));
    raw(
      'binary junk',
      Buffer.from(Array.from({ length: 4_096 }, () => Math.floor(random() * 256))),
    );
    raw('JSON null', 'null');
    raw('JSON true', 'true');
    raw('a JSON string', '"{ __typename }"');
    raw('a JSON number', '42');
    raw('an empty object', '{}');
    raw('a null query', '{"query": null}');
    raw('an empty query', '{"query": ""}');
    raw('a blank query', '{"query": "   \\n\\t "}');
    raw('a query of only a comment', '{"query": "# nothing here"}');
    raw('a number as the query', '{"query": 42}');
    raw('an object as the query', '{"query": {"kind": "Document", "definitions": []}}');
    raw('variables as a string', '{"query": "{ __typename }", "variables": "{}"}');
    raw('variables as a list', '{"query": "{ __typename }", "variables": [1]}');
    raw('extensions as a string', '{"query": "{ __typename }", "extensions": "x"}');
    raw('operationName as a number', '{"query": "{ __typename }", "operationName": 7}');
    raw(
      'an unknown persisted query',
      JSON.stringify({
        extensions: {
          persistedQuery: { version: 1, sha256Hash: junk(random, 64, '0123456789abcdef') },
        },
      }),
      JSON_HEADERS,
      rejected,
    );
    raw(
      'a persisted query with a wrong hash',
      JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
      }),
      JSON_HEADERS,
      rejected,
    );
    raw(
      'a persisted query of an unknown version',
      JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 99, sha256Hash: 'x' } },
      }),
      JSON_HEADERS,
      rejected,
    );
    raw('no body', '');
    const bodyOf = JSON.stringify({ query: '{ viewer { role } }' });
    const typed = (contentType: string | undefined) => ({
      accept: 'application/json',
      ...(contentType ? { 'content-type': contentType } : {}),
    });
    raw('text/plain', bodyOf, typed('text/plain'));
    raw(
      'a form body',
      'query=%7B%20viewer%20%7B%20role%20%7D%20%7D',
      typed('application/x-www-form-urlencoded'),
    );
    raw(
      'multipart',
      `--b\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${bodyOf}\r\n--b--\r\n`,
      typed('multipart/form-data; boundary=b'),
    );
    raw('application/graphql', '{ viewer { role } }', typed('application/graphql'));
    raw('application/xml', '<query>{ viewer { role } }</query>', typed('application/xml'));
    raw('no content type', bodyOf, typed(undefined));
    raw('JSON declared as UTF-16', bodyOf, typed('application/json; charset=utf-16'));
    raw('JSON declared as latin1', bodyOf, typed('application/json; charset=latin1'));
    raw(
      'a bogus content type',
      bodyOf,
      typed('application/json; boundary=;;;;; charset="'),
      () => undefined,
    );
    raw('gzip that is not gzip', bodyOf, { ...JSON_HEADERS, 'content-encoding': 'gzip' });
    raw('an unknown content encoding', bodyOf, {
      ...JSON_HEADERS,
      'content-encoding': 'br, zstd, xyz',
    });
    raw(
      'a gzip bomb: 20 KB that inflates to 20 MB',
      gzipSync(
        Buffer.concat([
          Buffer.from('{"query":"{ __typename }","variables":{"pad":"'),
          Buffer.alloc(20 * MB, 0x61),
          Buffer.from('"}}'),
        ]),
      ),
      { ...JSON_HEADERS, 'content-encoding': 'gzip' },
      status(413),
    );
    raw(
      'an accept header of HTML only',
      bodyOf,
      { 'content-type': 'application/json', accept: 'text/html' },
      clientError,
    );
    raw(
      'an 8 MB body',
      JSON.stringify({ query: '{ __typename }', variables: { pad: 'p'.repeat(8 * MB) } }),
      JSON_HEADERS,
      status(413),
    );
    raw(
      '1 MB of whitespace before the JSON',
      `${' '.repeat(1 * MB + 10)}{"query":"{ __typename }"}`,
      JSON_HEADERS,
      status(413),
    );
    for (const method of ['PUT', 'DELETE', 'PATCH'])
      add(group, `${method} /graphql`, { ...post(ackAll, rich), method }, clientError);
    add(group, 'OPTIONS /graphql', {
      method: 'OPTIONS',
      path: '/graphql',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    add(group, 'HEAD /graphql', { method: 'HEAD', path: '/graphql?query=%7B__typename%7D' });
    add(group, 'TRACE /graphql', { method: 'TRACE', path: '/graphql' }, undefined, false);
    add(group, 'an unknown method', { method: 'BREW', path: '/graphql' }, undefined, false);
    for (const path of [
      '/graphql/',
      '/GRAPHQL',
      '/graphql;a=b',
      '/graphql%00',
      '/graphql/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/graphql?query=%7B__typename%7D&query=%7Bviewer%7Brole%7D%7D',
    ])
      add(
        group,
        `POST ${path}`,
        { ...post(typename, rich), path },
        undefined,
        path.startsWith('/graphql?'),
      );
  }

  // --- headers and credentials ---------------------------------------------------------
  {
    const group = 'credentials';
    const probe = { query: '{ viewer { role organization { name } } customers { totalCount } }' };
    const write = {
      query:
        'mutation { createApiKey(input: { name: "stolen", scopes: [READ, WRITE_ORDERS, SUBSCRIBE] }) { secret userErrors { code } } }',
    };
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: ids.richUserKey,
      org: ids.richOrgKey,
      role: 'RESELLER_ADMIN',
      iss: 'change-order-portal',
      iat: now,
      exp: now + 3_600,
    };
    const [header, , signature] = rich.split('.') as [string, string, string];
    const swappedClaims = Buffer.from(JSON.stringify({ ...claims, org: ids.otherOrgKey })).toString(
      'base64url',
    );
    const apiKeyPrefix = fixture.apiKeySecret.slice(0, 'cop_'.length + 16);
    const authorizations: [string, string][] = [
      ['the word Bearer', 'Bearer'],
      ['Bearer and blanks', 'Bearer    '],
      ['two tokens', `Bearer ${rich} ${rich}`],
      ['Basic credentials', 'Basic cmljaEBycy12ZXJ0aWNhbC5leGFtcGxlOmRlbW8='],
      ['a token without a scheme', rich],
      ['another scheme', `Token ${rich}`],
      ['random junk', `Bearer ${junk(random, 200)}`],
      ['a 10 KB token', `Bearer ${junk(random, 10 * KB)}`],
      ['a 15 KB token', `Bearer ${'z'.repeat(15 * KB)}`],
      [
        'a JWT signed with a wrong secret',
        `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-secret-of-this-installation-at-all')}`,
      ],
      [
        'an unsigned JWT (alg none)',
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
      ],
      ['a JWT claiming HS512', `Bearer ${jwt({ alg: 'HS512' }, claims, fixture.jwtSecret)}`],
      [
        'an expired JWT the server signed',
        `Bearer ${jwt({ alg: 'HS256' }, { ...claims, iat: now - 90_000, exp: now - 3_600 }, fixture.jwtSecret)}`,
      ],
      ["Rich's signature over RS-Other's claims", `Bearer ${header}.${swappedClaims}.${signature}`],
      ["Rich's token, one character short", `Bearer ${rich.slice(0, -1)}`],
      ["Rich's token with its signature cut", `Bearer ${header}.${rich.split('.')[1]}.`],
      [
        'an API key that does not exist',
        `Bearer cop_${junk(random, 16, '0123456789abcdef')}_${junk(random, 43)}`,
      ],
      ['a real API key prefix with a wrong secret', `Bearer ${apiKeyPrefix}_${junk(random, 43)}`],
      ['a real API key with a character more', `Bearer ${fixture.apiKeySecret}x`],
      ['a malformed API key', 'Bearer cop_short_key'],
      [
        'an API key with SQL',
        "Bearer cop_0123456789abcdef_' OR '1'='1' --aaaaaaaaaaaaaaaaaaaaaaaaa",
      ],
    ];
    for (const [name, authorization] of authorizations) {
      add(
        group,
        `${name} (query)`,
        post(probe, undefined, { authorization }),
        all(unauthenticated, noLeak(['RS-Vertical'])),
      );
      add(
        group,
        `${name} (mutation)`,
        post(write, undefined, { authorization }),
        all(unauthenticated, noLeak(['cop_'])),
      );
    }
    add(
      group,
      'a 64 KB Authorization header',
      post(probe, undefined, { authorization: `Bearer ${'q'.repeat(64 * KB)}` }),
      clientError,
      false,
    );
    add(
      group,
      'a 2000-character request id',
      post(probe, rich, { 'x-request-id': 'r'.repeat(2_000) }),
    );
    add(
      group,
      'a request id with odd characters',
      post(probe, rich, { 'x-request-id': '../../etc/passwd;{}' }),
    );
    add(
      group,
      'a forwarded-for of junk',
      post(probe, rich, { 'x-forwarded-for': `${junk(random, 50)}, ::1, 999.999.1.1` }),
    );
    add(group, 'a 10 KB cookie', post(probe, rich, { cookie: `session=${junk(random, 10 * KB)}` }));
    add(
      group,
      'a CSRF-shaped request with a valid token',
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${rich}` },
        body: JSON.stringify(write),
      },
      all(refused, noLeak(['cop_'])),
    );
    // A real API key of scope READ only: reads, never writes.
    const readKey = { authorization: `Bearer ${fixture.apiKeySecret}` };
    add(
      group,
      'a READ API key creating an API key',
      post(write, undefined, readKey),
      all(forbidden, noLeak(['cop_'])),
    );
    add(
      group,
      'a READ API key cancelling an order',
      post(
        {
          query:
            'mutation($i: OrderRefInput!) { cancelChangeOrder(input: $i) { order { id status } userErrors { code } } }',
          variables: { i: { orderId: ids.draft } },
        },
        undefined,
        readKey,
      ),
      forbidden,
    );
    add(
      group,
      'a READ API key acknowledging every alert',
      post(
        { query: 'mutation { acknowledgeAllAlerts { acknowledged { id } userErrors { code } } }' },
        undefined,
        readKey,
      ),
      forbidden,
    );
  }

  // --- introspection -------------------------------------------------------------------
  {
    const group = 'introspection';
    const typeRef = (depth: number): string =>
      depth === 0 ? 'name' : `kind name ofType { ${typeRef(depth - 1)} }`;
    const full = `query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name } types { kind name description fields(includeDeprecated: true) { name args { name type { ${typeRef(7)} } defaultValue } type { ${typeRef(7)} } isDeprecated } inputFields { name type { ${typeRef(7)} } } interfaces { name } enumValues(includeDeprecated: true) { name } possibleTypes { name } } directives { name locations args { name } } } }`;
    const queries: [string, string][] = [
      ['the full introspection query', full],
      ['__type 40 ofType deep', `{ __type(name: "Customer") { ${typeRef(40)} } }`],
      [
        '30 aliased __schema',
        `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { name fields { name type { name } } } }`).join(' ')} }`,
      ],
      ['__type with a 200 KB name', `{ __type(name: "${'T'.repeat(200 * KB)}") { name } }`],
      ['introspection in a mutation', 'mutation { __schema { types { name } } }'],
      [
        'introspection through a fragment',
        '{ ...I } fragment I on Query { __schema { types { name } } }',
      ],
    ];
    for (const [name, query] of queries) add(group, name, post({ query }, rich), refused);
    add(group, '__typename on the Mutation root', post({ query: 'mutation { __typename }' }, rich));
  }

  // --- mutations with every input wrong ------------------------------------------------
  {
    const group = 'wrong inputs';
    const literals: [string, string][] = [
      [
        'createChangeOrder',
        'createChangeOrder(input: { customerId: 1.5, title: 7, siteId: true, note: [1], owner: "x" }) { order { id } }',
      ],
      [
        'updateChangeOrder',
        'updateChangeOrder(input: { orderId: [], expectedVersion: "v", title: {}, siteId: 1.5, note: 7, implementationLeadId: false }) { order { id } }',
      ],
      [
        'setChangeOrderLines',
        'setChangeOrderLines(input: { orderId: {}, expectedVersion: 1.5, lines: [{ productId: 1.5, billingAccountId: [], delta: "ten" }] }) { order { id } }',
      ],
      [
        'setProductChange',
        'setProductChange(input: { orderId: 1.5, mode: SIDEWAYS, productId: {}, replacesProductId: [] }) { order { id } }',
      ],
      [
        'submitChangeOrder',
        'submitChangeOrder(input: { orderId: 1.5, msaAccepted: "yes", authorizationConfirmed: 1, idempotencyKey: {} }) { order { id } }',
      ],
      [
        'cancelChangeOrder',
        'cancelChangeOrder(input: { orderId: null, expectedVersion: "1" }) { order { id } }',
      ],
      [
        'approveChangeOrder',
        'approveChangeOrder(input: { orderId: [1], comment: 5 }) { order { id } }',
      ],
      ['rejectChangeOrder', 'rejectChangeOrder(input: "reject") { order { id } }'],
      ['finalConfirmChangeOrder', 'finalConfirmChangeOrder(input: { }) { order { id } }'],
      ['acknowledgeAlert', 'acknowledgeAlert(id: { id: 1 }) { acknowledged { id } }'],
      [
        'acknowledgeAllAlerts with an argument',
        'acknowledgeAllAlerts(all: true) { acknowledged { id } }',
      ],
      [
        'addContact',
        'addContact(input: { customerId: 1.5, name: [], email: 5 }) { contact { id } }',
      ],
      ['createApiKey', 'createApiKey(input: { name: 5, scopes: [GOD] }) { secret }'],
      ['revokeApiKey', 'revokeApiKey(id: null) { apiKey { id } }'],
      ['login', 'login(email: 5, password: true) { token }'],
    ];
    for (const [name, field] of literals)
      add(
        group,
        `${name}: every field of the wrong type`,
        post({ query: `mutation { ${field} }` }, rich),
        refused,
      );
    const mutation = (
      field: string,
      type: string,
      returns = 'order { id } userErrors { code field }',
    ) => `mutation($i: ${type}!) { ${field}(input: $i) { ${returns} } }`;
    const stale = ids.draftVersion + 1_000;
    const valued: [string, string, Json, Check][] = [
      [
        'updateChangeOrder: a stale version',
        mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
        { orderId: ids.draft, expectedVersion: stale, title: 'stale' },
        userErrors('STALE_VERSION'),
      ],
      [
        'updateChangeOrder: version -2^31',
        mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
        { orderId: ids.draft, expectedVersion: -(2 ** 31), title: 'neg' },
        userErrors('STALE_VERSION', 'VALIDATION'),
      ],
      [
        'updateChangeOrder: a 201-character title',
        mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
        { orderId: ids.draft, title: 'x'.repeat(201) },
        userErrors('VALIDATION'),
      ],
      [
        'updateChangeOrder: a product id as the site',
        mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
        { orderId: ids.draft, siteId: ids.product },
        userErrors('VALIDATION', 'NOT_FOUND'),
      ],
      [
        'updateChangeOrder: junk as the implementation lead',
        mutation('updateChangeOrder', 'UpdateChangeOrderInput'),
        { orderId: ids.draft, implementationLeadId: junk(random, 20) },
        userErrors('VALIDATION', 'NOT_FOUND'),
      ],
      [
        'setChangeOrderLines: a delta beyond ±100000',
        mutation('setChangeOrderLines', 'SetChangeOrderLinesInput'),
        {
          orderId: ids.draft,
          lines: [{ productId: ids.product, billingAccountId: ids.billingAccount, delta: 100_001 }],
        },
        userErrors('VALIDATION'),
      ],
      [
        'setChangeOrderLines: a delta of -2^31',
        mutation('setChangeOrderLines', 'SetChangeOrderLinesInput'),
        {
          orderId: ids.draft,
          lines: [
            { productId: ids.product, billingAccountId: ids.billingAccount, delta: -(2 ** 31) },
          ],
        },
        userErrors('VALIDATION'),
      ],
      [
        'setChangeOrderLines: 10000 lines of unknown products',
        mutation('setChangeOrderLines', 'SetChangeOrderLinesInput'),
        {
          orderId: ids.draft,
          lines: Array.from({ length: 10_000 }, () => ({
            productId: globalId('Product', uuid(random)),
            billingAccountId: ids.billingAccount,
            delta: 1,
          })),
        },
        userErrors('VALIDATION', 'NOT_FOUND'),
      ],
      [
        'setChangeOrderLines: a stale version with good lines',
        mutation('setChangeOrderLines', 'SetChangeOrderLinesInput'),
        {
          orderId: ids.draft,
          expectedVersion: stale,
          lines: [{ productId: ids.product, billingAccountId: ids.billingAccount, delta: 3 }],
        },
        userErrors('STALE_VERSION'),
      ],
      [
        'setProductChange: REPLACE of junk by junk',
        mutation('setProductChange', 'SetProductChangeInput'),
        {
          orderId: ids.draft,
          mode: 'REPLACE',
          productId: junk(random, 10),
          replacesProductId: ids.customer,
        },
        userErrors('VALIDATION', 'NOT_FOUND', 'INVALID_UPGRADE'),
      ],
      [
        'setProductChange: a stale version',
        mutation('setProductChange', 'SetProductChangeInput'),
        { orderId: ids.draft, expectedVersion: stale, mode: 'KEEP' },
        userErrors('STALE_VERSION'),
      ],
      [
        'submitChangeOrder: no tick boxes',
        mutation('submitChangeOrder', 'SubmitChangeOrderInput'),
        { orderId: ids.draft, msaAccepted: false, authorizationConfirmed: false },
        userErrors('MSA_NOT_ACCEPTED', 'AUTHORIZATION_NOT_CONFIRMED'),
      ],
      [
        'submitChangeOrder: a stale version',
        mutation('submitChangeOrder', 'SubmitChangeOrderInput'),
        {
          orderId: ids.draft,
          expectedVersion: stale,
          msaAccepted: true,
          authorizationConfirmed: true,
        },
        userErrors('STALE_VERSION'),
      ],
      [
        'submitChangeOrder: junk implementation lead',
        mutation('submitChangeOrder', 'SubmitChangeOrderInput'),
        {
          orderId: ids.draft,
          msaAccepted: true,
          authorizationConfirmed: true,
          implementationLeadId: ids.customer,
        },
        userErrors('VALIDATION', 'NOT_FOUND'),
      ],
      [
        'cancelChangeOrder: an approved order',
        mutation('cancelChangeOrder', 'OrderRefInput'),
        { orderId: ids.approved },
        userErrors('INVALID_TRANSITION'),
      ],
      [
        'finalConfirmChangeOrder: a draft',
        mutation('finalConfirmChangeOrder', 'OrderRefInput'),
        { orderId: ids.draft },
        userErrors('INVALID_TRANSITION'),
      ],
      [
        'finalConfirmChangeOrder: a stale version',
        mutation('finalConfirmChangeOrder', 'OrderRefInput'),
        { orderId: ids.approved, expectedVersion: ids.approvedVersion + 1_000 },
        userErrors('STALE_VERSION'),
      ],
      [
        'approveChangeOrder: by the reseller',
        mutation('approveChangeOrder', 'OrderDecisionInput'),
        { orderId: ids.approved },
        userErrors('FORBIDDEN', 'INVALID_TRANSITION'),
      ],
      [
        'addContact: a malformed e-mail',
        mutation('addContact', 'AddContactInput', 'contact { id } userErrors { code field }'),
        { customerId: ids.customer, name: 'Bad Mail', email: 'not-an-email' },
        userErrors('VALIDATION'),
      ],
      [
        'addContact: an e-mail of 10 KB',
        mutation('addContact', 'AddContactInput', 'contact { id } userErrors { code field }'),
        {
          customerId: ids.customer,
          name: 'Long Mail',
          email: `${'m'.repeat(10 * KB)}@example.com`,
        },
        userErrors('VALIDATION'),
      ],
      [
        'addContact: an e-mail with a header injection',
        mutation('addContact', 'AddContactInput', 'contact { id } userErrors { code field }'),
        {
          customerId: ids.customer,
          name: 'Inject',
          email: 'a@example.com\r\nBcc: all@example.com',
        },
        userErrors('VALIDATION'),
      ],
    ];
    for (const [name, query, input, check] of valued)
      add(group, name, post({ query, variables: { i: input } }, rich), check);
    add(
      group,
      'rejectChangeOrder: a draft, by the vendor',
      post(
        {
          query: mutation('rejectChangeOrder', 'OrderDecisionInput'),
          variables: { i: { orderId: ids.draft, comment: 'no' } },
        },
        tokens.kim,
      ),
      userErrors('NOT_FOUND', 'INVALID_TRANSITION', 'FORBIDDEN'),
    );
    add(
      group,
      'approveChangeOrder: an approved order again, by the vendor',
      post(
        {
          query: mutation('approveChangeOrder', 'OrderDecisionInput'),
          variables: { i: { orderId: ids.approved } },
        },
        tokens.kim,
      ),
      userErrors('INVALID_TRANSITION'),
    );
    add(
      group,
      'createApiKey: by a vendor approver',
      post(
        {
          query:
            'mutation { createApiKey(input: { name: "vendor key", scopes: [READ] }) { secret userErrors { code } } }',
        },
        tokens.kim,
      ),
      userErrors('FORBIDDEN'),
    );
  }

  // --- operation names and kinds ------------------------------------------------------
  {
    const group = 'operations';
    add(
      group,
      'an unknown operationName for an anonymous query',
      post({ query: '{ __typename }', operationName: 'Nope' }, rich),
      refused,
    );
    add(
      group,
      'an unknown operationName among named ones',
      post({ query: 'query A { __typename } query B { __typename }', operationName: 'C' }, rich),
      refused,
    );
    add(
      group,
      'two operations and no operationName',
      post({ query: 'query A { __typename } query B { __typename }' }, rich),
      refused,
    );
    add(
      group,
      'an anonymous and a named operation',
      post({ query: '{ __typename } query B { __typename }', operationName: 'B' }, rich),
      refused,
    );
    add(
      group,
      'two operations of one name',
      post(
        { query: 'query A { __typename } query A { viewer { role } }', operationName: 'A' },
        rich,
      ),
      refused,
    );
    add(
      group,
      'operationName naming a fragment',
      post(
        { query: 'query A { ...F } fragment F on Query { __typename }', operationName: 'F' },
        rich,
      ),
      refused,
    );
    add(
      group,
      'an empty operationName',
      post({ query: 'query A { __typename }', operationName: '' }, rich),
    );
    add(
      group,
      'a document of fragments only',
      post({ query: 'fragment F on Query { __typename }' }, rich),
      refused,
    );
    add(
      group,
      'a query and a mutation, the mutation chosen over GET',
      get(
        {
          query:
            'query Q { __typename } mutation M { acknowledgeAllAlerts { userErrors { code } } }',
          operationName: 'M',
        },
        rich,
      ),
      all(status(405), refused),
    );
    for (const subscription of [
      'subscription { alertRaised { id kind } }',
      `subscription { changeOrderUpdated(orderId: "${ids.draft}") { id title } }`,
      'subscription { orderEvents { sequence order { title } } }',
      'subscription A { alertRaised { id } } subscription B { orderEvents { sequence } }',
    ]) {
      add(
        group,
        `over HTTP: ${subscription.slice(0, 48)}`,
        post(
          { query: subscription, operationName: subscription.includes('A {') ? 'A' : undefined },
          rich,
        ),
        all(clientErrorOrErrors, noData),
      );
      add(
        group,
        `over HTTP, anonymous: ${subscription.slice(0, 40)}`,
        post({
          query: subscription,
          operationName: subscription.includes('A {') ? 'B' : undefined,
        }),
        all(clientErrorOrErrors, noData),
      );
    }
    add(
      group,
      'a subscription over GET',
      get({ query: 'subscription { alertRaised { id } }' }, rich),
      all(clientErrorOrErrors, noData),
    );
    const syntax: [string, string][] = [
      ['an unterminated string', '{ customers(search: "abc) { totalCount } }'],
      ['a bad escape', '{ customers(search: "\\u{ZZZZ}") { totalCount } }'],
      ['an unclosed brace', '{ viewer { role }'],
      ['a stray brace', '}'],
      ['a control character', '{ viewer \u0001 { role } }'],
      ['the keyword alone', 'mutation'],
      ['a type definition', 'type Query { hacked: Int }'],
      ['a schema extension', 'extend type Query { hacked: Int } { __typename }'],
      ['a schema definition', 'schema { query: Query }'],
      ['100000 opening braces', '{'.repeat(100_000)],
      ['a 500 KB comment', `# ${'c'.repeat(500 * KB)}\n{ __typename }`],
    ];
    for (const [name, query] of syntax)
      add(
        group,
        `syntax: ${name}`,
        post({ query }, rich),
        name === 'a 500 KB comment' ? undefined : refused,
      );
  }

  // --- download links ------------------------------------------------------------------
  {
    const group = 'download links';
    const link = new URL(fixture.downloadPath, 'http://x');
    const withParam = (key: string, value: string) => {
      const changed = new URL(link);
      changed.searchParams.set(key, value);
      return `${changed.pathname}${changed.search}`;
    };
    const sig = link.searchParams.get('sig') ?? '';
    const paths: [string, string][] = [
      ['a tampered signature', withParam('sig', `${sig.slice(0, -2)}AA`)],
      ['no signature', withParam('sig', '')],
      ['a 50 KB signature', withParam('sig', 's'.repeat(50 * KB))],
      ["RS-Other's organisation", withParam('org', ids.otherOrgKey)],
      [
        'an expiry pushed a year ahead',
        withParam('exp', String(Date.now() + 365 * 24 * 3_600_000)),
      ],
      ['an expiry that is not a number', withParam('exp', 'NaN')],
      ['an expiry of 1e400', withParam('exp', '1e400')],
      ['an organisation that is not a uuid', withParam('org', "' OR '1'='1")],
      ['the parameters given twice', `${link.pathname}${link.search}&org=${ids.otherOrgKey}&sig=x`],
      ['the parameters as arrays', `${link.pathname}?org[]=${ids.richOrgKey}&exp[]=1&sig[]=x`],
      ['an unknown file', `/files/${uuid(random)}${link.search}`],
      [
        'a file id that is not a uuid',
        `/files/${encodeURIComponent("1' OR '1'='1")}${link.search}`,
      ],
      ['a path traversal', `/files/..%2f..%2f..%2fetc%2fpasswd${link.search}`],
      ['no parameters', link.pathname],
    ];
    for (const [name, path] of paths)
      add(
        group,
        name,
        { method: 'GET', path },
        all(clientError, noLeak(['PK\u0003\u0004', 'Vertical Demo'])),
      );
    add(
      group,
      'POST to a download link',
      { method: 'POST', path: fixture.downloadPath, headers: JSON_HEADERS, body: '{}' },
      clientError,
      false,
    );
  }

  return cases;
}

/** Subscriptions do not run over HTTP: refused, or at least answered with an error. */
const clientErrorOrErrors: Check = (answer) =>
  answer.status >= 400 || errorsOf(answer).length > 0
    ? undefined
    : 'a subscription over HTTP answered';

/** No data of any root field. */
const noData: Check = (answer) => {
  const data = body(answer).data as Json | null | undefined;
  return !data || Object.values(data).every((value) => value === null)
    ? undefined
    : 'returned data';
};
