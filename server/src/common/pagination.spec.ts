import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  PageInfo,
  pageSize,
  toPage,
} from './pagination.js';

/** Runs `fn`, expecting it to throw; answers what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, got none');
}

function expectBadArgument(fn: () => unknown, argument: string) {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
}

describe('cursors', () => {
  it('round-trip the sort keys of a row', () => {
    const keys: [string, number] = ['2025-03-01T10:00:00.000Z', 500001];
    expect(decodeCursor(encodeCursor(keys), ['string', 'number'])).toEqual(keys);
  });

  it('round-trip strings of any kind, and no keys at all', () => {
    const keys: [string, string] = ['Öl & "quotes", / + =', ''];
    expect(decodeCursor(encodeCursor(keys), ['string', 'string'])).toEqual(keys);
    expect(decodeCursor(encodeCursor([]), [])).toEqual([]);
  });

  it('are opaque and safe in a URL', () => {
    const cursor = encodeCursor(['Vertical Demo', 42]);
    expect(cursor).not.toContain('Vertical');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('differ for different keys', () => {
    expect(encodeCursor(['a', 1])).not.toBe(encodeCursor(['a', 2]));
  });

  it.each([
    ['an empty string', ''],
    ['garbage', '!!!not a cursor!!!'],
    ['base64 of text that is not JSON', Buffer.from('hello').toString('base64url')],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['a JSON string', Buffer.from('"abc"').toString('base64url')],
    ['JSON null', Buffer.from('null').toString('base64url')],
  ])('reject %s with BAD_USER_INPUT on `after`', (_what, cursor) => {
    expectBadArgument(() => decodeCursor(cursor, ['string', 'number']), 'after');
  });

  it('reject a cursor with too few or too many keys', () => {
    expectBadArgument(() => decodeCursor(encodeCursor(['a']), ['string', 'number']), 'after');
    expectBadArgument(() => decodeCursor(encodeCursor(['a', 1, 2]), ['string', 'number']), 'after');
  });

  it('reject a cursor whose keys have the wrong types', () => {
    expectBadArgument(() => decodeCursor(encodeCursor([1, 'a']), ['string', 'number']), 'after');
    expectBadArgument(() => decodeCursor(encodeCursor(['a', '1']), ['string', 'number']), 'after');
    const withNull = Buffer.from('["a",null]').toString('base64url');
    expectBadArgument(() => decodeCursor(withNull, ['string', 'number']), 'after');
  });

  it('reject a cursor of another list, shaped differently', () => {
    const ofEvents = encodeCursor([1234]);
    expectBadArgument(() => decodeCursor(ofEvents, ['string', 'string']), 'after');
  });
});

describe('pageSize', () => {
  it('defaults to 20 for null or undefined', () => {
    expect(pageSize(null)).toBe(20);
    expect(pageSize(undefined)).toBe(20);
  });

  it('accepts 1 to 100', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(37)).toBe(37);
    expect(pageSize(100)).toBe(100);
  });

  it.each([0, -1, 101, 1_000, 2.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %s with BAD_USER_INPUT on `first`',
    (first) => {
      expectBadArgument(() => pageSize(first), 'first');
    },
  );
});

describe('toPage', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const cursorOf = (row: { id: string }) => `cursor-${row.id}`;

  it('cuts the extra row off and says there is a next page', () => {
    const page = toPage(rows, 2, cursorOf);
    expect(page.edges).toEqual([
      { cursor: 'cursor-a', node: rows[0] },
      { cursor: 'cursor-b', node: rows[1] },
    ]);
    expect(page.pageInfo).toBeInstanceOf(PageInfo);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, endCursor: 'cursor-b' });
  });

  it('gives every row and no next page when they fit', () => {
    for (const size of [3, 10]) {
      const page = toPage(rows, size, cursorOf);
      expect(page.edges.map((edge) => edge.node)).toEqual(rows);
      expect(page.pageInfo).toMatchObject({ hasNextPage: false, endCursor: 'cursor-c' });
    }
  });

  it('gives a null end cursor for an empty page', () => {
    const page = toPage([], 20, cursorOf);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
  });

  it('works with real cursors: the end cursor decodes to the last row of the page', () => {
    const orders = [
      { number: 500001, title: 'First' },
      { number: 500002, title: 'Second' },
      { number: 500003, title: 'Third' },
    ];
    const page = toPage(orders, 2, (order) => encodeCursor([order.number]));
    expect(decodeCursor(page.pageInfo.endCursor!, ['number'])).toEqual([500002]);
  });
});
