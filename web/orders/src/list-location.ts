/**
 * Order Management's status filter and page live in its address, not only in memory, so
 * that a reload, the back and forward buttons and a shared link all bring them back:
 * `/orders?status=APPROVED&after=<cursor>&after=<cursor>`.
 */

export const STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'CONFIRMED',
  'CANCELLED',
] as const;
export type Status = (typeof STATUSES)[number];

export interface ListLocation {
  /** The status shown, or `''` for all. */
  status: Status | '';
  /**
   * The `after` cursors of the pages up to this one, in order; empty on page 1. The last is
   * this page's; the earlier ones are kept (pagination only goes forward) so that "Previous
   * page" and the "Orders 41–60" count work on a reloaded or shared page too.
   */
  cursors: string[];
}

/** The filter and page a query string names; anything unknown means all statuses, page 1. */
export function listLocationOf(search: string): ListLocation {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : '',
    cursors: params.getAll('after').filter((cursor) => cursor !== ''),
  };
}

/** The address of Order Management at that filter and page: plain `/orders` for all, page 1. */
export function listHref(location: ListLocation): string {
  const params = new URLSearchParams();
  if (location.status) params.set('status', location.status);
  for (const cursor of location.cursors) params.append('after', cursor);
  const query = params.toString();
  return query ? `/orders?${query}` : '/orders';
}
