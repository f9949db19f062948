import type { Client } from '@urql/core';
import { mutate, newIdempotencyKey } from '@portal/web-shared';
import { COPY_ORDER } from './documents';
import { StepButton } from './StepButton';

/**
 * "Copy into a new order": a new DRAFT with this order's title, site, note, lead, items and
 * product change, opened in the Change Order wizard to be amended and submitted. How a
 * rejected order is sent again (REJECTED is final). No confirmation: the draft can be
 * cancelled. One idempotency key per order shown, so a click again after an answer that
 * never came opens the draft the first click made rather than a second one.
 */
export function CopyOrderAction(props: {
  client: Client;
  orderId: string;
  navigate: (path: string) => void;
  /** The button's look: the page's main step (a rejected order), or a lesser one. */
  secondary?: boolean;
}) {
  const idempotencyKey = newIdempotencyKey();

  async function copy() {
    const data = await mutate(props.client, COPY_ORDER, {
      input: { orderId: props.orderId, idempotencyKey },
    });
    const draft = data.copyChangeOrder.order;
    if (draft) props.navigate(`/change-order/${encodeURIComponent(draft.id)}`);
    return data.copyChangeOrder.userErrors;
  }

  return (
    <StepButton
      label="Copy into a new order"
      busyLabel="Copying…"
      refusedTitle="The order was not copied."
      secondary={props.secondary}
      run={copy}
    />
  );
}
