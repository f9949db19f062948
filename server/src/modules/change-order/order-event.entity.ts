import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { NodeInterface } from '../node/node.interface.js';
import { Organization } from '../organization/organization.entity.js';
import { ChangeOrder } from './change-order.entity.js';
import { OrderEventType, OrderStatus } from './change-order.enums.js';

/**
 * One change of an order, written in the transaction of the change itself. It is the
 * outbox: alerts, mail and live events go out from these rows, in `sequence` order.
 */
@ObjectType('OrderEvent', { implements: NodeInterface })
@Entity({ tableName: 'order_event' })
@Index({ properties: ['reseller', 'sequence'] })
@Index({ properties: ['vendor', 'sequence'] })
@Index({ properties: ['order', 'sequence'] })
export class OrderEvent {
  [OptionalProps]?: 'sequence' | 'at';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /**
   * From order_event_sequence_seq. Events are inserted under a transaction-level advisory
   * lock held to commit (see recordEvent), so sequence order is commit order: a reader
   * that has seen N never later finds a committed event below N. `autoincrement` as for
   * ChangeOrder.number.
   */
  @Field(() => Int, {
    description: 'Global, strictly increasing; resume a subscription after the last one seen.',
  })
  @Property({ type: 'integer', unique: true, autoincrement: true })
  sequence!: number;

  @Field(() => OrderEventType)
  @Enum({ items: () => OrderEventType, nativeEnumName: 'order_event_type' })
  type!: OrderEventType;

  @ManyToOne({ entity: () => ChangeOrder })
  order!: ChangeOrder;

  /** Copied from the order so tenancy and filters need no join. */
  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @ManyToOne({ entity: () => Organization })
  reseller!: Organization;

  @ManyToOne({ entity: () => Organization })
  vendor!: Organization;

  /** False for what happens while the order is a draft: the reseller's own business. */
  @Property({ type: 'boolean' })
  vendorVisible!: boolean;

  @ManyToOne({ entity: () => User, nullable: true })
  actor?: User | null;

  @Field(() => OrderStatus, { nullable: true })
  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status', nullable: true })
  fromStatus?: OrderStatus | null;

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status' })
  toStatus!: OrderStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();
}
