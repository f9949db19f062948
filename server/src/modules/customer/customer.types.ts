import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../common/pagination.js';
import { UserError } from '../../common/user-error.js';
import { Product } from '../catalog/product.entity.js';
import { BillingAccount, Contact, Customer } from './customer.entity.js';

@ObjectType('LicenseLine', {
  description:
    "One row of a customer's licence grid: what the customer has of one product on one billing account.",
})
export class LicenseLine {
  @Field(() => Product)
  product!: Product;

  @Field(() => BillingAccount)
  billingAccount!: BillingAccount;

  @Field(() => Int)
  available!: number;

  @Field(() => Boolean, {
    description:
      "Whether a change order may change this line: false for an add-on that the customer's reseller's agreement with the vendor does not enable (a line for it is refused with ADD_ON_NOT_ENABLED), so a screen can disable it up front.",
  })
  orderable!: boolean;
}

@ObjectType('CustomerEdge')
export class CustomerEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Customer)
  node!: Customer;
}

@ObjectType('CustomerConnection')
export class CustomerConnection {
  @Field(() => [CustomerEdge])
  edges!: CustomerEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@InputType('AddContactInput')
export class AddContactInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;
}

@ObjectType('ContactPayload')
export class ContactPayload {
  @Field(() => Contact, { nullable: true })
  contact?: Contact | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
