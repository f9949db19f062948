import { describe, expect, it } from 'vitest';
import { mailState } from './Mailbox';

describe('the mailbox', () => {
  it('says a kept mail is kept and not sent, and when a sent one went', () => {
    expect(mailState({ status: 'PENDING' })).toBe('kept here, not sent');
    expect(mailState({ status: 'SENT', sentAt: '2026-11-24T09:00:00.000Z' })).toMatch(
      /^sent 2026-11-24 \d\d:00$/,
    );
    expect(mailState({ status: 'FAILED' })).toBe('failed');
  });
});
