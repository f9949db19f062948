import { createSignal, Show } from 'solid-js';
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
 * lasts: a click on a link that has expired (or is about to) asks the server for a fresh
 * one and downloads that; a link still good is left to the browser.
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

  const onClick = (event: MouseEvent & { currentTarget: HTMLAnchorElement }) => {
    const expiry = linkExpiry(href());
    if (following || expiry === null || expiry - Date.now() > RENEW_BEFORE_MS) return;
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
