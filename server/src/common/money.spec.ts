import { describe, expect, it } from 'vitest';
import { Money, money, sum, times } from './money.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('times', () => {
  it('multiplies a unit price in cents by a quantity', () => {
    expect(times(1_250, 50)).toBe(62_500);
    expect(times(1_899, 0)).toBe(0);
    expect(times(315, -20)).toBe(-6_300);
  });

  it('accepts a product that is exactly the largest safe integer', () => {
    expect(times(MAX, 1)).toBe(MAX);
    expect(times(-MAX, 1)).toBe(-MAX);
  });

  it('throws a RangeError for a product beyond the safe integer range', () => {
    expect(() => times(MAX, 2)).toThrow(RangeError);
    expect(() => times(2 ** 40, 2 ** 20)).toThrow(RangeError);
    expect(() => times(-MAX, 3)).toThrow(RangeError);
    expect(() => times(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
    expect(() => times(Number.NaN, 1)).toThrow(RangeError);
  });

  it('throws a RangeError for a fraction of a cent', () => {
    expect(() => times(12.5, 3)).toThrow(RangeError);
    expect(() => times(0.1, 3)).toThrow(RangeError);
  });

  it('refuses a fractional unit price even when the product happens to be whole', () => {
    // Integer cents throughout (SPEC.md "Money"): a price of half a cent is not money.
    expect(() => times(0.5, 2)).toThrow(RangeError);
    expect(() => times(12.5, 2)).toThrow(RangeError);
  });
});

describe('sum', () => {
  it('adds amounts in cents, 0 for none', () => {
    expect(sum([])).toBe(0);
    expect(sum([62_500, 15_750, -6_300])).toBe(71_950);
  });

  it('accepts a total that is exactly the largest safe integer', () => {
    expect(sum([MAX - 1, 1])).toBe(MAX);
  });

  it('throws a RangeError for a total beyond the safe integer range', () => {
    expect(() => sum([MAX, 1])).toThrow(RangeError);
    expect(() => sum([MAX, MAX])).toThrow(RangeError);
    expect(() => sum([-MAX, -2])).toThrow(RangeError);
    expect(() => sum([Number.NaN])).toThrow(RangeError);
  });

  it('throws a RangeError for a fraction of a cent', () => {
    expect(() => sum([0.1, 0.2])).toThrow(RangeError);
    expect(() => sum([100, 0.5])).toThrow(RangeError);
  });

  it('refuses fractional amounts even when they add up to whole cents', () => {
    expect(() => sum([0.5, 0.5])).toThrow(RangeError);
  });

  it('refuses a running total that leaves the safe range, rather than answer a rounded figure', () => {
    // MAX + 2 is not representable (it rounds to MAX + 1); subtracting 2 then gives MAX - 1,
    // one cent short of the true total MAX.
    expect(() => sum([MAX, 2, -2])).toThrow(RangeError);
  });
});

describe('money', () => {
  it('makes a Money of integer cents and a currency', () => {
    const value = money(78_250, 'USD');
    expect(value).toBeInstanceOf(Money);
    expect(value).toEqual(Object.assign(new Money(), { cents: 78_250, currency: 'USD' }));
  });

  it('refuses cents that are not a safe integer', () => {
    expect(() => money(1.5, 'USD')).toThrow(RangeError);
    expect(() => money(MAX + 1, 'USD')).toThrow(RangeError);
  });
});
