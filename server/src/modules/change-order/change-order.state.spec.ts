import { describe, expect, it } from 'vitest';
import { OrderStatus } from './change-order.enums.js';
import { assertTransitionTableSound, canTransition, TRANSITIONS } from './change-order.state.js';

const { DRAFT, SUBMITTED, APPROVED, REJECTED, CONFIRMED, CANCELLED } = OrderStatus;

/** SPEC.md "The order's life", written out by hand. */
const SPEC_DIAGRAM: Record<OrderStatus, OrderStatus[]> = {
  [DRAFT]: [SUBMITTED, CANCELLED],
  [SUBMITTED]: [APPROVED, REJECTED, CANCELLED],
  [APPROVED]: [CONFIRMED],
  [REJECTED]: [],
  [CONFIRMED]: [],
  [CANCELLED]: [],
};

const statuses = Object.values(OrderStatus);
const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

describe('the transition table', () => {
  it('covers the six statuses', () => {
    expect(statuses).toHaveLength(6);
    expect(pairs).toHaveLength(36);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...statuses].sort());
  });

  it.each(pairs)('%s → %s is allowed exactly when the spec draws it', (from, to) => {
    expect(canTransition(from, to)).toBe(SPEC_DIAGRAM[from].includes(to));
  });

  it('allows the six moves of the diagram and no other', () => {
    const allowed = pairs.filter(([from, to]) => canTransition(from, to));
    expect(allowed.map(([from, to]) => `${from}→${to}`).sort()).toEqual(
      [
        'DRAFT→SUBMITTED',
        'DRAFT→CANCELLED',
        'SUBMITTED→APPROVED',
        'SUBMITTED→REJECTED',
        'SUBMITTED→CANCELLED',
        'APPROVED→CONFIRMED',
      ].sort(),
    );
  });

  it('has no way out of REJECTED, CONFIRMED or CANCELLED', () => {
    for (const end of [REJECTED, CONFIRMED, CANCELLED]) {
      expect(TRANSITIONS[end]).toEqual([]);
    }
  });
});

describe('assertTransitionTableSound', () => {
  const table = (): Record<string, string[]> =>
    Object.fromEntries(Object.entries(SPEC_DIAGRAM).map(([from, to]) => [from, [...to]]));

  it('passes for the real table, its default argument', () => {
    expect(() => assertTransitionTableSound()).not.toThrow();
    expect(() => assertTransitionTableSound(TRANSITIONS)).not.toThrow();
    expect(() => assertTransitionTableSound(table())).not.toThrow();
  });

  it('throws for a table missing a status', () => {
    const broken = table();
    delete broken[CANCELLED];
    expect(() => assertTransitionTableSound(broken)).toThrow(/CANCELLED/);
  });

  it('throws for an entry of an unknown status', () => {
    expect(() => assertTransitionTableSound({ ...table(), ARCHIVED: [] })).toThrow(/ARCHIVED/);
  });

  it('throws for a transition to an unknown status', () => {
    const broken = table();
    broken[APPROVED] = [CONFIRMED, 'INVOICED'];
    expect(() => assertTransitionTableSound(broken)).toThrow(/INVOICED/);
  });

  it('throws for a self-loop', () => {
    const broken = table();
    broken[SUBMITTED] = [...broken[SUBMITTED]!, SUBMITTED];
    expect(() => assertTransitionTableSound(broken)).toThrow(/itself/);
  });

  it('throws for a status that cannot be reached from DRAFT', () => {
    const broken = table();
    broken[APPROVED] = [];
    expect(() => assertTransitionTableSound(broken)).toThrow(/unreachable CONFIRMED/);
  });

  it('names every unreachable status', () => {
    const broken = table();
    broken[DRAFT] = [CANCELLED];
    expect(() => assertTransitionTableSound(broken)).toThrow(
      /unreachable SUBMITTED, APPROVED, REJECTED, CONFIRMED/,
    );
  });

  it('counts reachability through transitions, not mere presence as a target', () => {
    // CONFIRMED is a target, but only of APPROVED, which nothing reaches.
    const broken = table();
    broken[SUBMITTED] = [REJECTED, CANCELLED];
    expect(() => assertTransitionTableSound(broken)).toThrow(/unreachable APPROVED, CONFIRMED/);
  });

  it('throws for a transition into a status that records no event (back to DRAFT)', () => {
    // Its TSDoc promises that every target "records an event"; DRAFT records none.
    const broken = table();
    broken[SUBMITTED] = [...broken[SUBMITTED]!, DRAFT];
    expect(() => assertTransitionTableSound(broken)).toThrow(/DRAFT/);
  });
});
