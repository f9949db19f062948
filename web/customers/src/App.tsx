import { createMemo, Match, Switch } from 'solid-js';
import type { MountProps } from '@portal/web-shared';
import { CustomerList } from './CustomerList';
import { CustomerPage } from './CustomerPage';
import { css } from './styles';

/** `/customers` → the list; `/customers/<id>` → that customer. */
export function App(props: MountProps) {
  const customerId = createMemo(() => {
    const match = /^\/customers\/([^/]+)$/.exec(props.path());
    return match ? decodeURIComponent(match[1]!) : null;
  });
  return (
    <>
      <style>{css}</style>
      <Switch
        fallback={
          <CustomerList client={props.client} search={props.search?.()} navigate={props.navigate} />
        }
      >
        <Match when={customerId()} keyed>
          {(id) => (
            <CustomerPage
              client={props.client}
              customerId={id}
              canOrder={props.session.organization.kind === 'RESELLER'}
              navigate={props.navigate}
            />
          )}
        </Match>
      </Switch>
    </>
  );
}
