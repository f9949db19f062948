/**
 * The order's life (SPEC.md): the one place an order's status changes.
 *
 *   DRAFT ──submit──▶ SUBMITTED ──approve──▶ APPROVED ──finalConfirm──▶ CONFIRMED
 *     │                  │  └──reject──▶ REJECTED
 *     └──cancel──▶ CANCELLED ◀──cancel──┘
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { refuse, UserErrorCode } from '../../common/user-error.js';
import type { ChangeOrder } from './change-order.entity.js';
import { OrderEventType, OrderStatus } from './change-order.enums.js';
import { recordEvent } from './order-event.recorder.js';

export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  [OrderStatus.DRAFT]: [OrderStatus.SUBMITTED, OrderStatus.CANCELLED],
  [OrderStatus.SUBMITTED]: [OrderStatus.APPROVED, OrderStatus.REJECTED, OrderStatus.CANCELLED],
  [OrderStatus.APPROVED]: [OrderStatus.CONFIRMED],
  [OrderStatus.REJECTED]: [],
  [OrderStatus.CONFIRMED]: [],
  [OrderStatus.CANCELLED]: [],
};

/** The event each arrival status records. */
const EVENT_OF: Readonly<Record<OrderStatus, OrderEventType | null>> = {
  [OrderStatus.DRAFT]: null,
  [OrderStatus.SUBMITTED]: OrderEventType.SUBMITTED,
  [OrderStatus.APPROVED]: OrderEventType.APPROVED,
  [OrderStatus.REJECTED]: OrderEventType.REJECTED,
  [OrderStatus.CONFIRMED]: OrderEventType.CONFIRMED,
  [OrderStatus.CANCELLED]: OrderEventType.CANCELLED,
};

/**
 * Checked once at start: every status is in the table, targets are statuses, every target
 * is reachable from DRAFT and records an event. A broken table stops the server.
 */
export function assertTransitionTableSound(
  table: Readonly<Record<string, readonly string[]>> = TRANSITIONS,
): void {
  const statuses = Object.values(OrderStatus) as string[];
  for (const status of statuses) {
    if (!(status in table)) throw new Error(`transition table: no entry for ${status}`);
  }
  for (const [from, targets] of Object.entries(table)) {
    if (!statuses.includes(from)) throw new Error(`transition table: unknown status ${from}`);
    for (const to of targets) {
      if (!statuses.includes(to)) throw new Error(`transition table: ${from} → unknown ${to}`);
      if (to === from) throw new Error(`transition table: ${from} → itself`);
      if (!EVENT_OF[to as OrderStatus])
        throw new Error(`transition table: ${from} → ${to} records no event`);
    }
  }
  const reached = new Set<string>([OrderStatus.DRAFT]);
  const queue: string[] = [OrderStatus.DRAFT];
  while (queue.length > 0) {
    for (const to of table[queue.shift()!] ?? []) {
      if (reached.has(to)) continue;
      reached.add(to);
      queue.push(to);
    }
  }
  const unreachable = statuses.filter((status) => !reached.has(status));
  if (unreachable.length > 0)
    throw new Error(`transition table: unreachable ${unreachable.join(', ')}`);
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface TransitionOptions {
  actorId: string;
  comment?: string | null;
  at?: Date;
}

/**
 * Moves the order to `to` (or refuses with INVALID_TRANSITION), stamps the time the status
 * calls for, bumps the version and records the event, all in the caller's transaction.
 * Guards (rules, roles) are the caller's; this is the only writer of `status`.
 */
export async function transition(
  em: EntityManager,
  order: ChangeOrder,
  to: OrderStatus,
  options: TransitionOptions,
): Promise<void> {
  const from = order.status;
  if (!canTransition(from, to)) {
    refuse(
      UserErrorCode.INVALID_TRANSITION,
      `Order ${order.number} is ${from}; it cannot become ${to}.`,
    );
  }
  const at = options.at ?? new Date();
  order.status = to;
  if (to === OrderStatus.SUBMITTED) order.submittedAt = at;
  if (to === OrderStatus.APPROVED || to === OrderStatus.REJECTED) order.decidedAt = at;
  if (to === OrderStatus.CONFIRMED) order.confirmedAt = at;
  order.version += 1;
  await recordEvent(em, order, {
    type: EVENT_OF[to]!,
    fromStatus: from,
    toStatus: to,
    actorId: options.actorId,
    comment: options.comment ?? null,
  });
}
