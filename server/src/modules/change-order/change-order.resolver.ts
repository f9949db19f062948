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
import { money } from '../../common/money.js';
import type { Outcome } from '../../common/transaction.js';
import { UserError } from '../../common/user-error.js';
import { User } from '../auth/user.entity.js';
import { inventoryKey } from '../catalog/customer-facts.js';
import { Product } from '../catalog/product.entity.js';
import { Contact, Customer, Site } from '../customer/customer.entity.js';
import { Attachment } from '../document/attachment.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { ruleOrderOf } from './change-order.decisions.js';
import { ChangeOrder, type ChangeOrderLine } from './change-order.entity.js';
import { OrderStatus } from './change-order.enums.js';
import {
  ChangeOrderFilter,
  CopyChangeOrderInput,
  CreateChangeOrderInput,
  OrderDecisionInput,
  OrderRefInput,
  SetChangeOrderLinesInput,
  SetProductChangeInput,
  SubmitChangeOrderInput,
  UpdateChangeOrderInput,
} from './change-order.inputs.js';
import { contentViolations } from './change-order.rules.js';
import {
  ChangeOrderConnection,
  ChangeOrderLineView,
  ChangeOrderPayload,
  CostLine,
  CostPreview,
  ProductChangeView,
} from './change-order.types.js';
import { orderCostFigures } from './order-cost.js';
import { OrderEvent } from './order-event.entity.js';

@ArgsType()
class ChangeOrdersArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => ChangeOrderFilter, { nullable: true })
  filter?: ChangeOrderFilter | null;
}

function payload(outcome: Outcome<ChangeOrder>): ChangeOrderPayload {
  return Object.assign(new ChangeOrderPayload(), {
    order: outcome.value,
    userErrors: outcome.userErrors,
  });
}

/** An order's lines with `available` live for a draft and frozen once submitted. */
async function linesOf(order: ChangeOrder, { loaders }: Context) {
  const [lines, inventory] = await Promise.all([
    loaders.orderLines.load(order.id),
    order.status === OrderStatus.DRAFT ? loaders.customerInventory.load(order.customer.id) : [],
  ]);
  const held = new Map(
    inventory.map((row) => [inventoryKey(row.product.id, row.billingAccount.id), row.quantity]),
  );
  const available = (line: ChangeOrderLine) =>
    order.status === OrderStatus.DRAFT
      ? (held.get(inventoryKey(line.product.id, line.billingAccount.id)) ?? 0)
      : (line.frozenAvailable ?? 0);
  return { lines, available };
}

@Resolver(() => ChangeOrder)
export class ChangeOrderResolver {
  // Queries ------------------------------------------------------------------------------

  @Query(() => ChangeOrderConnection)
  changeOrders(@Args(() => ChangeOrdersArgs) args: ChangeOrdersArgs, @Ctx() context: Context) {
    return context.services.orders.list(context.em, requireViewer(context), {
      first: args.first,
      after: args.after,
      status: args.filter?.status,
      customerId: args.filter?.customerId,
    });
  }

  @Query(() => ChangeOrder, { nullable: true })
  changeOrder(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    return context.services.orders.find(context.em, requireViewer(context), id);
  }

  @Query(() => [ChangeOrder], {
    description: "The orders the viewer's reseller must still Final Confirm (status APPROVED).",
  })
  ordersToConfirm(@Ctx() context: Context) {
    return context.services.orders.toConfirm(context.em, requireViewer(context));
  }

  // Mutations: parse, call one service method, return the payload. -----------------------

  @Mutation(() => ChangeOrderPayload)
  async createChangeOrder(
    @Arg('input', () => CreateChangeOrderInput) input: CreateChangeOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.drafting.create(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => ChangeOrderPayload, {
    description:
      "A new DRAFT with an order's title, site, note, implementation lead, lines and product change: how a rejected order is amended and sent again.",
  })
  async copyChangeOrder(
    @Arg('input', () => CopyChangeOrderInput) input: CopyChangeOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.drafting.copy(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => ChangeOrderPayload)
  async updateChangeOrder(
    @Arg('input', () => UpdateChangeOrderInput) input: UpdateChangeOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.drafting.update(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => ChangeOrderPayload)
  async setChangeOrderLines(
    @Arg('input', () => SetChangeOrderLinesInput) input: SetChangeOrderLinesInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.drafting.setLines(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => ChangeOrderPayload)
  async setProductChange(
    @Arg('input', () => SetProductChangeInput) input: SetProductChangeInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.drafting.setProductChange(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => ChangeOrderPayload)
  async submitChangeOrder(
    @Arg('input', () => SubmitChangeOrderInput) input: SubmitChangeOrderInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.decisions.submit(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => ChangeOrderPayload)
  async cancelChangeOrder(
    @Arg('input', () => OrderRefInput) input: OrderRefInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.decisions.cancel(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => ChangeOrderPayload)
  async approveChangeOrder(
    @Arg('input', () => OrderDecisionInput) input: OrderDecisionInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.decisions.approve(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => ChangeOrderPayload)
  async rejectChangeOrder(
    @Arg('input', () => OrderDecisionInput) input: OrderDecisionInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.decisions.reject(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => ChangeOrderPayload)
  async finalConfirmChangeOrder(
    @Arg('input', () => OrderRefInput) input: OrderRefInput,
    @Ctx() ctx: Context,
  ) {
    return payload(await ctx.services.decisions.finalConfirm(ctx.em, requireViewer(ctx), input));
  }

  // Fields -------------------------------------------------------------------------------

  @FieldResolver(() => Customer)
  customer(@Root() order: ChangeOrder, @Ctx() { loaders }: Context) {
    return loaders.entity(Customer, order.customer.id);
  }

  @FieldResolver(() => Site, { nullable: true })
  site(@Root() order: ChangeOrder, @Ctx() { loaders }: Context) {
    return order.site ? loaders.entity(Site, order.site.id) : null;
  }

  @FieldResolver(() => Organization)
  reseller(@Root() order: ChangeOrder, @Ctx() { loaders }: Context) {
    return loaders.entity(Organization, order.reseller.id);
  }

  @FieldResolver(() => Organization, {
    description: 'Request to: the vendor that decides the order.',
  })
  requestTo(@Root() order: ChangeOrder, @Ctx() { loaders }: Context) {
    return loaders.entity(Organization, order.requestTo.id);
  }

  @FieldResolver(() => User, { description: 'Order User: who created it.' })
  orderUser(@Root() order: ChangeOrder, @Ctx() { loaders }: Context) {
    return loaders.entity(User, order.orderUser.id);
  }

  @FieldResolver(() => Contact, { nullable: true })
  implementationLead(@Root() order: ChangeOrder, @Ctx() { loaders }: Context) {
    return order.implementationLead ? loaders.entity(Contact, order.implementationLead.id) : null;
  }

  @FieldResolver(() => [ChangeOrderLineView])
  async lines(@Root() order: ChangeOrder, @Ctx() context: Context): Promise<ChangeOrderLineView[]> {
    const { lines, available } = await linesOf(order, context);
    return lines.map((line) =>
      Object.assign(new ChangeOrderLineView(), {
        product: line.product,
        billingAccount: line.billingAccount,
        available: available(line),
        delta: line.delta,
        toBe: available(line) + line.delta,
      }),
    );
  }

  @FieldResolver(() => ProductChangeView)
  async productChange(
    @Root() order: ChangeOrder,
    @Ctx() { loaders }: Context,
  ): Promise<ProductChangeView> {
    const [product, replaces] = await Promise.all([
      order.productChangeProduct ? loaders.entity(Product, order.productChangeProduct.id) : null,
      order.productChangeReplaces ? loaders.entity(Product, order.productChangeReplaces.id) : null,
    ]);
    return Object.assign(new ProductChangeView(), {
      mode: order.productChangeMode,
      product,
      replaces,
    });
  }

  @FieldResolver(() => CostPreview)
  async costPreview(@Root() order: ChangeOrder, @Ctx() context: Context): Promise<CostPreview> {
    const [{ lines, available }, facts] = await Promise.all([
      linesOf(order, context),
      context.loaders.facts.load({
        id: order.customer.id,
        reseller: order.reseller,
        vendor: order.requestTo,
      }),
    ]);
    const figures = orderCostFigures(order, lines, available, facts);
    const productById = new Map(facts.catalogue.map((product) => [product.id, product]));
    const cash = (cents: number) => money(cents, facts.currency);
    return Object.assign(new CostPreview(), {
      currentMonthly: cash(figures.currentMonthlyCents),
      newMonthly: cash(figures.newMonthlyCents),
      deltaMonthly: cash(figures.deltaMonthlyCents),
      lines: figures.lines.map((line) =>
        Object.assign(new CostLine(), {
          product: productById.get(line.productId)!,
          quantityBefore: line.quantityBefore,
          quantityAfter: line.quantityAfter,
          unitPrice: cash(line.unitPriceCents),
          monthlyBefore: cash(line.monthlyBeforeCents),
          monthlyAfter: cash(line.monthlyAfterCents),
        }),
      ),
    });
  }

  /** The rules a draft breaks right now (SPEC.md "reported early while editing"); [] once submitted. */
  @FieldResolver(() => [UserError], {
    description:
      'Rules the draft breaks right now, with field paths; submit refuses while any remain. Empty once submitted.',
  })
  async ruleViolations(@Root() order: ChangeOrder, @Ctx() context: Context): Promise<UserError[]> {
    if (order.status !== OrderStatus.DRAFT) return [];
    const [{ lines, available }, facts] = await Promise.all([
      linesOf(order, context),
      context.loaders.facts.load({
        id: order.customer.id,
        reseller: order.reseller,
        vendor: order.requestTo,
      }),
    ]);
    return contentViolations(ruleOrderOf(order, lines, available), facts);
  }

  @FieldResolver(() => [OrderEvent])
  history(@Root() order: ChangeOrder, @Ctx() { loaders }: Context) {
    return loaders.orderHistory.load(order.id);
  }

  @FieldResolver(() => [Attachment])
  documents(@Root() order: ChangeOrder, @Ctx() { loaders }: Context) {
    return loaders.orderDocuments.load(order.id);
  }
}
