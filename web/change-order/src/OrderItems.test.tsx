import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createMemo } from 'solid-js';
import { createStore } from 'solid-js/store';
import { afterEach, describe, expect, it } from 'vitest';
import { gridSummary } from './grid-math';
import { OrderItems } from './OrderItems';
import { gridRow } from './test-rows';

afterEach(cleanup);

const row = gridRow;

const ROWS = [row('Basic User', 0), row('Basic User With VM', 13), row('Stand Alone VM', 2)];

/** Order Items on a Vertical customer (no primary products), its summary kept as the wizard keeps it. */
function renderItems() {
  const [deltas, setDeltas] = createStore<Record<string, number>>({});
  render(() => {
    const summary = createMemo(() => gridSummary(ROWS, deltas));
    return (
      <OrderItems
        rows={ROWS}
        deltas={deltas}
        onDelta={(key, delta) => setDeltas(key, delta)}
        rowErrors={() => []}
        summary={summary()}
        reviewHeld={false}
        primaries={[]}
        productChange={{ mode: 'KEEP', productId: null, replacesProductId: null }}
        onProductChange={() => undefined}
        productErrors={[]}
      />
    );
  });
  return { user: userEvent.setup() };
}

const orderField = (name: string) =>
  screen.getByRole<HTMLInputElement>('spinbutton', { name: `Order(+/-) ${name} Vertical Demo` });
const summaryText = () => screen.getByText(/items? changes?/).textContent;

describe('Order Items', () => {
  it('names each row problem in the summary as the row itself does', async () => {
    const { user } = renderItems();
    expect(summaryText()).toBe('0 items change');

    await user.clear(orderField('Basic User'));
    await user.type(orderField('Basic User'), '100001');
    expect(summaryText()).toBe('0 items change · 1 outside -100000 to 100000');

    await user.clear(orderField('Stand Alone VM'));
    await user.type(orderField('Stand Alone VM'), '-3');
    await user.clear(orderField('Basic User With VM'));
    await user.type(orderField('Basic User With VM'), '1.5');
    expect(summaryText()).toBe(
      '1 item changes · 1 below zero in To Be(EA) · 1 not a whole number · 1 outside -100000 to 100000',
    );

    await user.clear(orderField('Basic User'));
    await user.type(orderField('Basic User'), '4');
    expect(summaryText()).toBe('2 items change · 1 below zero in To Be(EA) · 1 not a whole number');
  });
});
