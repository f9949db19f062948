import { cleanup, render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createStore } from 'solid-js/store';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldError } from './errors';
import { rowKey } from './grid-math';
import { ItemsGrid } from './ItemsGrid';
import { gridRow } from './test-rows';

afterEach(cleanup);

const row = gridRow;

const ROWS = [
  row('Basic User', 0),
  row('Basic User With VM', 13),
  row('Stand Alone VM', 2),
  row('Awareness Training', 0, { kind: 'ADD_ON', itemGroup: 'Add-on' }),
];

/** The grid with its deltas in a store, as the wizard holds them; `changes` records onDelta. */
function renderGrid(rowErrors: (key: string) => readonly FieldError[] = () => []) {
  const changes: [string, number][] = [];
  const [deltas, setDeltas] = createStore<Record<string, number>>({});
  render(() => (
    <ItemsGrid
      rows={ROWS}
      deltas={deltas}
      onDelta={(key, delta) => {
        changes.push([key, delta]);
        setDeltas(key, delta);
      }}
      rowErrors={rowErrors}
    />
  ));
  return { changes, deltas, user: userEvent.setup() };
}

const orderField = (name: string) =>
  screen.getByRole<HTMLInputElement>('spinbutton', { name: `Order(+/-) ${name} Vertical Demo` });
const rowOf = (name: string) => orderField(name).closest('tr')!;
const toBeOf = (name: string) => rowOf(name).querySelector('td:last-child')!.textContent;
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('the Order Items grid', () => {
  it('has the seed portal columns and a named field and buttons per row', () => {
    renderGrid();
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual([
      'Item Group',
      'Item Name',
      'Billing Account',
      'Available',
      'Order(+/-)',
      'To Be(EA)',
    ]);
    expect(orderField('Basic User With VM').value).toBe('0');
    expect(screen.getByRole('button', { name: 'Increase Basic User With VM' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Decrease Basic User With VM' })).toBeTruthy();
    expect(toBeOf('Basic User With VM')).toBe('13');
  });

  it('recomputes To Be(EA) as the user types', async () => {
    const { user, deltas } = renderGrid();
    const field = orderField('Basic User With VM');
    await user.clear(field);
    await user.type(field, '1');
    expect(toBeOf('Basic User With VM')).toBe('14');
    await user.type(field, '5');
    expect(toBeOf('Basic User With VM')).toBe('28');
    expect(deltas[rowKey('Basic User With VM', 'ba-1')]).toBe(15);
    // Other rows are untouched.
    expect(toBeOf('Stand Alone VM')).toBe('2');
  });

  it('steps Order(+/-) with the − and + buttons', async () => {
    const { user, changes } = renderGrid();
    const increase = screen.getByRole('button', { name: 'Increase Basic User' });
    await user.click(increase);
    await user.click(increase);
    expect(orderField('Basic User').value).toBe('2');
    expect(toBeOf('Basic User')).toBe('2');
    await user.click(screen.getByRole('button', { name: 'Decrease Basic User' }));
    expect(orderField('Basic User').value).toBe('1');
    expect(toBeOf('Basic User')).toBe('1');
    expect(changes.map(([, delta]) => delta)).toEqual([1, 2, 1]);
  });

  it('stops Tab once per row, at its field: the keyboard steps the field, not the buttons', async () => {
    const { user } = renderGrid();
    orderField('Basic User').focus();
    await user.tab();
    expect(document.activeElement).toBe(orderField('Basic User With VM'));
    await user.tab();
    expect(document.activeElement).toBe(orderField('Stand Alone VM'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(orderField('Basic User With VM'));
  });

  it('flags a row whose To Be(EA) would fall below zero, and unflags it when fixed', async () => {
    const { user } = renderGrid();
    const field = orderField('Stand Alone VM');
    await user.clear(field);
    await user.type(field, '-3');
    expect(toBeOf('Stand Alone VM')).toBe('-1');
    expect(rowOf('Stand Alone VM').classList.contains('negative')).toBe(true);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain('To Be(EA) would be -1: the customer has 2.');
    // Only that row.
    expect(rowOf('Basic User With VM').classList.contains('negative')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Increase Stand Alone VM' }));
    expect(toBeOf('Stand Alone VM')).toBe('0');
    expect(rowOf('Stand Alone VM').classList.contains('negative')).toBe(false);
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('flags a delta that is not a whole number', async () => {
    const { user } = renderGrid();
    const field = orderField('Basic User');
    await user.clear(field);
    await user.type(field, '1.5');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain('Enter a whole number.');
    expect(toBeOf('Basic User')).toBe('0');
  });

  it("shows the server's errors on the row they are about", () => {
    renderGrid((key) =>
      key === rowKey('Awareness Training', 'ba-1')
        ? [
            {
              code: 'ADD_ON_NOT_ENABLED',
              field: ['lines', '0', 'productId'],
              message: 'Awareness Training is not enabled in your agreement with this vendor.',
            },
          ]
        : [],
    );
    const field = orderField('Awareness Training');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain('not enabled in your agreement');
    expect(
      within(rowOf('Awareness Training')).getByText(/not enabled in your agreement/),
    ).toBeTruthy();
    expect(within(rowOf('Basic User')).queryByText(/not enabled/)).toBeNull();
  });
});
