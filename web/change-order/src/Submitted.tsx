import { onMount } from 'solid-js';

/**
 * What the wizard becomes once its order is submitted: that it went, to whom, and where
 * to follow it. The heading takes the focus, so a screen reader announces it.
 */
export function Submitted(props: {
  order: { id: string; number: number; title: string; requestTo: { name: string } };
  customer: { id: string; name: string };
}) {
  let heading!: HTMLHeadingElement;
  onMount(() => heading.focus());
  const orderPath = () => `/orders/${encodeURIComponent(props.order.id)}`;
  return (
    <section class="panel step-panel" aria-labelledby="submitted-title">
      <h2 id="submitted-title" tabindex="-1" ref={(element) => (heading = element)}>
        Order No. {props.order.number} submitted to {props.order.requestTo.name} for approval.
      </h2>
      <p>
        “{props.order.title}” for {props.customer.name} now waits for {props.order.requestTo.name}{' '}
        to approve or reject it; its page shows where it stands.
      </p>
      <div class="actions">
        <a class="button" href={orderPath()}>
          Open order {props.order.number}
        </a>
        <a class="button secondary" href="/orders">
          Order Management
        </a>
      </div>
    </section>
  );
}
