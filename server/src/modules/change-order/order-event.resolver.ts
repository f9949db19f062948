import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { badArgument, MAX_PAGE_SIZE } from '../../common/pagination.js';
import { eventScope } from '../auth/access.js';
import { User } from '../auth/user.entity.js';
import { ChangeOrder } from './change-order.entity.js';
import { OrderEvent } from './order-event.entity.js';

@Resolver(() => OrderEvent)
export class OrderEventResolver {
  @Query(() => [OrderEvent], {
    description:
      'Events visible to the viewer after a sequence, oldest first (polling and catch-up).',
  })
  orderEventLog(
    @Arg('afterSequence', () => Int, { nullable: true, defaultValue: 0 })
    afterSequence: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number | null,
    @Ctx() context: Context,
  ): Promise<OrderEvent[]> {
    const viewer = requireViewer(context);
    first ??= 100;
    afterSequence ??= 0;
    if (first < 1 || first > MAX_PAGE_SIZE) {
      throw badArgument('first', `first must be between 1 and ${MAX_PAGE_SIZE} (got ${first}).`);
    }
    return context.em.find(
      OrderEvent,
      { sequence: { $gt: afterSequence }, ...eventScope(viewer) },
      { orderBy: { sequence: 'asc' }, limit: first },
    );
  }

  @FieldResolver(() => ChangeOrder)
  order(@Root() event: OrderEvent, @Ctx() { loaders }: Context) {
    return loaders.entity(ChangeOrder, event.order.id);
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: OrderEvent, @Ctx() { loaders }: Context) {
    return event.actor ? loaders.entity(User, event.actor.id) : null;
  }
}
