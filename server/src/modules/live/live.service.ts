import type { EntityManager } from '@mikro-orm/postgresql';
import { Repeater } from '@repeaterjs/repeater';
import { GraphQLError } from 'graphql';
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
 * Values a subscriber may fall behind by before it is cut off (it can resume with
 * afterSequence). Below Repeater's own cap of 1024 pending pushes.
 */
const MAX_BACKLOG = 1_000;

/** The same tenancy as eventScope(), for an event already in memory. */
export function eventVisibleTo(viewer: Viewer, event: OrderEvent): boolean {
  return viewer.organizationKind === OrganizationKind.RESELLER
    ? event.reseller.id === viewer.organizationId
    : event.vendor.id === viewer.organizationId && event.vendorVisible;
}

/**
 * A live stream over the relay: `listen` gets each relayed event and returns what to push
 * (if anything). A subscriber that falls MAX_BACKLOG events behind is ended with an error.
 */
function liveStream<T>(
  relay: OrderEventRelay,
  listen: (relayed: RelayedEvent, push: (value: T) => void) => void,
  prepare?: (push: (value: T) => Promise<unknown>) => Promise<void>,
): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    let pending = 0;
    const pushLive = (value: T) => {
      if (++pending > MAX_BACKLOG) {
        stop(new GraphQLError('The subscriber fell too far behind; resume with afterSequence.'));
        return;
      }
      void push(value).then(
        () => pending--,
        () => undefined,
      );
    };
    const buffered: RelayedEvent[] = [];
    let live = !prepare;
    const unsubscribe = relay.subscribe((relayed) => {
      if (live) listen(relayed, pushLive);
      else buffered.push(relayed);
    });
    try {
      if (prepare) {
        await prepare(push);
        live = true;
        for (const relayed of buffered.splice(0)) listen(relayed, pushLive);
      }
    } catch (error) {
      stop(error);
    }
    await stop;
    unsubscribe();
  });
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
  orderEvents(
    viewer: Viewer,
    filter: OrderEventFilterArgs = {},
  ): AsyncIterableIterator<OrderEvent> {
    const customerKey =
      filter.customerId != null ? (idOfType(filter.customerId, 'Customer') ?? 'none') : null;
    const types = filter.types?.length ? new Set(filter.types) : null;
    const wanted = (event: OrderEvent) =>
      eventVisibleTo(viewer, event) &&
      (customerKey === null || event.customer.id === customerKey) &&
      (types === null || types.has(event.type));

    const head = this.relay.head;
    let last = filter.afterSequence ?? head;
    const replay =
      filter.afterSequence != null && filter.afterSequence < head
        ? async (push: (event: OrderEvent) => Promise<unknown>) => {
            let after = filter.afterSequence!;
            for (;;) {
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
              for (const event of page) await push(event);
              if (page.length < REPLAY_PAGE) break;
              after = page.at(-1)!.sequence;
            }
            last = head;
          }
        : undefined;

    return liveStream<OrderEvent>(
      this.relay,
      ({ event }, push) => {
        if (event.sequence <= last) return;
        last = event.sequence;
        if (wanted(event)) push(event);
      },
      replay,
    );
  }

  /** The viewer's new alerts (a person's; an API key has none). */
  alertRaised(viewer: Viewer): AsyncIterableIterator<Alert> {
    return liveStream<Alert>(this.relay, ({ alerts }, push) => {
      for (const alert of alerts) if (alert.user.id === viewer.userId) push(alert);
    });
  }

  /** The id of one order each time it changes (the resolver loads it fresh). */
  async changeOrderUpdated(
    viewer: Viewer,
    orderId: string,
  ): Promise<AsyncIterableIterator<string>> {
    const key = idOfType(orderId, 'ChangeOrder');
    const order = key
      ? await this.fork().findOne(ChangeOrder, { id: key, ...orderScope(viewer) })
      : null;
    if (!order) {
      throw new GraphQLError('No such order.', {
        extensions: { code: 'NOT_FOUND', argument: 'orderId' },
      });
    }
    return liveStream<string>(this.relay, ({ event }, push) => {
      if (event.order.id === order.id && eventVisibleTo(viewer, event)) push(order.id);
    });
  }
}
