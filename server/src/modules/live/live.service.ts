import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { Feed, type FeedController } from '../../common/feed.js';
import { idOfType } from '../../common/global-id.js';
import type { Alert } from '../alert/alert.entity.js';
import { eventScope, orderScope } from '../auth/access.js';
import type { Viewer } from '../auth/viewer.js';
import { ChangeOrder } from '../change-order/change-order.entity.js';
import type { OrderEventType } from '../change-order/change-order.enums.js';
import { OrderEvent } from '../change-order/order-event.entity.js';
import { OrganizationKind } from '../organization/organization.entity.js';
import type { OrderEventRelay, RelayedEvent } from './order-event-relay.js';

export interface OrderEventFilterArgs {
  customerId?: string | null;
  types?: OrderEventType[] | null;
  afterSequence?: number | null;
}

const REPLAY_PAGE = 500;
/**
 * Values an iterating subscriber may fall behind by before it is cut off (it can resume
 * with afterSequence). Above REPLAY_PAGE: a replayed page is pushed at once.
 */
const MAX_BACKLOG = 1_000;

/** What ends a subscriber that fell too far behind, however it receives its events. */
export function fellBehind(): GraphQLError {
  return new GraphQLError('The subscriber fell too far behind; resume with afterSequence.');
}

/** The same tenancy as eventScope(), for an event already in memory. */
export function eventVisibleTo(viewer: Viewer, event: OrderEvent): boolean {
  return viewer.organizationKind === OrganizationKind.RESELLER
    ? event.reseller.id === viewer.organizationId
    : event.vendor.id === viewer.organizationId && event.vendorVisible;
}

/**
 * A live feed over the relay: `listen` gets each relayed event and pushes what the
 * subscriber should get (if anything). `begin` runs once the feed listens, with the
 * relay's head at that moment; relayed events are held until it is done (a replay of
 * the past), then handed to `listen`: nothing is missed in between, nothing seen twice. A
 * subscriber that iterates and falls MAX_BACKLOG events behind is ended with an error (an
 * observing one is held to its socket's buffer instead, see websocket.ts).
 */
function liveStream<T>(
  relay: OrderEventRelay,
  listen: (relayed: RelayedEvent, push: (value: T) => void) => void,
  begin?: (head: number, feed: FeedController<T>) => Promise<void> | void,
): Feed<T> {
  return new Feed<T>(
    async (feed) => {
      const held: RelayedEvent[] = [];
      let live = false;
      const unsubscribe = relay.subscribe((relayed) => {
        if (live) listen(relayed, feed.push);
        else held.push(relayed);
      });
      try {
        await begin?.(relay.head, feed);
      } catch (error) {
        unsubscribe();
        throw error;
      }
      live = true;
      for (const relayed of held.splice(0)) listen(relayed, feed.push);
      return unsubscribe;
    },
    {
      maxBacklog: MAX_BACKLOG,
      overflow: fellBehind,
    },
  );
}

/** The live side of the API: subscriptions over the outbox relay, tenant-scoped. */
export class LiveService {
  constructor(
    private readonly relay: OrderEventRelay,
    private readonly fork: () => EntityManager,
  ) {}

  /**
   * Every event the viewer may see, as it commits. With `afterSequence`, the events after
   * it come first from the database, up to where the relay stood when the subscription
   * began (events after that were buffered meanwhile), then live ones: no gap, no duplicate.
   */
  orderEvents(viewer: Viewer, filter: OrderEventFilterArgs = {}): Feed<OrderEvent> {
    const customerKey =
      filter.customerId != null ? (idOfType(filter.customerId, 'Customer') ?? 'none') : null;
    const types = filter.types?.length ? new Set(filter.types) : null;
    const wanted = (event: OrderEvent) =>
      eventVisibleTo(viewer, event) &&
      (customerKey === null || event.customer.id === customerKey) &&
      (types === null || types.has(event.type));

    // The last sequence handled: events up to it are skipped (replayed, or before the start).
    let last = 0;
    return liveStream<OrderEvent>(
      this.relay,
      ({ event }, push) => {
        if (event.sequence <= last) return;
        last = event.sequence;
        if (wanted(event)) push(event);
      },
      async (head, feed) => {
        last = filter.afterSequence ?? head;
        if (filter.afterSequence == null || filter.afterSequence >= head) return;
        let stopped = false;
        void feed.stopped.then(() => (stopped = true));
        let after = filter.afterSequence;
        while (!stopped) {
          const page = await this.fork().find(
            OrderEvent,
            {
              sequence: { $gt: after, $lte: head },
              ...eventScope(viewer),
              ...(customerKey !== null ? { customer: customerKey } : {}),
              ...(types !== null ? { type: { $in: [...types] } } : {}),
            },
            { orderBy: { sequence: 'asc' }, limit: REPLAY_PAGE },
          );
          for (const event of page) feed.push(event);
          // A page at a time: the subscriber takes this one before the next is read.
          await feed.drained();
          if (page.length < REPLAY_PAGE) break;
          after = page.at(-1)!.sequence;
        }
        last = head;
      },
    );
  }

  /** The viewer's new alerts (a person's; an API key has none). */
  alertRaised(viewer: Viewer): Feed<Alert> {
    return liveStream<Alert>(this.relay, ({ alerts }, push) => {
      for (const alert of alerts) if (alert.user.id === viewer.userId) push(alert);
    });
  }

  /**
   * Each event of one order, as it commits, for the resolver to load the order's new state.
   * The order is checked against the viewer's scope once, here; each event after that against
   * eventVisibleTo. The relay's own event object is pushed, the same for every subscriber, so
   * that they share one read of the order (see freshContext).
   */
  async changeOrderUpdated(viewer: Viewer, orderId: string): Promise<Feed<OrderEvent>> {
    const key = idOfType(orderId, 'ChangeOrder');
    const order = key
      ? await this.fork().findOne(ChangeOrder, { id: key, ...orderScope(viewer) })
      : null;
    if (!order) {
      throw new GraphQLError('No such order.', {
        extensions: { code: 'NOT_FOUND', argument: 'orderId' },
      });
    }
    return liveStream<OrderEvent>(this.relay, ({ event }, push) => {
      if (event.order.id === order.id && eventVisibleTo(viewer, event)) push(event);
    });
  }
}
