import { CombinedError } from '@urql/core';
import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorMessage, productChangeLabel } from './ui.js';

afterEach(cleanup);

describe('ErrorMessage', () => {
  it("shows the server's message without urql's prefix", () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'No such order.' }] });
    render(() => <ErrorMessage error={error} />);
    expect(screen.getByRole('alert').textContent).toBe('No such order.');
  });

  it('says the portal cannot be reached, not "Failed to fetch", when nothing answered', () => {
    const error = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    render(() => <ErrorMessage error={error} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'The portal cannot be reached right now. Check your connection, then try again.',
    );
  });
});

describe('productChangeLabel', () => {
  it('names an Add to by the product added', () => {
    expect(productChangeLabel('ADD', 'Email Security Advanced', null)).toBe(
      'Add to: Email Security Advanced',
    );
  });

  it('names a Select New by the held product, then what it becomes', () => {
    expect(productChangeLabel('REPLACE', 'Advanced', 'Essentials')).toBe(
      'Select New: Essentials → Advanced',
    );
  });

  it('says which product is not chosen yet, and nothing for Keep Existing', () => {
    expect(productChangeLabel('REPLACE', null, 'Essentials')).toBe(
      'Select New: Essentials → no product chosen',
    );
    expect(productChangeLabel('KEEP', null, null)).toBeNull();
  });
});
