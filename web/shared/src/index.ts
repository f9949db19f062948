export {
  announceReconnected,
  createPortalClient,
  isUnauthenticated,
  onReconnected,
  type PortalClient,
} from './client.js';
export type { Mount, MountProps, SessionInfo } from './mount.js';
export {
  Empty,
  ErrorMessage,
  Loading,
  formatDate,
  formatMoney,
  productChangeLabel,
  statusLabel,
} from './ui.js';
export {
  ItemHeadCells,
  ItemsTable,
  orderLineRows,
  signed,
  type ItemsTableRow,
  type OrderLineLike,
} from './items-table.js';
export { mutate, query, reloadOnEvents } from './urql.js';
export { newIdempotencyKey } from './idempotency.js';
export {
  ADD_CONTACT,
  ContactFields,
  describedBy,
  errorsBesideContactFields,
  FieldErrors,
} from './field-errors.js';
export { listAddressHref, readListAddress, type ListAddress } from './list-address.js';
export { DownloadLink, linkExpiry, type Downloadable } from './download-link.js';
export { graphql, type ResultOf, type VariablesOf } from '@portal/schema';
