/**
 * A deterministic generator of malformed and hostile HTTP requests against the portal, for the
 * abuse suite: deep, wide and aliased operations, fragment cycles and fan-outs, huge strings,
 * wrong variable types, unknown, malformed and other tenants' ids, absurd page sizes and
 * cursors, batched arrays, GET mutations, bad JSON, wrong content types, oversized bodies, odd
 * methods and headers, forged credentials, introspection, subscriptions over HTTP and tampered
 * download links. Each group lives in its own file under groups/; this one runs them in order
 * on one seeded PRNG, so each run sends the same bytes (but for token and link times, taken
 * from the clock), and re-exports what the suite uses.
 *
 * Each case carries what must hold beyond the invariants every answer must keep
 * (`answerProblems`: no 5xx, JSON or nothing, no stack trace, no internal error).
 */
import type { GroupContext } from './group.js';
import { aliasCases } from './groups/aliases.js';
import { credentialCases } from './groups/credentials.js';
import { depthCases } from './groups/depth.js';
import { downloadLinkCases } from './groups/download-links.js';
import { fragmentCases } from './groups/fragments.js';
import { hugeStringCases } from './groups/huge-strings.js';
import { introspectionCases } from './groups/introspection.js';
import { malformedIdCases } from './groups/malformed-ids.js';
import { operationCases } from './groups/operations.js';
import { otherTenantCases } from './groups/other-tenants.js';
import { paginationCases } from './groups/pagination.js';
import { transportCases } from './groups/transport.js';
import { wideCases } from './groups/wide.js';
import { wrongInputCases } from './groups/wrong-inputs.js';
import { wrongVariableCases } from './groups/wrong-variables.js';
import { prng } from './random.js';
import type { Fixture, HostileCase } from './types.js';

export { answerProblems } from './checks.js';
export { jwt, send } from './http.js';
export type { Check, Fixture, HostileCase, HostileRequest, HttpAnswer } from './types.js';

/**
 * The groups, each with what generates its cases, in the order they are generated and sent.
 * The order is part of the bytes: the groups draw from one PRNG, each where the last stopped.
 */
const GROUPS = [
  ['depth', depthCases],
  ['wide', wideCases],
  ['aliases', aliasCases],
  ['fragments', fragmentCases],
  ['huge strings', hugeStringCases],
  ['wrong variable types', wrongVariableCases],
  ['malformed ids', malformedIdCases],
  ["other tenants' ids", otherTenantCases],
  ['pagination', paginationCases],
  ['transport', transportCases],
  ['credentials', credentialCases],
  ['introspection', introspectionCases],
  ['wrong inputs', wrongInputCases],
  ['operations', operationCases],
  ['download links', downloadLinkCases],
] as const satisfies readonly (readonly [string, (context: GroupContext) => HostileCase[]])[];

/** The groups of `hostileHttpCases`, in the order they are sent. */
export const HTTP_GROUPS = GROUPS.map(([group]) => group);

export function hostileHttpCases(fixture: Fixture, seed = 7): HostileCase[] {
  const context: GroupContext = { fixture, random: prng(seed) };
  return GROUPS.flatMap(([, generate]) => generate(context));
}
