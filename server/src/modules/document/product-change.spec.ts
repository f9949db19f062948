import { describe, expect, it } from 'vitest';
import { ProductChangeMode } from '../change-order/change-order.enums.js';
import type { Product } from '../catalog/product.entity.js';
import { describeProductChange } from './order-document.data.js';

const names = new Map([
  ['ess', 'Email Security Essentials'],
  ['adv', 'Email Security Advanced'],
]);
const ref = (id: string) => ({ id }) as Product;

describe('describeProductChange', () => {
  it('names the change in the wizard’s words, and nothing for Keep Existing', () => {
    const change = (mode: ProductChangeMode, product?: string, replaces?: string) =>
      describeProductChange(
        {
          productChangeMode: mode,
          productChangeProduct: product ? ref(product) : null,
          productChangeReplaces: replaces ? ref(replaces) : null,
        },
        names,
      );
    expect(change(ProductChangeMode.KEEP)).toBeNull();
    expect(change(ProductChangeMode.ADD, 'adv')).toBe('Add to: Email Security Advanced');
    expect(change(ProductChangeMode.REPLACE, 'adv', 'ess')).toBe(
      'Select New: Email Security Essentials replaced by Email Security Advanced (the seats move)',
    );
  });
});
