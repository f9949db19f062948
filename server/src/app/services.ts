import type { EntityManager } from '@mikro-orm/postgresql';
import { AlertService } from '../modules/alert/alert.service.js';
import { ApiKeyService } from '../modules/api-key/api-key.service.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { TokenService } from '../modules/auth/token.js';
import { CatalogService } from '../modules/catalog/catalog.service.js';
import { ChangeOrderDecisions } from '../modules/change-order/change-order.decisions.js';
import { ChangeOrderDrafting } from '../modules/change-order/change-order.drafting.js';
import { ChangeOrderQueries } from '../modules/change-order/change-order.queries.js';
import { assertTransitionTableSound } from '../modules/change-order/change-order.state.js';
import { CustomerService } from '../modules/customer/customer.service.js';
import { DownloadLinks } from '../modules/document/download-links.js';
import { LiveService } from '../modules/live/live.service.js';
import type { OrderEventRelay } from '../modules/live/order-event-relay.js';

/** The domain services, made once per process and shared by every request. */
export interface Services {
  tokens: TokenService;
  auth: AuthService;
  apiKeys: ApiKeyService;
  alerts: AlertService;
  catalog: CatalogService;
  customers: CustomerService;
  orders: ChangeOrderQueries;
  drafting: ChangeOrderDrafting;
  decisions: ChangeOrderDecisions;
  live: LiveService;
  downloads: DownloadLinks;
  /** Whether mail goes out through SMTP (else it is kept in the mailbox). */
  smtpConfigured: boolean;
}

export async function createServices(
  em: EntityManager,
  jwtSecret: string | undefined,
  relay: OrderEventRelay,
  smtpConfigured = false,
  /** Sign-in attempts per e-mail a minute (0: no limit); see AuthService. */
  signInAttemptsPerMinute = 0,
): Promise<Services> {
  assertTransitionTableSound();
  const tokens = await TokenService.create(em, jwtSecret);
  return {
    tokens,
    auth: new AuthService(tokens, signInAttemptsPerMinute),
    apiKeys: new ApiKeyService(),
    alerts: new AlertService(),
    catalog: new CatalogService(),
    customers: new CustomerService(),
    orders: new ChangeOrderQueries(),
    drafting: new ChangeOrderDrafting(),
    decisions: new ChangeOrderDecisions(),
    live: new LiveService(relay, () => em.fork()),
    downloads: new DownloadLinks(tokens),
    smtpConfigured,
  };
}
