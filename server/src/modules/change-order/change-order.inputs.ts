import { Field, ID, InputType, Int } from 'type-graphql';
import { OrderStatus, ProductChangeMode } from './change-order.enums.js';

// Shapes only: the services check values and answer with VALIDATION userErrors naming the
// field, so a bad value is never a request failure (see SPEC.md "Rules").

@InputType('CreateChangeOrderInput')
export class CreateChangeOrderInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ID, { nullable: true })
  siteId?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Same key within 24 h returns the draft the first request made instead of making another.',
  })
  idempotencyKey?: string | null;
}

@InputType('CopyChangeOrderInput')
export class CopyChangeOrderInput {
  @Field(() => ID, { description: "The order to copy: any of the viewer's reseller's orders." })
  orderId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Same key within 24 h returns the draft the first request made instead of making another.',
  })
  idempotencyKey?: string | null;
}

@InputType('OrderLineInput')
export class OrderLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID)
  billingAccountId!: string;

  @Field(() => Int, { description: 'Order(+/-): the change, not the new total.' })
  delta!: number;
}

@InputType('SetChangeOrderLinesInput')
export class SetChangeOrderLinesInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => [OrderLineInput], {
    description: "Replaces the order's lines; lines with delta 0 are dropped.",
  })
  lines!: OrderLineInput[];
}

@InputType('SetProductChangeInput')
export class SetProductChangeInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => ProductChangeMode)
  mode!: ProductChangeMode;

  @Field(() => ID, { nullable: true })
  productId?: string | null;

  @Field(() => ID, { nullable: true })
  replacesProductId?: string | null;
}

@InputType('UpdateChangeOrderInput')
export class UpdateChangeOrderInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => ID, { nullable: true })
  siteId?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => ID, { nullable: true })
  implementationLeadId?: string | null;
}

@InputType('SubmitChangeOrderInput')
export class SubmitChangeOrderInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => Boolean, {
    description: 'Tick box: the order is governed by the MSA already in effect.',
  })
  msaAccepted!: boolean;

  @Field(() => Boolean, {
    description: 'Tick box: the submitter is authorized to place the order.',
  })
  authorizationConfirmed!: boolean;

  @Field(() => ID, { nullable: true })
  implementationLeadId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Same key within 24 h returns the first outcome instead of acting twice.',
  })
  idempotencyKey?: string | null;
}

@InputType('OrderDecisionInput')
export class OrderDecisionInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType('OrderRefInput')
export class OrderRefInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType('ChangeOrderFilter')
export class ChangeOrderFilter {
  @Field(() => [OrderStatus], { nullable: true })
  status?: OrderStatus[] | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;
}
