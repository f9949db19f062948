import type { Client } from '@urql/core';

/** Who is signed in, as the shell knows it. */
export interface SessionInfo {
  token: string;
  name: string;
  email: string;
  role: string;
  organization: { id: string; name: string; kind: 'VENDOR' | 'RESELLER' };
}

/** What the shell gives every micro-frontend it mounts. */
export interface MountProps {
  client: Client;
  session: SessionInfo;
  /** The route's path (reactive), e.g. `/customers/<id>`; the micro-frontend renders what it names. */
  path: () => string;
  /**
   * The route's query string (reactive), e.g. `?status=APPROVED`, or `''`: a screen's state
   * that a reload, the back button or a shared link must restore (a list's page and filter).
   * Optional: each micro-frontend is deployed on its own and may meet a shell without it.
   */
  search?: () => string;
  /**
   * Moves the whole app to another route (and its micro-frontend): a path, with or without a
   * query string (`/orders?status=APPROVED`); the back button comes back. With `replace`,
   * the address changes without a new step back (a search still being typed).
   */
  navigate: (path: string, replace?: boolean) => void;
}

/**
 * The contract of a micro-frontend: an ES module exporting `mount`, which renders into the
 * element and returns its unmount. Each is built and deployed on its own and found through
 * the import map the server serves with the shell.
 */
export type Mount = (element: HTMLElement, props: MountProps) => () => void;
