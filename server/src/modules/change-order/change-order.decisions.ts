/**
 * The order's decisive steps: submit, cancel (reseller), approve, reject (vendor) and
 * Final Confirm (reseller). Each runs in one transaction, locks the order, checks who may
 * act and what the rules say, and moves the status through `transition()`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { idOfType } from '../../common/global-id.js';
import { inTransaction } from '../../common/transaction.js';
import { refuse, Refusal, UserErrorCode, type UserError } from '../../common/user-error.js';
import { demand, orderScope } from '../auth/access.js';
import type { Viewer } from '../auth/viewer.js';
import { inventoryKey, loadOneCustomerFacts } from '../catalog/customer-facts.js';
import { applyInventoryChanges, moveSeats } from '../inventory/inventory.apply.js';
import { customerContact } from './change-order.drafting.js';
import { ChangeOrder, ChangeOrderLine } from './change-order.entity.js';
import { OrderStatus, ProductChangeMode } from './change-order.enums.js';
import type {
  OrderDecisionInput,
  OrderRefInput,
  SubmitChangeOrderInput,
} from './change-order.inputs.js';
import { submitViolations, type RuleOrder } from './change-order.rules.js';
import { canTransition, transition } from './change-order.state.js';
import { claimIdempotencyKey } from './idempotency.js';
import { linesOf, lockOrder } from './order-lock.js';

const MAX_COMMENT_LENGTH = 2000;

/** The order as the rules see it, with each line's `available` read from today's inventory. */
export function ruleOrderOf(
  order: ChangeOrder,
  lines: readonly ChangeOrderLine[],
  available: (line: ChangeOrderLine) => number,
): RuleOrder {
  return {
    lines: lines.map((line) => ({
      productId: line.product.id,
      billingAccountId: line.billingAccount.id,
      delta: line.delta,
      available: available(line),
    })),
    productChange: {
      mode: order.productChangeMode,
      productId: order.productChangeProduct?.id ?? null,
      replacesProductId: order.productChangeReplaces?.id ?? null,
    },
    msaAccepted: order.msaAccepted,
    authorizationConfirmed: order.authorizationConfirmed,
  };
}

function checkComment(comment: string | null | undefined, required: boolean): string | null {
  const trimmed = comment?.trim() ?? '';
  if (required && trimmed === '') {
    refuse(UserErrorCode.VALIDATION, 'Say why the order is rejected.', ['comment']);
  }
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    refuse(
      UserErrorCode.VALIDATION,
      `The comment is longer than ${MAX_COMMENT_LENGTH} characters.`,
      ['comment'],
    );
  }
  return trimmed === '' ? null : trimmed;
}

/** Claims the key (when given) and either replays the first outcome or runs `act`. */
async function idempotently(
  tx: EntityManager,
  viewer: Viewer,
  operation: string,
  input: { orderId: string; idempotencyKey?: string | null },
  act: () => Promise<ChangeOrder>,
): Promise<ChangeOrder> {
  if (input.idempotencyKey == null) return act();
  const { idempotencyKey, ...rest } = input;
  // The record keeps the order's key (a uuid, with a foreign key), not its global id: an
  // order the viewer cannot see is NOT_FOUND before any key is claimed.
  const orderKey = idOfType(input.orderId, 'ChangeOrder');
  const visible = orderKey
    ? await tx.count(ChangeOrder, { id: orderKey, ...orderScope(viewer) })
    : 0;
  if (visible === 0) refuse(UserErrorCode.NOT_FOUND, 'No such order.', ['orderId']);
  const claim = await claimIdempotencyKey(tx, viewer, operation, idempotencyKey, orderKey!, rest);
  if (!claim.replay) return act();
  return tx.findOneOrFail(ChangeOrder, { id: claim.orderId });
}

function assertCanMove(order: ChangeOrder, to: OrderStatus): void {
  if (!canTransition(order.status, to)) {
    refuse(
      UserErrorCode.INVALID_TRANSITION,
      `Order ${order.number} is ${order.status}; it cannot become ${to}.`,
    );
  }
}

export class ChangeOrderDecisions {
  /**
   * Checks every rule (all failures at once), freezes each line's `available`, stamps the
   * Order Date and hands the order to the vendor.
   */
  submit(em: EntityManager, viewer: Viewer, input: SubmitChangeOrderInput) {
    return inTransaction(em, (tx) => {
      demand(viewer, 'writeOrders');
      return idempotently(tx, viewer, 'submitChangeOrder', input, async () => {
        const order = await lockOrder(tx, viewer, input.orderId, input.expectedVersion);
        assertCanMove(order, OrderStatus.SUBMITTED);
        const errors: UserError[] = [];
        if (input.implementationLeadId) {
          order.implementationLead = await customerContact(
            tx,
            order.customer,
            input.implementationLeadId,
            errors,
          );
        }
        order.msaAccepted = input.msaAccepted;
        order.authorizationConfirmed = input.authorizationConfirmed;

        const [facts, lines] = await Promise.all([
          loadOneCustomerFacts(tx, order.customer),
          linesOf(tx, order),
        ]);
        const today = (line: ChangeOrderLine) =>
          facts.inventory.get(inventoryKey(line.product.id, line.billingAccount.id)) ?? 0;
        errors.push(...submitViolations(ruleOrderOf(order, lines, today), facts));
        if (errors.length > 0) throw new Refusal(errors);

        for (const line of lines) line.frozenAvailable = today(line);
        order.heldAtSubmission = Object.fromEntries(
          facts.catalogue.map((product) => [product.id, facts.heldQuantity(product.id)]),
        );
        await transition(tx, order, OrderStatus.SUBMITTED, { actorId: viewer.actingUserId });
        return order;
      });
    });
  }

  /** A draft or a submitted order, withdrawn by the reseller. */
  cancel(em: EntityManager, viewer: Viewer, input: OrderRefInput) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'writeOrders');
      return idempotently(tx, viewer, 'cancelChangeOrder', input, async () => {
        const order = await lockOrder(tx, viewer, input.orderId, input.expectedVersion);
        await transition(tx, order, OrderStatus.CANCELLED, { actorId: viewer.actingUserId });
        return order;
      });
    });
  }

  approve(em: EntityManager, viewer: Viewer, input: OrderDecisionInput) {
    return this.decide(em, viewer, input, OrderStatus.APPROVED);
  }

  /** A reject needs a comment. */
  reject(em: EntityManager, viewer: Viewer, input: OrderDecisionInput) {
    return this.decide(em, viewer, input, OrderStatus.REJECTED);
  }

  private decide(em: EntityManager, viewer: Viewer, input: OrderDecisionInput, to: OrderStatus) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'decideOrders');
      const order = await lockOrder(tx, viewer, input.orderId, input.expectedVersion);
      assertCanMove(order, to);
      const comment = checkComment(input.comment, to === OrderStatus.REJECTED);
      order.approvalComment = comment;
      await transition(tx, order, to, { actorId: viewer.actingUserId, comment });
      return order;
    });
  }

  /**
   * Applies every delta to the inventory in this one transaction (nothing if any line
   * would now go below zero: INVENTORY_CHANGED), moves the seats of a REPLACE, and marks
   * the order CONFIRMED.
   */
  finalConfirm(em: EntityManager, viewer: Viewer, input: OrderRefInput) {
    return inTransaction(em, (tx) => {
      demand(viewer, 'writeOrders');
      return idempotently(tx, viewer, 'finalConfirmChangeOrder', input, async () => {
        const order = await lockOrder(tx, viewer, input.orderId, input.expectedVersion, {
          lockCustomer: true,
        });
        assertCanMove(order, OrderStatus.CONFIRMED);
        const lines = await tx.find(
          ChangeOrderLine,
          { order },
          { populate: ['product'], orderBy: { position: 'asc' } },
        );
        await applyInventoryChanges(
          tx,
          order.customer.id,
          lines.map((line) => ({
            productId: line.product.id,
            productName: line.product.name,
            billingAccountId: line.billingAccount.id,
            delta: line.delta,
          })),
        );
        if (
          order.productChangeMode === ProductChangeMode.REPLACE &&
          order.productChangeProduct &&
          order.productChangeReplaces
        ) {
          await moveSeats(
            tx,
            order.customer.id,
            order.productChangeReplaces.id,
            order.productChangeProduct.id,
          );
        }
        await transition(tx, order, OrderStatus.CONFIRMED, { actorId: viewer.actingUserId });
        return order;
      });
    });
  }
}
