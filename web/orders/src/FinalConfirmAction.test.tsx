import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserError } from './documents';
import { FinalConfirmAction } from './FinalConfirmAction';

afterEach(cleanup);

function setup(onConfirm: () => Promise<readonly UserError[]>) {
  const user = userEvent.setup();
  const spy = vi.fn(onConfirm);
  render(() => <FinalConfirmAction orderNumber={500001} customerId="c1" onConfirm={spy} />);
  return { user, spy, button: screen.getByRole('button', { name: 'Final Confirm' }) };
}

describe('Final Confirm', () => {
  it('opens a modal confirmation; Cancel closes it without confirming', async () => {
    const { user, spy, button } = setup(async () => []);
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Final Confirm order 500001?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    // Focus starts on the harmless choice.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(spy).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button);
  });

  it('closes on Escape and keeps Tab inside the dialog', async () => {
    const { user, spy, button } = setup(async () => []);
    button.focus();
    await user.keyboard('{Enter}');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    expect(document.activeElement).toBe(cancel);
    await user.tab();
    expect(document.activeElement).toBe(confirm);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(cancel);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });

  it('confirms once on Confirm, and shows a refusal with its message', async () => {
    const { user, spy } = setup(async () => [
      {
        code: 'INVENTORY_CHANGED',
        field: null,
        message: 'Stand Alone VM on Vertical Demo would be -1: the inventory changed.',
      },
    ]);
    await user.click(screen.getByRole('button', { name: 'Final Confirm' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));

    expect(spy).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Order 500001 was not confirmed');
    expect(alert.textContent).toContain('Stand Alone VM on Vertical Demo would be -1');
    // The message, not the machine's code.
    expect(alert.textContent).not.toContain('INVENTORY_CHANGED');
    // What to do next: the order cannot be confirmed as it is.
    const link = within(alert).getByRole('link', { name: 'See what the customer has now' });
    expect(link.getAttribute('href')).toBe('/customers/c1');
    // The button is usable again for a retry.
    expect(screen.getByRole('button', { name: 'Final Confirm' }).hasAttribute('disabled')).toBe(
      false,
    );
  });

  it('shows a failed request as an error', async () => {
    const { user } = setup(() => Promise.reject(new Error('[Network] Failed to fetch')));
    await user.click(screen.getByRole('button', { name: 'Final Confirm' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Failed to fetch'));
  });
});
