/**
 * What an answer to a hostile request must be. First the invariants every answer keeps,
 * whatever was sent (`answerProblems`: no 5xx, JSON or nothing, no stack trace, no database
 * internals, no internal error); then the checks a case adds on top (`Check`s): refused,
 * rejected, unauthenticated, forbidden, nothing found or done, no leak of another tenant's text.
 */
import type { Check, HttpAnswer, Json } from './types.js';

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

// ---------------------------------------------------------------------------------------
// Expectations

const body = (answer: HttpAnswer) => (answer.json ?? {}) as Json;
const errorsOf = (answer: HttpAnswer) => (body(answer).errors ?? []) as Json[];
export const codes = (answer: HttpAnswer) =>
  errorsOf(answer).map((error) => error.extensions?.code);

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

/** Subscriptions do not run over HTTP: refused, or at least answered with an error. */
export const clientErrorOrErrors: Check = (answer) =>
  answer.status >= 400 || errorsOf(answer).length > 0
    ? undefined
    : 'a subscription over HTTP answered';

/** No data of any root field. */
export const noData: Check = (answer) => {
  const data = body(answer).data as Json | null | undefined;
  return !data || Object.values(data).every((value) => value === null)
    ? undefined
    : 'returned data';
};
