import { createMemo, Match, Show, Switch } from 'solid-js';
import type { MountProps } from '@portal/web-shared';
import { FinalConfirm } from './FinalConfirm';
import { OrderDetail } from './OrderDetail';
import { OrderList } from './OrderList';

type Route =
  | { screen: 'list' }
  | { screen: 'detail'; orderId: string }
  | { screen: 'confirm'; orderId: string }
  | { screen: 'unknown' };

/** `/orders`, `/orders/<orderId>` and `/orders/<orderId>/confirm`. */
export function routeOf(path: string): Route {
  const match = /^\/orders(?:\/([^/]+)(\/confirm)?)?\/?$/.exec(path);
  if (!match) return { screen: 'unknown' };
  if (!match[1]) return { screen: 'list' };
  const orderId = decodeURIComponent(match[1]);
  return match[2] ? { screen: 'confirm', orderId } : { screen: 'detail', orderId };
}

/**
 * The orders micro-frontend: Order Management, an order, and Order Final Confirm. A vendor
 * sees the orders submitted to it, without the reseller's steps.
 */
export function App(props: MountProps) {
  const route = createMemo(() => routeOf(props.path()));
  const viewerKind = () => props.session.organization.kind;
  const orderId = createMemo(() => {
    const current = route();
    return 'orderId' in current ? current.orderId : undefined;
  });
  return (
    <Switch
      fallback={
        <p>
          Nothing here. <a href="/orders">Order Management</a>
        </p>
      }
    >
      <Match when={route().screen === 'list'}>
        <OrderList
          client={props.client}
          search={props.search?.() ?? ''}
          navigate={props.navigate}
          viewerKind={viewerKind()}
        />
      </Match>
      {/* Keyed on the order: another order starts with fresh screen state. */}
      <Match when={route().screen === 'detail'}>
        <Show when={orderId()} keyed>
          {(id) => (
            <OrderDetail
              client={props.client}
              orderId={id}
              viewerKind={viewerKind()}
              navigate={props.navigate}
            />
          )}
        </Show>
      </Match>
      {/* Final Confirm is the reseller's step: a vendor at its address sees the order. */}
      <Match when={route().screen === 'confirm' && viewerKind() === 'VENDOR'}>
        <Show when={orderId()} keyed>
          {(id) => (
            <OrderDetail
              client={props.client}
              orderId={id}
              viewerKind="VENDOR"
              navigate={props.navigate}
            />
          )}
        </Show>
      </Match>
      <Match when={route().screen === 'confirm'}>
        <Show when={orderId()} keyed>
          {(id) => <FinalConfirm client={props.client} orderId={id} />}
        </Show>
      </Match>
    </Switch>
  );
}
