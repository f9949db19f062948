import { For, Show, createMemo, untrack } from 'solid-js';
import { graphql, mutate, query, reloadOnEvents } from '@portal/web-shared';
import type { Session } from './session';

const PENDING = graphql(`
  query PendingAlerts {
    pendingAlerts {
      id
      kind
      createdAt
      order {
        id
        number
        title
        customer {
          name
        }
      }
    }
  }
`);
const RAISED = graphql(`
  subscription AlertRaised {
    alertRaised {
      id
      kind
    }
  }
`);
const ACK = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      acknowledged {
        id
      }
      userErrors {
        message
      }
    }
  }
`);
const ACK_ALL = graphql(`
  mutation AcknowledgeAllAlerts {
    acknowledgeAllAlerts {
      acknowledged {
        id
      }
      userErrors {
        message
      }
    }
  }
`);

/** "1 order was" / "3 orders were". */
const ordersWere = (n: number) => `${n} ${n === 1 ? 'order was' : 'orders were'}`;

/**
 * What happened, not what is to do now: an alert stays until OK / OK ALL (SPEC), also
 * after its order was decided or confirmed elsewhere, and then "3 orders to decide" would
 * be wrong. (SPEC calls the approval's alert "an order to be confirmed".)
 */
const HEADLINE: Record<string, (n: number) => string> = {
  ORDER_TO_CONFIRM: (n) => `${ordersWere(n)} approved for your final confirmation`,
  ORDER_SUBMITTED: (n) => `${ordersWere(n)} submitted for your decision`,
  ORDER_REJECTED: (n) => `${ordersWere(n)} rejected`,
};

/**
 * The alert at the top of every screen while alerts are pending ("1 order was approved for
 * your final confirmation"), arriving live through alertRaised, with OK per alert and OK ALL.
 */
export function AlertBanner(props: { session: Session }) {
  // Read once: the session never changes under a mounted screen (signing out unmounts it).
  const urql = untrack(() => props.session.client.urql);
  const [alerts, { refetch }] = query(urql, PENDING, () => ({}));
  reloadOnEvents(urql, RAISED, {}, refetch);

  const groups = createMemo(() => {
    const byKind = new Map<string, NonNullable<ReturnType<typeof alerts>>['pendingAlerts']>();
    for (const alert of alerts()?.pendingAlerts ?? [])
      byKind.set(alert.kind, [...(byKind.get(alert.kind) ?? []), alert]);
    return [...byKind.entries()];
  });

  async function ok(id: string) {
    await mutate(urql, ACK, { id });
    refetch();
  }
  async function okAll() {
    await mutate(urql, ACK_ALL, {});
    refetch();
  }

  return (
    <Show when={(alerts.latest?.pendingAlerts.length ?? 0) > 0}>
      <section class="alert-banner" role="region" aria-label="Alerts" aria-live="polite">
        <For each={groups()}>
          {([kind, list]) => (
            <div>
              <strong>{HEADLINE[kind]?.(list.length) ?? kind}</strong>
              <ul>
                <For each={list}>
                  {(alert) => (
                    <li>
                      <a
                        href={
                          kind === 'ORDER_SUBMITTED'
                            ? `/vendor/orders/${alert.order.id}`
                            : kind === 'ORDER_TO_CONFIRM'
                              ? `/orders/${alert.order.id}/confirm`
                              : `/orders/${alert.order.id}`
                        }
                      >
                        Order {alert.order.number} · {alert.order.customer.name} ·{' '}
                        {alert.order.title}
                      </a>{' '}
                      <button
                        type="button"
                        class="secondary"
                        aria-label={`OK, order ${alert.order.number}`}
                        onClick={() => void ok(alert.id)}
                      >
                        OK
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          )}
        </For>
        <button type="button" onClick={() => void okAll()}>
          OK ALL
        </button>
      </section>
    </Show>
  );
}
