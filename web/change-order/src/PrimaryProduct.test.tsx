import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createStore } from 'solid-js/store';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldError } from './errors';
import { PrimaryProduct, type PrimaryOption, type ProductChangeValue } from './PrimaryProduct';

afterEach(cleanup);

const PRIMARIES: PrimaryOption[] = [
  {
    id: 'ess',
    name: 'Email Security Essentials',
    held: 50,
    upgradesTo: [{ id: 'adv', name: 'Email Security Advanced' }],
  },
  { id: 'adv', name: 'Email Security Advanced', held: 0, upgradesTo: [] },
];

function renderPicker(errors: readonly FieldError[] = []) {
  const [value, setValue] = createStore<ProductChangeValue>({
    mode: 'KEEP',
    productId: null,
    replacesProductId: null,
  });
  render(() => (
    <PrimaryProduct primaries={PRIMARIES} value={value} onChange={setValue} errors={errors} />
  ));
  return { value, user: userEvent.setup() };
}

describe('the primary product', () => {
  it('offers Keep Existing, Add to and Select New, Keep Existing first', () => {
    renderPicker();
    const keep = screen.getByRole<HTMLInputElement>('radio', { name: 'Keep Existing' });
    expect(keep.checked).toBe(true);
    expect(screen.getByRole('radio', { name: 'Add to' })).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('Select New upgrades the held product to what it may become', async () => {
    const { value, user } = renderPicker();
    await user.click(screen.getByRole('radio', { name: 'Select New' }));
    expect({ ...value }).toEqual({ mode: 'REPLACE', replacesProductId: 'ess', productId: 'adv' });
    const upgrade = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Upgrade to' });
    expect([...upgrade.options].map((option) => option.text)).toEqual(['Email Security Advanced']);
    expect(
      screen.getByText('Product changes cannot be combined with seat downgrades.'),
    ).toBeTruthy();
  });

  it('Add to offers a product the customer does not hold yet', async () => {
    const { value, user } = renderPicker();
    await user.click(screen.getByRole('radio', { name: 'Add to' }));
    expect(value.mode).toBe('ADD');
    expect(value.productId).toBe('adv');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Product to add' }).value).toBe(
      'adv',
    );
  });

  it('shows an INVALID_UPGRADE next to the product it is about', async () => {
    const { user } = renderPicker([
      {
        code: 'INVALID_UPGRADE',
        field: ['productChange', 'productId'],
        message: 'Email Security Essentials cannot be upgraded to Email Security Essentials.',
      },
    ]);
    await user.click(screen.getByRole('radio', { name: 'Select New' }));
    const upgrade = screen.getByRole('combobox', { name: 'Upgrade to' });
    expect(upgrade.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(upgrade.getAttribute('aria-describedby')!);
    expect(described?.textContent).toContain('cannot be upgraded');
  });
});
