/**
 * A paged list's one filter and its page, kept in the address rather than only in memory,
 * so that a reload, the back and forward buttons and a shared link bring them back:
 * `<path>?<key>=<value>&after=<cursor>&after=<cursor>`. Pagination only goes forward, so
 * the cursors of every page up to this one are kept (the last is this page's): "Previous
 * page" and "rows 41–60" then work on a reloaded or shared page too.
 */
export interface ListAddress {
  /** The filter's value, trimmed; `''` for none. */
  filter: string;
  /** The `after` cursors of the pages up to this one, in order; empty on page 1. */
  cursors: string[];
}

/** The filter (under `key`) and page a query string names; anything missing: none, page 1. */
export function readListAddress(search: string, key: string): ListAddress {
  const params = new URLSearchParams(search);
  return {
    filter: (params.get(key) ?? '').trim(),
    cursors: params.getAll('after').filter((cursor) => cursor !== ''),
  };
}

/** The list's address at that filter and page: the plain `path` for none, page 1. */
export function listAddressHref(path: string, key: string, address: ListAddress): string {
  const params = new URLSearchParams();
  if (address.filter) params.set(key, address.filter);
  for (const cursor of address.cursors) params.append('after', cursor);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
