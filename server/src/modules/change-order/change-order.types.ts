import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money.js';
import { PageInfo } from '../../common/pagination.js';
import { UserError } from '../../common/user-error.js';
import { Product } from '../catalog/product.entity.js';
import { BillingAccount } from '../customer/customer.entity.js';
import { ChangeOrder } from './change-order.entity.js';
import { ProductChangeMode } from './change-order.enums.js';

@ObjectType('ChangeOrderLine')
export class ChangeOrderLineView {
  @Field(() => Product)
  product!: Product;

  @Field(() => BillingAccount)
  billingAccount!: BillingAccount;

  @Field(() => Int, { description: 'What the customer has now (frozen at submission).' })
  available!: number;

  @Field(() => Int, { description: 'Order(+/-)' })
  delta!: number;

  @Field(() => Int, { description: 'To Be(EA) = available + delta' })
  toBe!: number;
}

@ObjectType('ProductChange')
export class ProductChangeView {
  @Field(() => ProductChangeMode)
  mode!: ProductChangeMode;

  @Field(() => Product, {
    nullable: true,
    description: 'The primary product added (ADD) or moved to (REPLACE).',
  })
  product?: Product | null;

  @Field(() => Product, {
    nullable: true,
    description: 'The primary product given up (REPLACE only).',
  })
  replaces?: Product | null;
}

@ObjectType('CostLine')
export class CostLine {
  @Field(() => Product)
  product!: Product;

  @Field(() => Int)
  quantityBefore!: number;

  @Field(() => Int)
  quantityAfter!: number;

  @Field(() => Money)
  unitPrice!: Money;

  @Field(() => Money)
  monthlyBefore!: Money;

  @Field(() => Money)
  monthlyAfter!: Money;
}

@ObjectType('CostPreview')
export class CostPreview {
  @Field(() => Money)
  currentMonthly!: Money;

  @Field(() => Money)
  newMonthly!: Money;

  @Field(() => Money)
  deltaMonthly!: Money;

  @Field(() => [CostLine])
  lines!: CostLine[];
}

@ObjectType('ChangeOrderEdge')
export class ChangeOrderEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ChangeOrder)
  node!: ChangeOrder;
}

@ObjectType('ChangeOrderConnection')
export class ChangeOrderConnection {
  @Field(() => [ChangeOrderEdge])
  edges!: ChangeOrderEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('ChangeOrderPayload')
export class ChangeOrderPayload {
  @Field(() => ChangeOrder, { nullable: true })
  order?: ChangeOrder | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
