// @vitest-environment node
/**
 * The portal client against a real WebSocket server speaking graphql-transport-ws: when
 * its socket is lost and comes back, the views that follow events are told, since what was
 * sent meanwhile is not replayed.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gql, type Client } from '@urql/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Ws from 'ws';
import { createPortalClient, onReconnected, type PortalClient } from './client.js';

// ws's Node build by its path: this project resolves with the browser condition (for
// Solid), under which 'ws' is a stub that only throws.
const require = createRequire(import.meta.url);
const { WebSocket, WebSocketServer } = require(
  path.join(path.dirname(require.resolve('ws/package.json')), 'index.js'),
) as typeof Ws;

let http: Server;
let sockets: Ws.WebSocketServer;
/** Resolves the next time the server gets a subscribe (the client had its ack by then). */
let subscribed: () => Promise<void>;
let portal: PortalClient | undefined;

/** The server; `answer` answers POST /graphql (a JSON body) when given. */
async function serve(answer?: () => { status: number; body: unknown }): Promise<string> {
  http = createServer((request, response) => {
    request.resume();
    const { status, body } = answer?.() ?? { status: 404, body: {} };
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  sockets = new WebSocketServer({ server: http, path: '/graphql' });
  let onSubscribe = () => {};
  subscribed = () => new Promise((resolve) => (onSubscribe = resolve));
  // Just enough of the protocol: acknowledge, and note subscriptions (no event is sent).
  sockets.on('connection', (socket) =>
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string };
      if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
      if (message.type === 'subscribe') onSubscribe();
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

afterEach(async () => {
  portal?.dispose();
  sockets?.close();
  await new Promise((resolve) => http?.close(resolve));
});

describe('a portal client whose socket is lost', () => {
  it('tells its listeners once the socket is back, and not when it first connects', async () => {
    const origin = await serve();
    portal = createPortalClient({ token: 't', origin, webSocketImpl: WebSocket });
    let reconnected = 0;
    const back = new Promise<void>((resolve) =>
      onReconnected(portal!.urql, () => {
        reconnected++;
        resolve();
      }),
    );
    const first = subscribed();
    portal.urql.subscription(gql('subscription { ticks }'), {}).subscribe(() => undefined);
    await first;
    expect(reconnected).toBe(0); // its first connection told no one

    const again = subscribed();
    for (const socket of sockets.clients) socket.terminate(); // a server gone without a word
    await Promise.all([back, again]); // told, and subscribed again by graphql-ws
    expect(reconnected).toBe(1);
  });

  it('reaches listeners registered through another copy of this module', async () => {
    // Each micro-frontend bundles its own copy of web/shared; only the client is shared.
    const shellCopy = await import('./client.js');
    vi.resetModules();
    const pageCopy = await import('./client.js');
    expect(pageCopy).not.toBe(shellCopy);
    const client = {} as Client;
    let told = 0;
    pageCopy.onReconnected(client, () => told++);
    shellCopy.announceReconnected(client);
    expect(told).toBe(1);
  });
});

describe('a portal client whose credentials are refused, or whose server is not ready', () => {
  it('ends the session on an UNAUTHENTICATED answer, not on a 503', async () => {
    let answer: { status: number; body: unknown } = {
      status: 503,
      body: { errors: [{ message: 'The portal is starting; try again shortly.' }] },
    };
    const origin = await serve(() => answer);
    let ended = 0;
    portal = createPortalClient({ token: 't', origin, onUnauthenticated: () => ended++ });
    const ask = () => portal!.urql.query(gql('query Viewer { viewer { role } }'), {}).toPromise();

    expect((await ask()).error).toBeDefined();
    expect(ended).toBe(0);

    answer = {
      status: 200,
      body: {
        data: null,
        errors: [{ message: 'Sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
      },
    };
    await ask();
    expect(ended).toBe(1);
  });

  it('connects again after a socket closed with 1013 (try again later), and stays signed in', async () => {
    const origin = await serve();
    let refusals = 1;
    sockets.on('connection', (socket) => {
      if (refusals-- > 0) socket.close(1013, 'The portal is not ready; try again shortly.');
    });
    let ended = 0;
    portal = createPortalClient({
      token: 't',
      origin,
      webSocketImpl: WebSocket,
      onUnauthenticated: () => ended++,
    });
    const first = subscribed();
    portal.urql.subscription(gql('subscription { ticks }'), {}).subscribe(() => undefined);
    await first;
    expect(refusals).toBe(-1); // the second socket was the one subscribed on
    expect(ended).toBe(0);
  });
});
