import { describe, expect, it } from 'vitest';
import {
  deltaFault,
  deltaProblem,
  deltasOf,
  gridSummary,
  MAX_DELTA,
  orderLines,
  parseDelta,
  rowKey,
  stepDelta,
  toBe,
} from './grid-math';
import { gridRow } from './test-rows';

const row = gridRow;

describe('grid maths', () => {
  it('reads a typed Order(+/-), treating an empty field or a lone sign as 0', () => {
    expect(parseDelta('5')).toBe(5);
    expect(parseDelta(' -3 ')).toBe(-3);
    expect(parseDelta('+2')).toBe(2);
    expect(parseDelta('')).toBe(0);
    expect(parseDelta('-')).toBe(0);
    expect(parseDelta('1.5')).toBe(1.5);
    expect(parseDelta('abc')).toBeNaN();
    expect(parseDelta('1e3')).toBeNaN();
  });

  it('tells a delta that is not a whole number from one out of range', () => {
    expect(deltaFault(3)).toBeNull();
    expect(deltaFault(2.5)).toBe('notWhole');
    expect(deltaFault(Number.NaN)).toBe('notWhole');
    expect(deltaFault(-MAX_DELTA - 1)).toBe('outOfRange');
  });

  it('says why a delta cannot be ordered', () => {
    expect(deltaProblem(-7)).toBeNull();
    expect(deltaProblem(1.5)).toBe('Enter a whole number.');
    expect(deltaProblem(Number.NaN)).toBe('Enter a whole number.');
    expect(deltaProblem(MAX_DELTA + 1)).toMatch(/between -100000 and 100000/);
    expect(deltaProblem(-MAX_DELTA)).toBeNull();
  });

  it('computes To Be(EA) as Available + Order(+/-), ignoring an unusable delta', () => {
    expect(toBe(12, 3)).toBe(15);
    expect(toBe(2, -3)).toBe(-1);
    expect(toBe(2, 1.5)).toBe(2);
  });

  it('steps a delta by one, from 0 when it is unusable, within the limits', () => {
    expect(stepDelta(0, 1)).toBe(1);
    expect(stepDelta(0, -1)).toBe(-1);
    expect(stepDelta(Number.NaN, 1)).toBe(1);
    expect(stepDelta(MAX_DELTA, 1)).toBe(MAX_DELTA);
  });

  it('sends the non-zero, usable deltas in grid order', () => {
    const rows = [row('a', 0), row('b', 5), row('c', 1), row('d', 0)];
    const deltas = {
      [rows[2]!.key]: -1,
      [rows[0]!.key]: 2,
      [rows[1]!.key]: 0,
      [rows[3]!.key]: 0.5,
    };
    expect(orderLines(rows, deltas)).toEqual([
      { productId: 'a', billingAccountId: 'ba-1', delta: 2 },
      { productId: 'c', billingAccountId: 'ba-1', delta: -1 },
    ]);
  });

  it('keeps what the server holds for a row whose delta cannot be sent, and sends the others', () => {
    const rows = [row('a', 0), row('b', 5), row('c', 1)];
    const deltas = { [rows[0]!.key]: 1.5, [rows[1]!.key]: 2, [rows[2]!.key]: MAX_DELTA + 1 };
    const saved = { [rows[0]!.key]: 3, [rows[1]!.key]: 1 };
    expect(orderLines(rows, deltas, saved)).toEqual([
      { productId: 'a', billingAccountId: 'ba-1', delta: 3 },
      { productId: 'b', billingAccountId: 'ba-1', delta: 2 },
    ]);
  });

  it('counts changed, negative and unusable rows', () => {
    const rows = [row('a', 0), row('b', 5), row('c', 1)];
    expect(
      gridSummary(rows, { [rows[0]!.key]: -1, [rows[1]!.key]: 2, [rows[2]!.key]: Number.NaN }),
    ).toEqual({
      changed: 2,
      negative: 1,
      notWhole: 1,
      outOfRange: 0,
      invalid: 1,
    });
  });

  it('counts an unusable row under what is wrong with it, and never also as below zero', () => {
    const rows = [row('a', 0), row('b', 5), row('c', 1), row('d', 3)];
    expect(
      gridSummary(rows, {
        [rows[0]!.key]: MAX_DELTA + 1,
        [rows[1]!.key]: -MAX_DELTA - 1,
        [rows[2]!.key]: 0.5,
        [rows[3]!.key]: -4,
      }),
    ).toEqual({ changed: 1, negative: 1, notWhole: 1, outOfRange: 2, invalid: 3 });
  });

  it('fills the grid of a resumed draft from its lines', () => {
    expect(deltasOf([{ product: { id: 'a' }, billingAccount: { id: 'ba-1' }, delta: 4 }])).toEqual({
      [rowKey('a', 'ba-1')]: 4,
    });
  });
});
