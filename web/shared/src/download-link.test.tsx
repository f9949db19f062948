import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DownloadLink, linkExpiry } from './download-link.js';
import { fakeClient } from './test-client.js';
import { LINK_LIFETIME_MS, recordLinkClicks, signedLink } from './test-downloads.js';

const ISSUED = new Date('2026-11-24T09:00:00.000Z').getTime();

function setup(answer: () => unknown) {
  const server = fakeClient({ FreshDownloadLink: answer });
  render(() => (
    <DownloadLink
      client={server.client}
      file={{ id: 'a1', fileName: 'Addendum [500001].pdf', downloadUrl: signedLink(ISSUED, 'old') }}
    />
  ));
  return { server, link: screen.getByRole('link', { name: 'Addendum [500001].pdf' }) };
}

let recorder: ReturnType<typeof recordLinkClicks>;
beforeEach(() => {
  // Only the clocks are faked (the wall clock and the page's monotonic one): the page is
  // left open while real promises still settle. The module remembers when it first showed
  // a link across tests; every test shows its link as the fake monotonic clock starts (0),
  // so its age counts from there.
  vi.useFakeTimers({ toFake: ['Date', 'performance'], now: ISSUED });
  recorder = recordLinkClicks();
});
afterEach(() => {
  recorder.stop();
  cleanup();
  vi.useRealTimers();
});

describe('a download link', () => {
  it('reads the expiry the server signed into the link', () => {
    expect(linkExpiry(signedLink(ISSUED, 'x'))).toBe(ISSUED + LINK_LIFETIME_MS);
    expect(linkExpiry('/files/a1?sig=abc')).toBeNull();
  });

  it('leaves a link still good to the browser', async () => {
    const { server, link } = setup(() => ({ node: null }));
    vi.advanceTimersByTime(4 * 60 * 1000);
    fireEvent.click(link);
    expect(recorder.clicks).toEqual([{ href: signedLink(ISSUED, 'old'), followed: true }]);
    expect(server.callsOf('FreshDownloadLink')).toHaveLength(0);
  });

  it('renews a link shown for over 5 minutes, though its expiry is still ahead', async () => {
    const { server, link } = setup(() => ({
      node: { __typename: 'Attachment', downloadUrl: signedLink(ISSUED + 6 * 60_000, 'new') },
    }));
    vi.advanceTimersByTime(6 * 60 * 1000);
    fireEvent.click(link);
    await waitFor(() => expect(recorder.clicks).toHaveLength(2));
    expect(server.callsOf('FreshDownloadLink')).toHaveLength(1);
    expect(recorder.clicks.map((click) => click.followed)).toEqual([false, true]);
  });

  it('on a page left open past its expiry, downloads through a fresh link', async () => {
    const renewedAt = ISSUED + LINK_LIFETIME_MS + 60_000;
    const { server, link } = setup(() => ({
      node: { __typename: 'Attachment', downloadUrl: signedLink(renewedAt, 'new') },
    }));
    vi.advanceTimersByTime(LINK_LIFETIME_MS + 60_000);

    fireEvent.click(link);
    await waitFor(() => expect(recorder.clicks).toHaveLength(2));
    expect(server.callsOf('FreshDownloadLink')).toEqual([
      { name: 'FreshDownloadLink', variables: { id: 'a1' } },
    ]);
    expect(recorder.clicks).toEqual([
      { href: signedLink(ISSUED, 'old'), followed: false },
      { href: signedLink(renewedAt, 'new'), followed: true },
    ]);
    // The fresh link stays: the next click within its lifetime asks the server nothing.
    fireEvent.click(link);
    expect(recorder.clicks.at(-1)).toEqual({ href: signedLink(renewedAt, 'new'), followed: true });
    expect(server.callsOf('FreshDownloadLink')).toHaveLength(1);
  });

  it('renews a link about to expire, which would otherwise fail on its way', async () => {
    const { server, link } = setup(() => ({
      node: { __typename: 'Attachment', downloadUrl: signedLink(ISSUED + LINK_LIFETIME_MS, 'new') },
    }));
    vi.advanceTimersByTime(LINK_LIFETIME_MS - 30_000);
    fireEvent.click(link);
    await waitFor(() => expect(recorder.clicks).toHaveLength(2));
    expect(server.callsOf('FreshDownloadLink')).toHaveLength(1);
    expect(recorder.clicks[0]?.followed).toBe(false);
  });

  it("renews an old link where the browser's clock runs behind the server's", async () => {
    const renewedAt = ISSUED + LINK_LIFETIME_MS + 60_000;
    const { server, link } = setup(() => ({
      node: { __typename: 'Attachment', downloadUrl: signedLink(renewedAt, 'new') },
    }));
    // The page stays open past the link's lifetime, on a PC whose clock is 20 minutes slow:
    // by its clock the link is still good, by the server's it is not.
    vi.advanceTimersByTime(LINK_LIFETIME_MS + 60_000);
    vi.setSystemTime(ISSUED - 4 * 60_000);
    expect(linkExpiry(signedLink(ISSUED, 'old'))! - Date.now()).toBeGreaterThan(60_000);

    fireEvent.click(link);
    await waitFor(() => expect(recorder.clicks).toHaveLength(2));
    expect(server.callsOf('FreshDownloadLink')).toHaveLength(1);
    expect(recorder.clicks).toEqual([
      { href: signedLink(ISSUED, 'old'), followed: false },
      { href: signedLink(renewedAt, 'new'), followed: true },
    ]);
  });

  it('says so when no fresh link comes, rather than following the dead one', async () => {
    const { link } = setup(() => ({ node: null }));
    vi.advanceTimersByTime(LINK_LIFETIME_MS + 1);
    fireEvent.click(link);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Addendum [500001].pdf could not be downloaded.',
    );
    expect(recorder.clicks).toEqual([{ href: signedLink(ISSUED, 'old'), followed: false }]);
  });
});
