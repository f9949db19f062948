import type { Client } from '@urql/core';
import { createEffect, onCleanup, type Accessor } from 'solid-js';
import { onReconnected } from '@portal/web-shared';

/** Asks the browser to warn before the page goes (the text is the browser's own). */
function warn(event: BeforeUnloadEvent) {
  event.preventDefault();
  // Older browsers warn only when returnValue is set.
  event.returnValue = '';
}

/**
 * Keeps edits from being lost when the page goes away or the connection comes back, for as
 * long as the calling component lives:
 * - while `unsaved()` (a save waiting, under way or failed), closing or reloading the tab
 *   asks first (`beforeunload`);
 * - when the page is hidden or left (`visibilitychange` to hidden, `pagehide`), `saveNow`
 *   runs instead of waiting for the save delay; best effort, as the browser may end the
 *   page before the answer;
 * - when the live socket is connected again or the browser is back online, `retry` runs, so
 *   a save that failed while the server or network was down goes through without the user
 *   asking.
 */
export function keepEdits(options: {
  client: Accessor<Client>;
  unsaved: Accessor<boolean>;
  saveNow: () => void;
  retry: () => void;
}): void {
  createEffect(() => {
    if (!options.unsaved()) return;
    window.addEventListener('beforeunload', warn);
    onCleanup(() => window.removeEventListener('beforeunload', warn));
  });

  const onHidden = () => {
    if (document.visibilityState === 'hidden') options.saveNow();
  };
  const onPageHide = () => options.saveNow();
  const onOnline = () => options.retry();
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('online', onOnline);
  onCleanup(() => {
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('online', onOnline);
  });
  createEffect(() => onCleanup(onReconnected(options.client(), () => options.retry())));
}
