/** Test data shaped by the documents' result types (the seed's Vertical Demo order). */
import type { Order, QueueRow } from './documents';

const money = (cents: number) => ({ cents, currency: 'USD' });

export function submittedOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'order-1',
    number: 500001,
    title: 'More premium users',
    type: 'CHANGE',
    status: 'SUBMITTED',
    version: 3,
    note: 'Before the busy season',
    approvalComment: null,
    submittedAt: '2026-11-23T18:37:00.000Z',
    decidedAt: null,
    customer: {
      id: 'customer-1',
      name: 'Vertical Demo',
      customerType: 'Normal',
      servicePlan: 'Standard Plan',
    },
    reseller: { id: 'reseller-1', name: 'RS-Vertical' },
    requestTo: { id: 'vendor-1', name: 'Vertical' },
    orderUser: { id: 'user-1', name: 'Rich Balazsi', email: 'rich@rs-vertical.example' },
    productChange: { mode: 'KEEP', product: null, replaces: null },
    lines: [
      {
        available: 12,
        delta: 3,
        toBe: 15,
        product: { id: 'p-plus', name: 'Premium PLUS IPECS ONE USER', itemGroup: 'User License' },
        billingAccount: { id: 'ba-1', name: 'Vertical Demo' },
      },
    ],
    costPreview: {
      currentMonthly: money(120000),
      newMonthly: money(150000),
      deltaMonthly: money(30000),
      lines: [
        {
          product: { id: 'p-plus', name: 'Premium PLUS IPECS ONE USER', itemGroup: 'User License' },
          quantityBefore: 12,
          quantityAfter: 15,
          unitPrice: money(10000),
          monthlyBefore: money(120000),
          monthlyAfter: money(150000),
        },
      ],
    },
    history: [
      {
        id: 'e-1',
        type: 'SUBMITTED',
        fromStatus: 'DRAFT',
        toStatus: 'SUBMITTED',
        comment: null,
        at: '2026-11-23T18:37:00.000Z',
        actor: { id: 'user-1', name: 'Rich Balazsi' },
      },
    ],
    ...overrides,
  };
}

export function queueRow(number: number): QueueRow {
  return {
    id: `order-${number}`,
    number,
    title: `Order ${number}`,
    submittedAt: '2026-11-23T18:37:00.000Z',
    customer: { id: 'customer-1', name: 'Vertical Demo' },
    reseller: { id: 'reseller-1', name: 'RS-Vertical' },
    orderUser: { id: 'user-1', name: 'Rich Balazsi' },
  };
}

export function queuePage(rows: QueueRow[], endCursor: string | null = null) {
  return {
    changeOrders: {
      totalCount: rows.length,
      pageInfo: { endCursor, hasNextPage: endCursor !== null },
      edges: rows.map((node) => ({ cursor: String(node.number), node })),
    },
  };
}
