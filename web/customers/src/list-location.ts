/** The customer list's search and page in its address: `/customers?search=acme&after=…`. */
import { listAddressHref, readListAddress } from '@portal/web-shared';

export interface CustomerListLocation {
  /** The search, trimmed; `''` for every customer. */
  search: string;
  /** The `after` cursors of the pages up to this one (see `ListAddress`). */
  cursors: string[];
}

export function customerListLocationOf(search: string): CustomerListLocation {
  const { filter, cursors } = readListAddress(search, 'search');
  return { search: filter, cursors };
}

export function customerListHref(location: CustomerListLocation): string {
  return listAddressHref('/customers', 'search', {
    filter: location.search,
    cursors: location.cursors,
  });
}
