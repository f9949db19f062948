import type { Client } from '@urql/core';
import { createMemo, For, Show, untrack } from 'solid-js';
import { Empty, ErrorMessage, Loading, query as createQuery } from '@portal/web-shared';
import { Attachments } from './Attachments';
import { Contacts } from './Contacts';
import { CustomerOrders } from './CustomerOrders';
import { LicenseGrid } from './LicenseGrid';
import { CUSTOMER } from './queries';

/**
 * One customer: its facts, licence grid, attachments, orders and contacts, and the Change
 * Order button that opens the wizard (for resellers; vendors only look).
 */
export function CustomerPage(props: {
  client: Client;
  customerId: string;
  /** The viewer is a reseller's: it orders and adds contacts (a vendor only looks). */
  canOrder: boolean;
  navigate: (path: string) => void;
}) {
  const [result, { refetch }] = createQuery(
    untrack(() => props.client),
    CUSTOMER,
    () => ({
      id: props.customerId,
    }),
  );
  const loaded = createMemo(() => (result.error ? undefined : result()));

  return (
    <section aria-labelledby="customer-title">
      <p>
        <a href="/customers">← Customers</a>
      </p>
      <Show
        when={!result.error}
        fallback={<ErrorMessage error={result.error as unknown} retry={refetch} />}
      >
        <Show when={loaded()} fallback={<Loading label="Loading customer…" />}>
          {(data) => (
            <Show
              when={data().customer}
              fallback={
                <>
                  <h1 id="customer-title">Customer not found</h1>
                  <Empty>
                    There is no such customer, or it is not one of yours.{' '}
                    <a href="/customers">Back to Customers</a>
                  </Empty>
                </>
              }
            >
              {(customer) => (
                <>
                  <div class="page-head">
                    <h1 id="customer-title">{customer().name}</h1>
                    <Show when={props.canOrder}>
                      <button
                        type="button"
                        onClick={() =>
                          props.navigate(
                            `/customers/${encodeURIComponent(customer().id)}/change-order`,
                          )
                        }
                      >
                        Change Order
                      </button>
                    </Show>
                  </div>
                  <div class="panel">
                    <dl class="facts">
                      <dt>Customer Type</dt>
                      <dd>{customer().customerType}</dd>
                      <dt>Service Plan</dt>
                      <dd>{customer().servicePlan}</dd>
                      <dt>Vendor</dt>
                      <dd>{customer().vendor.name}</dd>
                      <dt>Reseller</dt>
                      <dd>{customer().reseller.name}</dd>
                      <dt>Customer Site</dt>
                      <dd>
                        <Show when={customer().sites.length > 0} fallback="—">
                          <For each={customer().sites}>
                            {(site) => (
                              <div>
                                {site.name}
                                {site.address ? ` · ${site.address}` : ''}
                              </div>
                            )}
                          </For>
                        </Show>
                      </dd>
                      <dt>Implementation Lead</dt>
                      <dd>
                        <Show when={customer().implementationLead} fallback="—">
                          {(lead) => `${lead().name} <${lead().email}>`}
                        </Show>
                      </dd>
                    </dl>
                  </div>
                  <h2>Licences</h2>
                  <LicenseGrid licenses={customer().licenses} />
                  <h2>Attachments</h2>
                  <Attachments client={props.client} attachments={customer().attachments} />
                  <h2>Orders</h2>
                  <CustomerOrders client={props.client} customerId={customer().id} />
                  <h2>Contacts</h2>
                  <Contacts
                    client={props.client}
                    customerId={customer().id}
                    contacts={customer().contacts}
                    leadId={customer().implementationLead?.id ?? null}
                    canAdd={props.canOrder}
                  />
                </>
              )}
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
