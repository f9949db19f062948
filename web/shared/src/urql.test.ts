import { CombinedError, gql } from '@urql/core';
import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from './test-client.js';
import { reloadOnEvents } from './urql.js';

const CHANGES = gql('subscription Changes { changes }');

/** A view following CHANGES, as a mounted component would; `unmount` ends it. */
function follow() {
  const server = fakeClient({});
  let reloads = 0;
  const unmount = createRoot((dispose) => {
    reloadOnEvents(server.client, CHANGES, {}, () => reloads++);
    return dispose;
  });
  return { server, unmount, reloads: () => reloads };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a view following live events', () => {
  it('reloads on each event and each time the socket is back', () => {
    const { server, reloads } = follow();
    server.push('Changes', { changes: 1 });
    server.reconnect();
    expect(reloads()).toBe(2);
  });

  it('follows again after a refusal, waiting longer after each one, and reloads then', () => {
    const { server, reloads } = follow();
    server.fail('Changes', new Error('Too many requests from this user'));
    expect(server.openSubscriptions('Changes')).toBe(1); // the refused one, until it is replaced
    vi.advanceTimersByTime(4_999);
    expect(reloads()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(server.openSubscriptions('Changes')).toBe(1);
    expect(reloads()).toBe(1);

    server.fail('Changes', new Error('The subscriber fell too far behind'));
    vi.advanceTimersByTime(5_000);
    expect(reloads()).toBe(1); // twice the pause now
    vi.advanceTimersByTime(5_000);
    expect(reloads()).toBe(2);

    server.push('Changes', { changes: 1 }); // following again: the pause is back to its first
    server.fail('Changes', new Error('Too many requests from this user'));
    vi.advanceTimersByTime(5_000);
    expect(reloads()).toBe(4);
  });

  it('does not follow again what the server refuses for good, but still reloads on reconnect', () => {
    const { server, reloads } = follow();
    const refused = (code: string) =>
      new CombinedError({ graphQLErrors: [{ message: code, extensions: { code } }] });

    server.fail('Changes', refused('NOT_FOUND'));
    vi.advanceTimersByTime(120_000);
    expect(reloads()).toBe(0);
    server.fail('Changes', refused('FORBIDDEN'));
    vi.advanceTimersByTime(120_000);
    expect(reloads()).toBe(0);

    server.reconnect();
    expect(reloads()).toBe(1);

    // A refusal that may pass later is asked again, as an error without a code is.
    server.fail('Changes', refused('TOO_MANY_SUBSCRIPTIONS'));
    vi.advanceTimersByTime(5_000);
    expect(reloads()).toBe(2);
  });

  it('stops following, and does not follow again, once the view is gone', () => {
    const { server, unmount, reloads } = follow();
    server.fail('Changes', new Error('Too many requests from this user'));
    unmount();
    vi.advanceTimersByTime(60_000);
    server.reconnect();
    expect(server.openSubscriptions('Changes')).toBe(0);
    expect(reloads()).toBe(0);
  });
});
