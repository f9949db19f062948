/** Test data shaped by the documents' result types (the seed's Vertical Demo order). */
import type { License, Order, OrderDocument } from './documents';

const money = (cents: number) => ({ cents, currency: 'USD' });

export function approvedOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'order-1',
    number: 500001,
    title: 'More premium users',
    type: 'CHANGE',
    status: 'APPROVED',
    version: 4,
    note: null,
    approvalComment: 'Fine by us',
    submittedAt: '2026-11-23T18:37:00.000Z',
    decidedAt: '2026-11-23T19:00:00.000Z',
    confirmedAt: null,
    customer: { id: 'customer-1', name: 'Vertical Demo' },
    requestTo: { id: 'vendor-1', name: 'Vertical' },
    reseller: { id: 'reseller-1', name: 'RS-Vertical' },
    orderUser: { id: 'user-1', name: 'Rich Balazsi' },
    productChange: { mode: 'KEEP', product: null, replaces: null },
    lines: [
      {
        available: 12,
        delta: 3,
        toBe: 15,
        product: { id: 'p-plus', name: 'Premium PLUS IPECS ONE USER', itemGroup: 'User License' },
        billingAccount: { id: 'ba-1', name: 'Vertical Demo' },
      },
      {
        available: 2,
        delta: -1,
        toBe: 1,
        product: { id: 'p-vm', name: 'Stand Alone VM', itemGroup: 'User License' },
        billingAccount: { id: 'ba-1', name: 'Vertical Demo' },
      },
    ],
    costPreview: { currentMonthly: money(100000), newMonthly: money(112000) },
    documents: [],
    history: [],
    ...overrides,
  };
}

export const addendum: OrderDocument = {
  id: 'doc-1',
  kind: 'ADDENDUM',
  fileName: 'Vertical Demo_Addendum [500001].pdf',
  downloadUrl: '/files/doc-1?sig=abc',
  byteSize: 4096,
};

export const inventoryAfter: License[] = [
  {
    available: 15,
    product: { id: 'p-plus', name: 'Premium PLUS IPECS ONE USER', itemGroup: 'User License' },
    billingAccount: { id: 'ba-1', name: 'Vertical Demo' },
  },
  {
    available: 1,
    product: { id: 'p-vm', name: 'Stand Alone VM', itemGroup: 'User License' },
    billingAccount: { id: 'ba-1', name: 'Vertical Demo' },
  },
  {
    available: 13,
    product: { id: 'p-vm2', name: 'Basic User With VM', itemGroup: 'User License' },
    billingAccount: { id: 'ba-1', name: 'Vertical Demo' },
  },
];
