import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, ID, InputType, Int, Resolver, Root, Subscription } from 'type-graphql';
import { freshContext, requireViewer, type Context } from '../../app/context.js';
import { Alert } from '../alert/alert.entity.js';
import { ChangeOrder } from '../change-order/change-order.entity.js';
import { OrderEventType } from '../change-order/change-order.enums.js';
import { OrderEvent } from '../change-order/order-event.entity.js';

@InputType('OrderEventFilter')
export class OrderEventFilter {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => [OrderEventType], { nullable: true })
  types?: OrderEventType[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Replay every visible event after this sequence before going live.',
  })
  afterSequence?: number | null;
}

/**
 * Subscriptions. Each pushed value is resolved with a fresh EntityManager and loaders
 * (freshContext), so a long-lived subscription never serves what an earlier event cached.
 */
@Resolver()
export class LiveResolver {
  @Subscription(() => OrderEvent, {
    description: 'Order events the viewer may see, live; with afterSequence, missed ones first.',
    subscribe: ({ args, context }) =>
      (context as Context).services.live.orderEvents(
        requireViewer(context as Context),
        (args as { filter?: OrderEventFilter | null }).filter ?? {},
      ),
  })
  orderEvents(
    @Root() event: OrderEvent,
    @Arg('filter', () => OrderEventFilter, { nullable: true }) _filter: OrderEventFilter | null,
    @Ctx() context: Context,
  ): OrderEvent {
    freshContext(context, event);
    return event;
  }

  @Subscription(() => Alert, {
    description: 'Alerts raised for the viewer (the confirmation alert among them).',
    subscribe: ({ context }) =>
      (context as Context).services.live.alertRaised(requireViewer(context as Context)),
  })
  alertRaised(@Root() alert: Alert, @Ctx() context: Context): Alert {
    freshContext(context);
    return alert;
  }

  @Subscription(() => ChangeOrder, {
    description: "One order's changes, live.",
    subscribe: ({ args, context }) =>
      (context as Context).services.live.changeOrderUpdated(
        requireViewer(context as Context),
        (args as { orderId: string }).orderId,
      ),
  })
  async changeOrderUpdated(
    @Root() event: OrderEvent,
    @Arg('orderId', () => ID) _orderId: string,
    @Ctx() context: Context,
  ): Promise<ChangeOrder> {
    // The feed pushes only this order's events the viewer may see; an order never leaves
    // the scope it was subscribed in (its reseller and vendor are fixed, and a vendor sees
    // it from its submission on). Every subscriber of the event shares this read.
    freshContext(context, event);
    const order = await context.loaders.entity(ChangeOrder, event.order.id);
    if (!order) throw new GraphQLError('No such order.', { extensions: { code: 'NOT_FOUND' } });
    return order;
  }
}
