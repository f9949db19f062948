/**
 * What every group of cases is made with: the context `hostileHttpCases` hands each group (the
 * suite's fixture and the one seeded PRNG, shared so that the groups draw from it in order),
 * and the list a group adds its cases to, each stamped with the group's name.
 */
import type { Check, Fixture, HostileCase, HostileRequest } from './types.js';

export interface GroupContext {
  fixture: Fixture;
  /** The PRNG of the whole run: a group draws from it where the previous one stopped. */
  random: () => number;
}

/** One group's cases, and `add` for the next: the body must be JSON unless told otherwise. */
export function caseList(group: string) {
  const cases: HostileCase[] = [];
  const add = (name: string, request: HostileRequest, check?: Check, json = true) => {
    cases.push({ group, name, request, check, json });
  };
  return { cases, add };
}
