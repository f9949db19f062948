/**
 * The customer list's search and page live in its address, not only in memory, so that a
 * reload, the back and forward buttons and a shared link bring them back:
 * `/customers?search=acme&after=<cursor>&after=<cursor>` (as Order Management keeps its own).
 */

export interface CustomerListLocation {
  /** The search, trimmed; `''` for every customer. */
  search: string;
  /**
   * The `after` cursors of the pages up to this one, in order; empty on page 1. The earlier
   * ones are kept so that "Previous page" and "Page n" work on a reloaded or shared page too.
   */
  cursors: string[];
}

/** The search and page a query string names; anything missing means all customers, page 1. */
export function customerListLocationOf(search: string): CustomerListLocation {
  const params = new URLSearchParams(search);
  return {
    search: (params.get('search') ?? '').trim(),
    cursors: params.getAll('after').filter((cursor) => cursor !== ''),
  };
}

/** The address of the list at that search and page: plain `/customers` for all, page 1. */
export function customerListHref(location: CustomerListLocation): string {
  const params = new URLSearchParams();
  if (location.search) params.set('search', location.search);
  for (const cursor of location.cursors) params.append('after', cursor);
  const query = params.toString();
  return query ? `/customers?${query}` : '/customers';
}
