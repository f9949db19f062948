import { registerEnumType } from 'type-graphql';

export enum OrderType {
  CHANGE = 'CHANGE',
}
registerEnumType(OrderType, { name: 'OrderType' });

export enum OrderStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });

export enum ProductChangeMode {
  KEEP = 'KEEP',
  ADD = 'ADD',
  REPLACE = 'REPLACE',
}
registerEnumType(ProductChangeMode, { name: 'ProductChangeMode' });

export enum OrderEventType {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderEventType, { name: 'OrderEventType' });
