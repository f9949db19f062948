import type { Client } from '@urql/core';
import { createMemo, createSignal, Match, Show, Switch, type JSX, untrack } from 'solid-js';
import {
  Empty,
  ErrorMessage,
  Loading,
  query as createQuery,
  statusLabel,
  type MountProps,
} from '@portal/web-shared';
import { NewOrder } from './NewOrder';
import { ORDER, WIZARD_CUSTOMER, type WizardCustomer, type WizardOrder } from './queries';
import { css } from './styles';
import { Submitted } from './Submitted';
import { Wizard } from './Wizard';

const NEW_ORDER = /^\/customers\/([^/]+)\/change-order$/;
const DRAFT = /^\/change-order\/([^/]+)$/;

/**
 * `/customers/<customerId>/change-order` → a new order for that customer (step 1);
 * `/change-order/<orderId>` → the wizard on that draft.
 */
export function App(props: MountProps) {
  const param = (pattern: RegExp) => {
    const match = pattern.exec(props.path());
    return match ? decodeURIComponent(match[1]!) : null;
  };
  const newFor = createMemo(() => param(NEW_ORDER));
  const draftId = createMemo(() => param(DRAFT));
  const isReseller = () => props.session.organization.kind === 'RESELLER';

  return (
    <section class="change-order" aria-labelledby="wizard-title">
      <style>{css}</style>
      <h1 id="wizard-title">Change Order</h1>
      <Switch fallback={<Empty>There is nothing at this address.</Empty>}>
        <Match when={!isReseller()}>
          <Empty>Change orders are placed by resellers.</Empty>
        </Match>
        <Match when={newFor()} keyed>
          {(customerId) => (
            <CustomerLoader client={props.client} customerId={customerId}>
              {(customer) => (
                <NewOrder client={props.client} customer={customer} navigate={props.navigate} />
              )}
            </CustomerLoader>
          )}
        </Match>
        <Match when={draftId()} keyed>
          {(orderId) => <DraftLoader client={props.client} orderId={orderId} />}
        </Match>
      </Switch>
    </section>
  );
}

/** Loads the customer the order is for; shows loading, errors and "not found". */
function CustomerLoader(props: {
  client: Client;
  customerId: string;
  children: (customer: WizardCustomer) => JSX.Element;
}) {
  const [result, { refetch }] = createQuery(
    untrack(() => props.client),
    WIZARD_CUSTOMER,
    () => ({
      id: props.customerId,
    }),
  );
  const loaded = createMemo(() => (result.error ? undefined : result()));
  return (
    <Show
      when={!result.error}
      fallback={<ErrorMessage error={result.error as unknown} retry={refetch} />}
    >
      <Show when={loaded()} fallback={<Loading label="Loading customer…" />}>
        {(data) => (
          <Show
            when={data().customer}
            keyed
            fallback={
              <Empty>
                There is no such customer, or it is not one of yours.{' '}
                <a href="/customers">Back to Customers</a>
              </Empty>
            }
          >
            {(customer) => (
              <>
                <p class="customer-name">
                  Customer:{' '}
                  <a href={`/customers/${encodeURIComponent(customer.id)}`}>{customer.name}</a> ·{' '}
                  {customer.vendor.name}
                </p>
                {props.children(customer)}
              </>
            )}
          </Show>
        )}
      </Show>
    </Show>
  );
}

/**
 * Loads a draft (to resume it) and its customer; an order past DRAFT is not edited here.
 * Once the wizard submits it, the confirmation takes the wizard's place, on this address,
 * so the user learns there that it went and to whom.
 */
function DraftLoader(props: { client: Client; orderId: string }) {
  const [submitted, setSubmitted] = createSignal<WizardOrder | null>(null);
  const [result, { refetch }] = createQuery(
    untrack(() => props.client),
    ORDER,
    () => ({ id: props.orderId }),
  );
  // A reload (after a conflict) shows "loading", then starts the wizard afresh.
  const loaded = createMemo(() => (result.error || result.loading ? undefined : result()));
  return (
    <Show
      when={!result.error}
      fallback={<ErrorMessage error={result.error as unknown} retry={refetch} />}
    >
      <Show when={loaded()} keyed fallback={<Loading label="Loading order…" />}>
        {(data) => (
          <Show
            when={data.changeOrder}
            keyed
            fallback={
              <Empty>
                There is no such order, or it is not one of yours.{' '}
                <a href="/orders">Order Management</a>
              </Empty>
            }
          >
            {(order) => (
              <Show
                when={order.status === 'DRAFT'}
                fallback={
                  <Empty>
                    Order {order.number} is {statusLabel(order.status)}; only a draft can be
                    changed. <a href={`/orders/${encodeURIComponent(order.id)}`}>Open the order</a>
                  </Empty>
                }
              >
                <CustomerLoader client={props.client} customerId={order.customer.id}>
                  {(customer) => (
                    <Show
                      when={submitted()}
                      fallback={
                        <Wizard
                          client={props.client}
                          order={order}
                          customer={customer}
                          onSubmitted={setSubmitted}
                          onReload={refetch}
                        />
                      }
                    >
                      {(done) => <Submitted order={done()} customer={customer} />}
                    </Show>
                  )}
                </CustomerLoader>
              </Show>
            )}
          </Show>
        )}
      </Show>
    </Show>
  );
}
