import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { badArgument, MAX_PAGE_SIZE } from '../../common/pagination.js';
import { eventScope } from '../auth/access.js';
import { User } from '../auth/user.entity.js';
import { ChangeOrder } from './change-order.entity.js';
import { OrderEvent } from './order-event.entity.js';

/**
 * An event object's relations (its order, its actor), each read once however many
 * subscribers resolve it. The relay hands one event object to every subscriber, and
 * subscribers of different audiences (each API key is one) execute their documents apart
 * (`sharedSubscribe` shares only within one audience): a thousand dashboards selecting
 * `order { … }` would read the same row a thousand times per event. Every subscriber the
 * event reached may see these rows, and the later ones only read their columns and ids
 * (nested fields go through their own loaders), so the first one's read serves them all.
 * A query's events are objects of its own request, so nothing is shared beyond it; the
 * reads go with their event.
 */
const readsOfEvent = new WeakMap<OrderEvent, Map<string, Promise<unknown>>>();

function readOnce<T>(event: OrderEvent, what: string, read: () => Promise<T>): Promise<T> {
  let reads = readsOfEvent.get(event);
  if (!reads) readsOfEvent.set(event, (reads = new Map<string, Promise<unknown>>()));
  let pending = reads.get(what) as Promise<T> | undefined;
  if (!pending) {
    const shared = reads;
    shared.set(what, (pending = read()));
    pending.catch(() => shared.delete(what)); // the next subscriber tries again
  }
  return pending;
}

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

  // `context.loaders` only inside the read: it forks an EntityManager on first use.
  @FieldResolver(() => ChangeOrder)
  order(@Root() event: OrderEvent, @Ctx() context: Context) {
    return readOnce(event, 'order', () => context.loaders.entity(ChangeOrder, event.order.id));
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: OrderEvent, @Ctx() context: Context) {
    const actor = event.actor;
    return actor ? readOnce(event, 'actor', () => context.loaders.entity(User, actor.id)) : null;
  }
}
