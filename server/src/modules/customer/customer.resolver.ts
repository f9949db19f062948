import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { ChangeOrderConnection } from '../change-order/change-order.types.js';
import { OrderStatus } from '../change-order/change-order.enums.js';
import { Attachment } from '../document/attachment.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { BillingAccount, Contact, Customer, Site } from './customer.entity.js';
import {
  AddContactInput,
  ContactPayload,
  CustomerConnection,
  LicenseLine,
} from './customer.types.js';

@ArgsType()
class CustomersArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}

@ArgsType()
class CustomerOrdersArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => [OrderStatus], { nullable: true })
  status?: OrderStatus[] | null;
}

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerConnection)
  customers(@Args(() => CustomersArgs) args: CustomersArgs, @Ctx() context: Context) {
    return context.services.customers.list(context.em, requireViewer(context), args);
  }

  @Query(() => Customer, { nullable: true })
  customer(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    return context.services.customers.find(context.em, requireViewer(context), id);
  }

  @Mutation(() => ContactPayload)
  async addContact(
    @Arg('input', () => AddContactInput) input: AddContactInput,
    @Ctx() context: Context,
  ): Promise<ContactPayload> {
    const outcome = await context.services.customers.addContact(
      context.em,
      requireViewer(context),
      input,
    );
    return Object.assign(new ContactPayload(), {
      contact: outcome.value,
      userErrors: outcome.userErrors,
    });
  }

  @FieldResolver(() => Organization)
  async reseller(@Root() customer: Customer, @Ctx() { loaders }: Context) {
    return loaders.entity(Organization, customer.reseller.id);
  }

  @FieldResolver(() => Organization)
  async vendor(@Root() customer: Customer, @Ctx() { loaders }: Context) {
    return loaders.entity(Organization, customer.vendor.id);
  }

  @FieldResolver(() => [Site])
  sites(@Root() customer: Customer, @Ctx() { loaders }: Context) {
    return loaders.customerSites.load(customer.id);
  }

  @FieldResolver(() => [BillingAccount])
  billingAccounts(@Root() customer: Customer, @Ctx() { loaders }: Context) {
    return loaders.customerBillingAccounts.load(customer.id);
  }

  @FieldResolver(() => [Contact])
  contacts(@Root() customer: Customer, @Ctx() { loaders }: Context) {
    return loaders.customerContacts.load(customer.id);
  }

  @FieldResolver(() => Contact, { nullable: true })
  implementationLead(@Root() customer: Customer, @Ctx() { loaders }: Context) {
    return customer.implementationLead
      ? loaders.entity(Contact, customer.implementationLead.id)
      : null;
  }

  /** Every catalogue product of the vendor on each billing account, zero rows included. */
  @FieldResolver(() => [LicenseLine], {
    description:
      'Every catalogue product the customer can order on each billing account, zero rows included.',
  })
  licenses(@Root() customer: Customer, @Ctx() { loaders }: Context): Promise<LicenseLine[]> {
    return loaders.licenseGrid.load(customer.id);
  }

  @FieldResolver(() => ChangeOrderConnection)
  changeOrders(
    @Root() customer: Customer,
    @Args(() => CustomerOrdersArgs) args: CustomerOrdersArgs,
    @Ctx() context: Context,
  ) {
    return context.services.orders.list(context.em, requireViewer(context), {
      first: args.first,
      after: args.after,
      status: args.status,
      customerKey: customer.id,
    });
  }

  @FieldResolver(() => [Attachment])
  attachments(@Root() customer: Customer, @Ctx() { loaders }: Context) {
    return loaders.customerAttachments.load(customer.id);
  }
}
