import { createRenderEffect, createSignal, Show } from 'solid-js';
import type { Client } from '@urql/core';
import { graphql } from '@portal/schema';

/** One attachment's download link, signed anew for the viewer. */
const FRESH_LINK = graphql(`
  query FreshDownloadLink($id: ID!) {
    node(id: $id) {
      __typename
      ... on Attachment {
        downloadUrl
      }
    }
  }
`);

/**
 * How long before its expiry a link is renewed rather than followed: the download must
 * still reach the server in time, whose clock may run a little ahead of the browser's.
 */
const RENEW_BEFORE_MS = 60_000;

/**
 * How long a link is followed without asking for a fresh one, counted on the page's own
 * monotonic clock from when the page first showed it: well inside the server's 15 minutes.
 * The expiry alone is judged by the browser's clock, which may run behind the server's (a
 * PC whose clock is off): the link would look good and fail with a 403 page. Its age does
 * not depend on either clock.
 */
const FOLLOW_FOR_MS = 5 * 60_000;

/** When the page first showed each link (`performance.now()`); kept for an hour. */
const firstShown = new Map<string, number>();
const FORGET_AFTER_MS = 60 * 60_000;

/** How long (ms) the page has shown this link, from the first time it showed it. */
function shownFor(url: string): number {
  const now = performance.now();
  const since = firstShown.get(url);
  if (since !== undefined) return now - since;
  for (const [old, at] of firstShown) if (now - at > FORGET_AFTER_MS) firstShown.delete(old);
  firstShown.set(url, now);
  return 0;
}

/**
 * When a signed download link stops working (ms since the epoch), or null for a link that
 * does not say. The schema does not expose the expiry; the link carries it, as the server
 * signs it: `/files/<id>?org=…&exp=<ms>&sig=…`, good for 15 minutes.
 */
export function linkExpiry(url: string): number | null {
  const exp = new URL(url, 'http://portal.invalid').searchParams.get('exp');
  return exp && /^\d+$/.test(exp) ? Number(exp) : null;
}

/** A file to download: an attachment (a Node) with the signed link the server gave. */
export interface Downloadable {
  id: string;
  fileName: string;
  downloadUrl: string;
}

/**
 * A download link that still works on a page left open for longer than its signature
 * lasts: a click on a link that has expired (or is about to), or that the page has shown
 * for more than 5 minutes, asks the server for a fresh one and downloads that; a link still
 * good is left to the browser.
 */
export function DownloadLink(props: { client: Client; file: Downloadable }) {
  /** The fresh link and the one it replaces: a newer link from the page's own query wins. */
  const [renewal, setRenewal] = createSignal<{ of: string; url: string }>();
  const href = () => {
    const current = renewal();
    return current?.of === props.file.downloadUrl ? current.url : props.file.downloadUrl;
  };
  const [failed, setFailed] = createSignal(false);
  /** Set while the fresh link is clicked for the user: that click is left to the browser. */
  let following = false;

  async function renewAndFollow(link: HTMLAnchorElement) {
    setFailed(false);
    const of = props.file.downloadUrl;
    const result = await props.client
      .query(FRESH_LINK, { id: props.file.id }, { requestPolicy: 'network-only' })
      .toPromise();
    const node = result.data?.node;
    if (node?.__typename !== 'Attachment') {
      setFailed(true); // gone, or the server cannot be reached: say so rather than a 403 page
      return;
    }
    setRenewal({ of, url: node.downloadUrl });
    following = true;
    try {
      link.click();
    } finally {
      following = false;
    }
  }

  // A link's age counts from when it is shown, not from its first click.
  createRenderEffect(() => shownFor(href()));

  const onClick = (event: MouseEvent & { currentTarget: HTMLAnchorElement }) => {
    const expiry = linkExpiry(href());
    if (following || expiry === null) return;
    const fresh = expiry - Date.now() > RENEW_BEFORE_MS && shownFor(href()) < FOLLOW_FOR_MS;
    if (fresh) return;
    event.preventDefault();
    void renewAndFollow(event.currentTarget);
  };

  return (
    <>
      <a href={href()} download={props.file.fileName} onClick={onClick}>
        {props.file.fileName}
      </a>
      <Show when={failed()}>
        {' '}
        <span class="error" role="alert">
          {props.file.fileName} could not be downloaded. Reload the page and try again.
        </span>
      </Show>
    </>
  );
}
