/**
 * The rules of SPEC.md ("Rules checked on submit"), as pure functions of an order and
 * what the catalogue, agreement and inventory say. They return every broken rule at once,
 * each with the path of the input field to fix. Run while editing (a draft may break
 * them; the order's `ruleViolations` shows which) and enforced by submit.
 */
import { userError, UserErrorCode, type UserError } from '../../common/user-error.js';
import { ProductKind } from '../catalog/product.entity.js';
import { ProductChangeMode } from './change-order.enums.js';

export const MAX_ABS_DELTA = 100_000;
export const MAX_TITLE_LENGTH = 200;

export interface RuleProduct {
  id: string;
  name: string;
  kind: ProductKind;
  /** Ids of the primary products this one may be upgraded to. */
  upgradesTo: readonly string[];
}

export interface RuleLine {
  productId: string;
  billingAccountId: string;
  delta: number;
  /** What the customer has of it now (frozen once submitted). */
  available: number;
}

export interface RuleOrder {
  lines: readonly RuleLine[];
  productChange: {
    mode: ProductChangeMode;
    productId: string | null;
    replacesProductId: string | null;
  };
  msaAccepted: boolean;
  authorizationConfirmed: boolean;
}

export interface RuleFacts {
  /** The vendor's catalogue by id. */
  products: ReadonlyMap<string, RuleProduct>;
  /** Add-ons the reseller's agreement with the vendor enables. */
  enabledAddOnIds: ReadonlySet<string>;
  /** How many of a product the customer holds in all, across billing accounts. */
  heldQuantity(productId: string): number;
}

/**
 * Whether an order may change a product's quantity under the agreement (ADD_ON_NOT_ENABLED):
 * an add-on only where the agreement enables it. The licence grid's `orderable` says the same.
 */
export function mayOrder(kind: ProductKind, enabledByAgreement: boolean): boolean {
  return kind !== ProductKind.ADD_ON || enabledByAgreement;
}

const name = (facts: RuleFacts, productId: string | null) =>
  (productId && facts.products.get(productId)?.name) ?? 'the product';

/** Rules about the order's content: every one a draft may break while being edited. */
export function contentViolations(order: RuleOrder, facts: RuleFacts): UserError[] {
  const errors: UserError[] = [];
  const { mode } = order.productChange;
  const changesProduct = mode === ProductChangeMode.ADD || mode === ProductChangeMode.REPLACE;

  if (!order.lines.some((line) => line.delta !== 0) && mode === ProductChangeMode.KEEP) {
    errors.push(
      userError(
        UserErrorCode.EMPTY_ORDER,
        'The order changes nothing: add a line or a product change.',
        ['lines'],
      ),
    );
  }

  order.lines.forEach((line, index) => {
    const product = facts.products.get(line.productId);
    const toBe = line.available + line.delta;
    if (toBe < 0) {
      errors.push(
        userError(
          UserErrorCode.NEGATIVE_TO_BE,
          `${product?.name ?? 'This line'}: To Be would be ${toBe}; the customer has ${line.available}.`,
          ['lines', index, 'delta'],
        ),
      );
    }
    if (
      product &&
      line.delta !== 0 &&
      !mayOrder(product.kind, facts.enabledAddOnIds.has(product.id))
    ) {
      errors.push(
        userError(
          UserErrorCode.ADD_ON_NOT_ENABLED,
          `${product.name} is not enabled in your agreement with this vendor.`,
          ['lines', index, 'productId'],
        ),
      );
    }
    if (changesProduct && product?.kind === ProductKind.PRIMARY && line.delta < 0) {
      errors.push(
        userError(
          UserErrorCode.PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE,
          `Product changes cannot be combined with seat downgrades (${product.name} ${line.delta}).`,
          ['lines', index, 'delta'],
        ),
      );
    }
  });

  if (mode === ProductChangeMode.REPLACE) {
    const { productId, replacesProductId } = order.productChange;
    const replaced = replacesProductId ? facts.products.get(replacesProductId) : undefined;
    if (!replaced || !productId || !replaced.upgradesTo.includes(productId)) {
      errors.push(
        userError(
          UserErrorCode.INVALID_UPGRADE,
          `${name(facts, replacesProductId)} cannot be upgraded to ${name(facts, productId)}.`,
          ['productChange', 'productId'],
        ),
      );
    }
    if (replacesProductId && facts.heldQuantity(replacesProductId) <= 0) {
      errors.push(
        userError(
          UserErrorCode.INVALID_UPGRADE,
          `The customer does not have ${name(facts, replacesProductId)} to upgrade.`,
          ['productChange', 'replacesProductId'],
        ),
      );
    }
  }
  return errors;
}

/** The two tick boxes of the submit step. */
export function confirmationViolations(ticks: {
  msaAccepted: boolean;
  authorizationConfirmed: boolean;
}): UserError[] {
  const errors: UserError[] = [];
  if (!ticks.msaAccepted) {
    errors.push(
      userError(
        UserErrorCode.MSA_NOT_ACCEPTED,
        'Confirm that the order is governed by the MSA already in effect.',
        ['msaAccepted'],
      ),
    );
  }
  if (!ticks.authorizationConfirmed) {
    errors.push(
      userError(
        UserErrorCode.AUTHORIZATION_NOT_CONFIRMED,
        'Confirm that you are authorized to place this order.',
        ['authorizationConfirmed'],
      ),
    );
  }
  return errors;
}

/** Everything submit enforces. */
export function submitViolations(order: RuleOrder, facts: RuleFacts): UserError[] {
  return [...contentViolations(order, facts), ...confirmationViolations(order)];
}

/** Final Confirm against today's inventory: a line whose To Be would now be negative. */
export function inventoryChangedViolations(
  lines: readonly { delta: number; current: number; productName: string }[],
): UserError[] {
  return lines.flatMap((line, index) =>
    line.current + line.delta < 0
      ? [
          userError(
            UserErrorCode.INVENTORY_CHANGED,
            `${line.productName}: the customer now has ${line.current}, so ${line.delta} would leave ${line.current + line.delta}.`,
            ['lines', index, 'delta'],
          ),
        ]
      : [],
  );
}
