import { createMemo, Match, Switch } from 'solid-js';
import type { MountProps } from '@portal/web-shared';
import { OrderReview } from './OrderReview';
import { Queue } from './Queue';

type Route = { screen: 'queue' } | { screen: 'order'; orderId: string } | { screen: 'unknown' };

/** `/vendor` and `/vendor/orders/<orderId>`. */
export function routeOf(path: string): Route {
  if (/^\/vendor\/?$/.test(path)) return { screen: 'queue' };
  const match = /^\/vendor\/orders\/([^/]+)\/?$/.exec(path);
  return match?.[1]
    ? { screen: 'order', orderId: decodeURIComponent(match[1]) }
    : { screen: 'unknown' };
}

/** The vendor micro-frontend: the approval dashboard and one order to decide. */
export function App(props: MountProps) {
  const route = createMemo(() => routeOf(props.path()));
  const orderId = createMemo(() => {
    const current = route();
    return current.screen === 'order' ? current.orderId : undefined;
  });
  return (
    <Switch
      fallback={
        <p>
          Nothing here. <a href="/vendor">Approval dashboard</a>
        </p>
      }
    >
      <Match when={route().screen === 'queue'}>
        <Queue client={props.client} />
      </Match>
      {/* Keyed on the order: another order gets its own subscription and form state. */}
      <Match when={orderId()} keyed>
        {(id) => <OrderReview client={props.client} orderId={id} />}
      </Match>
    </Switch>
  );
}
