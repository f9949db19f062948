import { Alert } from '../modules/alert/alert.entity.js';
import { ApiKey } from '../modules/api-key/api-key.entity.js';
import { Setting } from '../modules/auth/setting.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { Agreement, AgreementPrice } from '../modules/catalog/agreement.entity.js';
import { Product } from '../modules/catalog/product.entity.js';
import { ChangeOrder, ChangeOrderLine } from '../modules/change-order/change-order.entity.js';
import { IdempotencyRecord } from '../modules/change-order/idempotency-record.entity.js';
import { OrderEvent } from '../modules/change-order/order-event.entity.js';
import { BillingAccount, Contact, Customer, Site } from '../modules/customer/customer.entity.js';
import { InventoryLine } from '../modules/inventory/inventory-line.entity.js';
import { Attachment } from '../modules/document/attachment.entity.js';
import { MailMessage } from '../modules/mail/mail-message.entity.js';
import { Organization } from '../modules/organization/organization.entity.js';
import { ReadVersion } from './response-cache/read-version.entity.js';

/** Every entity, listed rather than discovered from folders (works the same from src/ and dist/). */
export const entities = [
  Organization,
  User,
  Setting,
  ApiKey,
  Product,
  Agreement,
  AgreementPrice,
  Customer,
  Site,
  BillingAccount,
  Contact,
  InventoryLine,
  ChangeOrder,
  ChangeOrderLine,
  OrderEvent,
  IdempotencyRecord,
  Alert,
  Attachment,
  MailMessage,
  ReadVersion,
];
