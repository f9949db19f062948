import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity.js';
import { ChangeOrder } from '../change-order/change-order.entity.js';
import { OrderEvent } from '../change-order/order-event.entity.js';
import { NodeInterface } from '../node/node.interface.js';

export enum AlertKind {
  ORDER_TO_CONFIRM = 'ORDER_TO_CONFIRM',
  ORDER_REJECTED = 'ORDER_REJECTED',
  ORDER_SUBMITTED = 'ORDER_SUBMITTED',
}
registerEnumType(AlertKind, {
  name: 'AlertKind',
  valuesConfig: {
    ORDER_TO_CONFIRM: {
      description: "An order was approved and awaits the reseller's Final Confirm.",
    },
    ORDER_SUBMITTED: { description: "A vendor's queue received an order to decide." },
  },
});

/** A notice for one user about one order event; pending until acknowledged (OK / OK ALL). */
@ObjectType('Alert', { implements: NodeInterface })
@Entity({ tableName: 'alert' })
@Index({ properties: ['user', 'acknowledgedAt'] })
export class Alert {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => AlertKind)
  @Enum({ items: () => AlertKind, nativeEnumName: 'alert_kind' })
  kind!: AlertKind;

  @ManyToOne({ entity: () => ChangeOrder })
  order!: ChangeOrder;

  @ManyToOne({ entity: () => OrderEvent })
  event!: OrderEvent;

  /** Whose alert it is. */
  @ManyToOne({ entity: () => User })
  user!: User;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt?: Date | null;
}
