import { GraphQLError } from 'graphql';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

export const MAX_PAGE_SIZE = 100;

/** A bad argument of a query: a request failure naming the argument (queries have no userErrors). */
export function badArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** `first` must be 1..100; null means the default of 20. */
export function pageSize(first: number | null | undefined): number {
  first ??= 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badArgument('first', `first must be between 1 and ${MAX_PAGE_SIZE} (got ${first}).`);
  }
  return first;
}

/** Opaque cursors: base64url of a JSON array of the sort keys of the last row seen. */
export function encodeCursor(keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(keys), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A key of a cursor: text (no NUL, which PostgreSQL refuses), a uuid, or a safe integer. */
function keyFits(key: unknown, kind: 'string' | 'number' | 'uuid'): boolean {
  if (kind === 'number') return typeof key === 'number' && Number.isSafeInteger(key);
  if (typeof key !== 'string' || key.includes('\u0000')) return false;
  return kind === 'string' || UUID.test(key);
}

export function decodeCursor<T extends (string | number)[]>(
  cursor: string,
  shape: readonly ('string' | 'number' | 'uuid')[],
): T {
  try {
    const keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(keys) &&
      keys.length === shape.length &&
      keys.every((key, i) => keyFits(key, shape[i]!))
    ) {
      return keys as T;
    }
  } catch {
    // falls through to the error below
  }
  throw badArgument('after', 'after is not a cursor this list gave out.');
}

/** Rows fetched with one extra, cut to a page: edges, hasNextPage and the end cursor. */
export function toPage<T>(rows: T[], size: number, cursorOf: (row: T) => string) {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
  };
}

/**
 * Gives a page its `totalCount`, counted only when a query selects the field: the count is
 * a statement of its own, and most pages (the SPA's lists, polling dashboards) never ask.
 * A getter, read by the field's resolver; the count runs once however often it is read.
 */
export function withLazyTotal<T extends object>(
  page: T,
  count: () => Promise<number>,
): T & { readonly totalCount: Promise<number> } {
  let counted: Promise<number> | undefined;
  return Object.defineProperty(page, 'totalCount', {
    enumerable: true,
    get: () => (counted ??= count()),
  }) as T & { readonly totalCount: Promise<number> };
}
