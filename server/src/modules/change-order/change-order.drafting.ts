/**
 * Making and editing a draft: create (or copy an order), update its header, set its lines,
 * set its product change. Malformed input is refused (VALIDATION, nothing written);
 * business rules are not enforced here: a draft may break them, and its `ruleViolations`
 * says which.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idOfType } from '../../common/global-id.js';
import { inTransaction } from '../../common/transaction.js';
import {
  refuse,
  Refusal,
  userError,
  UserErrorCode,
  type UserError,
} from '../../common/user-error.js';
import { customerScope, demand } from '../auth/access.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { Product, ProductKind } from '../catalog/product.entity.js';
import { BillingAccount, Contact, Customer, Site } from '../customer/customer.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { ChangeOrder, ChangeOrderLine } from './change-order.entity.js';
import { OrderEventType, OrderStatus, ProductChangeMode } from './change-order.enums.js';
import type {
  CopyChangeOrderInput,
  CreateChangeOrderInput,
  SetChangeOrderLinesInput,
  SetProductChangeInput,
  UpdateChangeOrderInput,
} from './change-order.inputs.js';
import { findVisibleOrder } from './change-order.queries.js';
import { MAX_ABS_DELTA, MAX_TITLE_LENGTH } from './change-order.rules.js';
import { claimIdempotencyKey } from './idempotency.js';
import { assertDraft, lockOrder } from './order-lock.js';
import { recordEvent } from './order-event.recorder.js';

const MAX_NOTE_LENGTH = 2000;
const MAX_LINES = 1000;

function checkTitle(title: string, errors: UserError[]): string {
  const trimmed = title.trim();
  if (trimmed.length === 0) {
    errors.push(userError(UserErrorCode.VALIDATION, 'Give the order a title.', ['title']));
  } else if (trimmed.length > MAX_TITLE_LENGTH) {
    errors.push(
      userError(
        UserErrorCode.VALIDATION,
        `The title is longer than ${MAX_TITLE_LENGTH} characters.`,
        ['title'],
      ),
    );
  }
  return trimmed;
}

function checkNote(note: string, errors: UserError[]): string | null {
  if (note.length > MAX_NOTE_LENGTH) {
    errors.push(
      userError(
        UserErrorCode.VALIDATION,
        `The note is longer than ${MAX_NOTE_LENGTH} characters.`,
        ['note'],
      ),
    );
  }
  return note.trim() === '' ? null : note;
}

/** A site of the customer, by global id; a VALIDATION error otherwise. */
async function customerSite(
  tx: EntityManager,
  customer: Customer,
  siteId: string,
  errors: UserError[],
) {
  const id = idOfType(siteId, 'Site');
  const site = id ? await tx.findOne(Site, { id, customer }) : null;
  if (!site)
    errors.push(userError(UserErrorCode.VALIDATION, 'No such site for this customer.', ['siteId']));
  return site;
}

/** A contact of the customer, by global id; a VALIDATION error otherwise. */
export async function customerContact(
  tx: EntityManager,
  customer: Customer,
  contactId: string,
  errors: UserError[],
): Promise<Contact | null> {
  const id = idOfType(contactId, 'Contact');
  const contact = id ? await tx.findOne(Contact, { id, customer }) : null;
  if (!contact) {
    errors.push(
      userError(UserErrorCode.VALIDATION, 'No such contact for this customer.', [
        'implementationLeadId',
      ]),
    );
  }
  return contact;
}

function refuseIfAny(errors: UserError[]): void {
  if (errors.length > 0) throw new Refusal(errors);
}

/** Records an edit of a draft: bumps the version and writes an UPDATED event. */
async function recordEdit(tx: EntityManager, viewer: Viewer, order: ChangeOrder): Promise<void> {
  order.version += 1;
  await recordEvent(tx, order, {
    type: OrderEventType.UPDATED,
    fromStatus: OrderStatus.DRAFT,
    toStatus: OrderStatus.DRAFT,
    actorId: viewer.actingUserId,
    comment: null,
  });
}

/**
 * The id of the draft a create or a copy is about to make; with an idempotency key, the
 * key is claimed first, and a retry gets the draft the first request made (`replay`) and
 * writes nothing (the claim's order is checked at commit).
 */
async function newDraftId(
  tx: EntityManager,
  viewer: Viewer,
  operation: 'createChangeOrder' | 'copyChangeOrder',
  input: { idempotencyKey?: string | null },
): Promise<{ id: string; replay: ChangeOrder | null }> {
  const id = randomUUID();
  if (input.idempotencyKey == null) return { id, replay: null };
  const { idempotencyKey, ...rest } = input;
  const claim = await claimIdempotencyKey(tx, viewer, operation, idempotencyKey, id, rest);
  if (!claim.replay) return { id, replay: null };
  return { id, replay: await tx.findOneOrFail(ChangeOrder, { id: claim.orderId }) };
}

/** Records the making of a draft: its CREATED event. */
async function recordCreated(
  tx: EntityManager,
  viewer: Viewer,
  order: ChangeOrder,
  comment: string | null,
): Promise<void> {
  await recordEvent(tx, order, {
    type: OrderEventType.CREATED,
    fromStatus: null,
    toStatus: OrderStatus.DRAFT,
    actorId: viewer.actingUserId,
    comment,
  });
}

export class ChangeOrderDrafting {
  /** A DRAFT for a customer of the viewer's reseller, numbered from the sequence. */
  create(em: EntityManager, viewer: Viewer, input: CreateChangeOrderInput) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'writeOrders');
      const errors: UserError[] = [];
      const customerId = idOfType(input.customerId, 'Customer');
      const customer = customerId
        ? await tx.findOne(Customer, { id: customerId, ...customerScope(viewer) })
        : null;
      if (!customer) refuse(UserErrorCode.NOT_FOUND, 'No such customer.', ['customerId']);
      const title = checkTitle(input.title, errors);
      const note = input.note != null ? checkNote(input.note, errors) : null;
      const site = input.siteId ? await customerSite(tx, customer, input.siteId, errors) : null;
      refuseIfAny(errors);

      const { id, replay } = await newDraftId(tx, viewer, 'createChangeOrder', input);
      if (replay) return replay;

      const order = tx.create(ChangeOrder, {
        id,
        title,
        note,
        site,
        customer,
        reseller: tx.getReference(Organization, viewer.organizationId),
        requestTo: customer.vendor,
        orderUser: tx.getReference(User, viewer.actingUserId),
        implementationLead: customer.implementationLead ?? null,
      });
      await recordCreated(tx, viewer, order, null);
      return order;
    });
  }

  /**
   * A new DRAFT with what an order of the viewer's reseller asked for: its title, site,
   * note, implementation lead, lines and product change; not its tick boxes, dates or
   * decision. How a rejected order is amended and sent again (REJECTED is final), or a
   * past order repeated. The copy's history says which order it came from; the rules are
   * checked on its submit, against the inventory of then.
   */
  copy(em: EntityManager, viewer: Viewer, input: CopyChangeOrderInput) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'writeOrders');
      const source = await findVisibleOrder(tx, viewer, input.orderId, { withLines: true });
      if (!source) refuse(UserErrorCode.NOT_FOUND, 'No such order.', ['orderId']);

      const { id, replay } = await newDraftId(tx, viewer, 'copyChangeOrder', input);
      if (replay) return replay;

      const order = tx.create(ChangeOrder, {
        id,
        title: source.title,
        note: source.note ?? null,
        site: source.site ?? null,
        customer: source.customer,
        reseller: source.reseller,
        requestTo: source.requestTo,
        orderUser: tx.getReference(User, viewer.actingUserId),
        implementationLead: source.implementationLead ?? null,
        productChangeMode: source.productChangeMode,
        productChangeProduct: source.productChangeProduct ?? null,
        productChangeReplaces: source.productChangeReplaces ?? null,
      });
      source.lines.getItems().forEach((line, position) =>
        tx.create(ChangeOrderLine, {
          order,
          product: line.product,
          billingAccount: line.billingAccount,
          delta: line.delta,
          position,
        }),
      );
      await recordCreated(tx, viewer, order, `Copied from order ${source.number}.`);
      return order;
    });
  }

  /** Title, site, note and implementation lead of a draft; absent fields stay as they are. */
  update(em: EntityManager, viewer: Viewer, input: UpdateChangeOrderInput) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'writeOrders');
      const order = await lockOrder(tx, viewer, input.orderId, input.expectedVersion);
      assertDraft(order);
      const errors: UserError[] = [];
      if (input.title != null) order.title = checkTitle(input.title, errors);
      if (input.note != null) order.note = checkNote(input.note, errors);
      if (input.siteId != null)
        order.site = await customerSite(tx, order.customer, input.siteId, errors);
      if (input.implementationLeadId != null) {
        order.implementationLead = await customerContact(
          tx,
          order.customer,
          input.implementationLeadId,
          errors,
        );
      }
      refuseIfAny(errors);
      await recordEdit(tx, viewer, order);
      return order;
    });
  }

  /**
   * Replaces the draft's lines. Every line must name a product of the customer's vendor
   * and a billing account of the customer, once each, with |delta| ≤ 100000; zero deltas
   * are dropped.
   */
  setLines(em: EntityManager, viewer: Viewer, input: SetChangeOrderLinesInput) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'writeOrders');
      const order = await lockOrder(tx, viewer, input.orderId, input.expectedVersion);
      assertDraft(order);
      if (input.lines.length > MAX_LINES) {
        refuse(UserErrorCode.VALIDATION, `An order has at most ${MAX_LINES} lines.`, ['lines']);
      }

      const [products, accounts] = await Promise.all([
        tx.find(Product, { vendor: order.requestTo }),
        tx.find(BillingAccount, { customer: order.customer }),
      ]);
      const productById = new Map(products.map((p) => [p.id, p]));
      const accountById = new Map(accounts.map((a) => [a.id, a]));
      const errors: UserError[] = [];
      const seen = new Set<string>();
      const kept: { product: Product; billingAccount: BillingAccount; delta: number }[] = [];

      input.lines.forEach((line, index) => {
        const product = productById.get(idOfType(line.productId, 'Product') ?? '');
        const billingAccount = accountById.get(
          idOfType(line.billingAccountId, 'BillingAccount') ?? '',
        );
        if (!product) {
          errors.push(
            userError(UserErrorCode.VALIDATION, "Not a product of this customer's vendor.", [
              'lines',
              index,
              'productId',
            ]),
          );
        }
        if (!billingAccount) {
          errors.push(
            userError(UserErrorCode.VALIDATION, 'Not a billing account of this customer.', [
              'lines',
              index,
              'billingAccountId',
            ]),
          );
        }
        if (!Number.isInteger(line.delta) || Math.abs(line.delta) > MAX_ABS_DELTA) {
          errors.push(
            userError(
              UserErrorCode.VALIDATION,
              `Order(+/-) must be between -${MAX_ABS_DELTA} and ${MAX_ABS_DELTA}.`,
              ['lines', index, 'delta'],
            ),
          );
        }
        if (!product || !billingAccount) return;
        const key = `${product.id}:${billingAccount.id}`;
        if (seen.has(key)) {
          errors.push(
            userError(
              UserErrorCode.VALIDATION,
              `${product.name} appears twice for ${billingAccount.name}.`,
              ['lines', index, 'productId'],
            ),
          );
        }
        seen.add(key);
        if (line.delta !== 0) kept.push({ product, billingAccount, delta: line.delta });
      });
      refuseIfAny(errors);

      await tx.nativeDelete(ChangeOrderLine, { order });
      kept.forEach((line, position) => tx.create(ChangeOrderLine, { order, ...line, position }));
      await recordEdit(tx, viewer, order);
      return order;
    });
  }

  /**
   * Keep Existing, Add to, or Select New (REPLACE): ADD needs `productId`, REPLACE both
   * `productId` and `replacesProductId`, all primary products of the vendor. Whether the
   * upgrade path exists is a rule (INVALID_UPGRADE), checked on submit.
   */
  setProductChange(em: EntityManager, viewer: Viewer, input: SetProductChangeInput) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'writeOrders');
      const order = await lockOrder(tx, viewer, input.orderId, input.expectedVersion);
      assertDraft(order);
      const errors: UserError[] = [];
      const primary = async (
        globalId: string | null | undefined,
        field: string,
        needed: boolean,
      ) => {
        if (!globalId) {
          if (needed)
            errors.push(
              userError(UserErrorCode.VALIDATION, `${input.mode} needs ${field}.`, [field]),
            );
          return null;
        }
        const id = idOfType(globalId, 'Product');
        const product = id ? await tx.findOne(Product, { id, vendor: order.requestTo }) : null;
        if (!product || product.kind !== ProductKind.PRIMARY) {
          errors.push(
            userError(
              UserErrorCode.VALIDATION,
              "Not a primary product of this customer's vendor.",
              [field],
            ),
          );
          return null;
        }
        return product;
      };

      let product: Product | null = null;
      let replaces: Product | null = null;
      if (input.mode === ProductChangeMode.KEEP) {
        if (input.productId || input.replacesProductId) {
          errors.push(
            userError(UserErrorCode.VALIDATION, 'Keep Existing takes no product.', ['productId']),
          );
        }
      } else {
        product = await primary(input.productId, 'productId', true);
        if (input.mode === ProductChangeMode.REPLACE) {
          replaces = await primary(input.replacesProductId, 'replacesProductId', true);
        } else if (input.replacesProductId) {
          errors.push(
            userError(UserErrorCode.VALIDATION, 'Add to replaces nothing.', ['replacesProductId']),
          );
        }
      }
      refuseIfAny(errors);

      order.productChangeMode = input.mode;
      order.productChangeProduct = product;
      order.productChangeReplaces = replaces;
      await recordEdit(tx, viewer, order);
      return order;
    });
  }
}
