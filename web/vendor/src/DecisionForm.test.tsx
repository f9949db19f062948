import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionForm } from './DecisionForm';
import type { Decision, UserError } from './documents';

afterEach(cleanup);

function setup(answer: readonly UserError[] = []) {
  const onDecide = vi.fn(async (_decision: Decision, _comment: string) => answer);
  const user = userEvent.setup();
  render(() => <DecisionForm orderNumber={500001} onDecide={onDecide} />);
  return { user, onDecide, comment: screen.getByRole('textbox', { name: 'Comment' }) };
}

/** The text the field's aria-describedby points at: what a screen reader reads with it. */
const descriptionOf = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('the Approve / Reject form', () => {
  it('refuses to reject without a comment and says so next to Comment', async () => {
    const { user, onDecide, comment } = setup();
    await user.type(comment, '   ');
    await user.click(screen.getByRole('button', { name: 'Reject' }));

    expect(onDecide).not.toHaveBeenCalled();
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(comment)).toContain('Enter a comment to reject the order');
    expect(screen.getByRole('alert').textContent).toContain('Enter a comment to reject');
    expect(document.activeElement).toBe(comment);

    await user.type(comment, 'Too many seats for this plan');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    expect(onDecide).toHaveBeenCalledExactlyOnceWith('reject', 'Too many seats for this plan');
  });

  it('approves with or without a comment', async () => {
    const { user, onDecide } = setup();
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onDecide).toHaveBeenCalledExactlyOnceWith('approve', '');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows the server's userErrors: the comment's by the field, the others below", async () => {
    const { user, comment } = setup([
      { code: 'VALIDATION', field: ['comment'], message: 'A comment has at most 2000 characters.' },
      { code: 'INVALID_TRANSITION', field: null, message: 'The order is no longer submitted.' },
    ]);
    await user.type(comment, 'ok');
    await user.click(screen.getByRole('button', { name: 'Approve' }));

    await screen.findByText(/was not decided/);
    expect(descriptionOf(comment)).toContain('A comment has at most 2000 characters.');
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts.some((text) => text?.includes('The order is no longer submitted.'))).toBe(true);
    expect(alerts.some((text) => text?.includes('INVALID_TRANSITION'))).toBe(false);
  });
});
