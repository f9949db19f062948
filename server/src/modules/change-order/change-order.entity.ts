import { randomUUID } from 'node:crypto';
import { Collection, OptionalProps } from '@mikro-orm/core';
import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity.js';
import { Product } from '../catalog/product.entity.js';
import { BillingAccount, Contact, Customer, Site } from '../customer/customer.entity.js';
import { NodeInterface } from '../node/node.interface.js';
import { Organization } from '../organization/organization.entity.js';
import { OrderStatus, OrderType, ProductChangeMode } from './change-order.enums.js';

/**
 * A reseller's request to change a customer's licences. Its `status` is only ever set by
 * `transition()` in change-order.state.ts.
 */
@ObjectType('ChangeOrder', { implements: NodeInterface })
@Entity({ tableName: 'change_order' })
@Index({ properties: ['reseller', 'number'] })
@Index({ properties: ['requestTo', 'number'] })
@Index({ properties: ['customer', 'number'] })
export class ChangeOrder {
  [OptionalProps]?:
    | 'number'
    | 'type'
    | 'status'
    | 'productChangeMode'
    | 'msaAccepted'
    | 'authorizationConfirmed'
    | 'createdAt'
    | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /**
   * From the sequence change_order_number_seq: starts at 500001, only grows. `autoincrement`
   * is how MikroORM reads a column whose default is a sequence's nextval back from
   * PostgreSQL; as a `defaultRaw` every new migration repeated the default (migrations.test.ts).
   */
  @Field(() => Int, { description: 'Order No., unique and increasing, e.g. 503035' })
  @Property({ type: 'integer', unique: true, autoincrement: true })
  number!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => OrderType)
  @Enum({ items: () => OrderType, nativeEnumName: 'order_type' })
  type: OrderType = OrderType.CHANGE;

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status' })
  status: OrderStatus = OrderStatus.DRAFT;

  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @ManyToOne({ entity: () => Site, nullable: true })
  site?: Site | null;

  @ManyToOne({ entity: () => Organization })
  reseller!: Organization;

  /** Request to: the vendor that decides the order. */
  @ManyToOne({ entity: () => Organization })
  requestTo!: Organization;

  /** Order User: who created it. */
  @ManyToOne({ entity: () => User })
  orderUser!: User;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  approvalComment?: string | null;

  @ManyToOne({ entity: () => Contact, nullable: true })
  implementationLead?: Contact | null;

  @Enum({ items: () => ProductChangeMode, nativeEnumName: 'product_change_mode' })
  productChangeMode: ProductChangeMode = ProductChangeMode.KEEP;

  /** The primary product added (ADD) or moved to (REPLACE). */
  @ManyToOne({ entity: () => Product, nullable: true })
  productChangeProduct?: Product | null;

  /** The primary product given up (REPLACE). */
  @ManyToOne({ entity: () => Product, nullable: true })
  productChangeReplaces?: Product | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  msaAccepted: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  authorizationConfirmed: boolean = false;

  /**
   * What the customer held of each of the vendor's products (product id → quantity) when the
   * order was submitted: its cost preview keeps showing that "before", even once the
   * inventory has moved (by this order's own Final Confirm, or by others).
   */
  @Property({ type: 'json', nullable: true })
  heldAtSubmission?: Record<string, number> | null;

  @OneToMany({ entity: () => ChangeOrderLine, mappedBy: 'order', orderBy: { position: 'asc' } })
  lines = new Collection<ChangeOrderLine>(this);

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'Order Date' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  confirmedAt?: Date | null;

  /** Bumped by every write of the order or its lines; `expectedVersion` is checked against it. */
  @Field(() => Int, {
    description: 'Optimistic-concurrency version; pass it back as expectedVersion.',
  })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}

/** One row of the order's grid: a change (delta) of one product on one billing account. */
@Entity({ tableName: 'change_order_line' })
@Unique({ properties: ['order', 'product', 'billingAccount'] })
export class ChangeOrderLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => ChangeOrder, deleteRule: 'cascade' })
  order!: ChangeOrder;

  @ManyToOne({ entity: () => Product })
  product!: Product;

  @ManyToOne({ entity: () => BillingAccount })
  billingAccount!: BillingAccount;

  @Property({ type: 'integer' })
  delta!: number;

  /** What the customer had when the order was submitted; null while DRAFT (read live then). */
  @Property({ type: 'integer', nullable: true })
  frozenAvailable?: number | null;

  @Property({ type: 'integer' })
  position!: number;
}
