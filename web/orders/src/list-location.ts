/** Order Management's status filter and page in its address: `/orders?status=APPROVED&after=…`. */
import { listAddressHref, readListAddress } from '@portal/web-shared';

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
  /** The `after` cursors of the pages up to this one (see `ListAddress`). */
  cursors: string[];
}

/** The filter and page a query string names; an unknown status means all statuses. */
export function listLocationOf(search: string): ListLocation {
  const { filter, cursors } = readListAddress(search, 'status');
  const status = (STATUSES as readonly string[]).includes(filter) ? (filter as Status) : '';
  return { status, cursors };
}

export function listHref(location: ListLocation): string {
  return listAddressHref('/orders', 'status', {
    filter: location.status,
    cursors: location.cursors,
  });
}
