import type http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type DocumentNode,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, type Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import { can, type Viewer } from '../modules/auth/viewer.js';
import { fellBehind } from '../modules/live/live.service.js';
import { releaseEventState, type Context } from './context.js';
import { sharedSubscribe, type ResultSink } from './shared-execution.js';
import type { Refusal } from './throttle.js';
import { parseFailure, refusalBeforeRunning, validationRules } from './protection.js';

/** Largest message a client may send (graphql-ws messages are small; 1 MB as for HTTP bodies). */
const MAX_MESSAGE_BYTES = 1 << 20;

/** Bytes a socket may hold unsent before its subscriptions are ended as too far behind. */
const MAX_BUFFERED_BYTES = 8 << 20;

/**
 * Subscriptions one socket may hold at once. Each is a listener on the relay and a context
 * every event is resolved for; an app page needs a handful. A client asking for more is
 * told so (TOO_MANY_SUBSCRIPTIONS) and keeps its socket and the ones it has.
 */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 100;

/** A replay waits between pages until its socket holds less than this unsent. */
const LOW_WATER_BYTES = 64 << 10;

/** Distinct documents kept parsed and validated (see checkedDocument). */
const DOCUMENT_CACHE_SIZE = 1_000;

/**
 * Close code for "not now" (1013, Try Again Later): the portal is starting or stopping, or
 * cannot check credentials. Clients retry it, whereas 4403 means the credentials were refused
 * (the web app signs out on it) and graphql-ws's own 4500 is final for its clients.
 */
const TRY_AGAIN_LATER = 1013;

type CheckedDocument =
  { document: DocumentNode; errors?: undefined } | { errors: readonly GraphQLError[] };

type Extra = { socket: WebSocket; request: http.IncomingMessage; viewer?: Viewer };

export interface GraphqlWsOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  logger: Logger;
  /** The viewer behind a `connection_init` authorization value, or null. */
  authenticate: (authorization: unknown) => Promise<Viewer | null>;
  /** Counts one operation against the viewer's rate; a refusal when over it. */
  charge?: (viewer: Viewer) => Promise<Refusal | undefined>;
  /** A context for one operation of an authenticated socket. */
  makeContext: (viewer: Viewer) => Context;
  /** How often to ping each socket; one that does not answer by the next ping is dropped. */
  keepAliveMs?: number;
  /** Of these API keys, those revoked (their sockets close with 4403). */
  revokedApiKeys?: (apiKeyIds: string[]) => Promise<Set<string>>;
  /** How often open sockets' API keys are checked for revocation. */
  credentialCheckMs?: number;
  /** Told each time a subscription is ended because its socket fell too far behind. */
  onFellBehind?: () => void;
  /** Whether new sockets are taken now (not while starting or stopping); others get 1013. */
  accepting?: () => boolean;
}

/**
 * graphql-ws on the HTTP server's port and path. A socket authenticates once, in
 * `connection_init` (`{ "authorization": "Bearer <token or API key>" }`): without valid
 * credentials, or with an API key lacking SUBSCRIBE, it is closed with 4403; it is closed
 * again when its token expires, or soon after its API key is revoked. Operations get the same depth, alias and cost limits as
 * over HTTP. Returns `dispose()`, which closes every socket (1001) and the server.
 */
export function serveGraphqlWs(options: GraphqlWsOptions): {
  dispose: () => Promise<void>;
  wsServer: WebSocketServer;
  /** Operations open on the sockets now: subscriptions, and queries or mutations running. */
  openOperations: () => number;
} {
  const { httpServer, schema, logger } = options;
  // noServer: upgrades are handed over below, so the HTTP server's own errors (a port in
  // use) stay its own instead of being re-emitted, and logged, by the WebSocket server.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  httpServer.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => {
      if (options.accepting && !options.accepting()) {
        ws.close(TRY_AGAIN_LATER, 'The portal is not ready; try again shortly.');
        return;
      }
      wsServer.emit('connection', ws, request);
    });
  });
  const expiryTimers = new Map<WebSocket, NodeJS.Timeout>();

  /**
   * Parsed and validated documents by their text. A dashboard's sockets all send the same
   * few documents: parsing and validating each once, and holding one copy for all of them,
   * saves work at every subscribe and memory for every open subscription. Bounded: emptied
   * when it holds DOCUMENT_CACHE_SIZE documents (hostile clients may send endless variants).
   */
  const documents = new Map<string, CheckedDocument>();
  const checkedDocument = (query: string): CheckedDocument => {
    const known = documents.get(query);
    if (known) return known;
    let checked: CheckedDocument;
    try {
      const document = parse(query);
      const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
      checked = errors.length > 0 ? { errors } : { document };
    } catch (error) {
      checked = { errors: [parseFailure(error)] };
    }
    if (documents.size >= DOCUMENT_CACHE_SIZE) documents.clear();
    documents.set(query, checked);
    return checked;
  };
  /** Each subscription's socket and id, by the execution arguments graphql-ws hands back. */
  const sinks = new WeakMap<ExecutionArgs, ResultSink>();
  /** Accepted connections, whose operations the metrics count. */
  const connections = new Set<WsContext<Record<string, unknown> | undefined, Extra>>();
  /** Sockets opened with an API key, and which: a key revoked later must not keep them open. */
  const apiKeyOf = new Map<WebSocket, string>();

  // Keep-alive: ws pings; a socket that missed the previous ping is gone.
  const alive = new WeakSet<WebSocket>();
  wsServer.on('connection', (socket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    socket.on('close', () => {
      clearTimeout(expiryTimers.get(socket));
      expiryTimers.delete(socket);
      apiKeyOf.delete(socket);
    });
  });
  const pinger = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, options.keepAliveMs ?? 30_000);
  pinger.unref();

  // Revocation reaches every instance through the database: one query per check for all
  // of this instance's API-key sockets, rather than a message every instance must hear.
  const checkCredentials = async () => {
    if (apiKeyOf.size === 0 || !options.revokedApiKeys) return;
    try {
      const revoked = await options.revokedApiKeys([...new Set(apiKeyOf.values())]);
      for (const [socket, apiKeyId] of apiKeyOf) {
        if (revoked.has(apiKeyId)) socket.close(CloseCode.Forbidden, 'API key revoked');
      }
    } catch (error) {
      logger.warn({ err: error }, 'could not check open sockets for revoked API keys');
    }
  };
  const credentialChecker = setInterval(
    () => void checkCredentials(),
    options.credentialCheckMs ?? 30_000,
  );
  credentialChecker.unref();

  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      // Sockets of one viewer asking the same document share each event's execution, and
      // its results are written straight to each socket (see sharedSubscribe).
      subscribe: sharedSubscribe({
        audienceOf: (context) => audienceOf((context as Context).viewer),
        sinkOf: (args) => sinks.get(args),
        behind: () => {
          options.onFellBehind?.();
          return fellBehind();
        },
        eventsDone: (context) => releaseEventState(context as Context),
      }),
      async onConnect(ctx: WsContext<Record<string, unknown> | undefined, Extra>) {
        let viewer: Viewer | null;
        try {
          viewer = await options.authenticate(ctx.connectionParams?.authorization);
        } catch (error) {
          // An API key is looked up in the database. Closing here, graphql-ws's 4403 for
          // the `false` below is not sent: the socket is already closing.
          logger.warn({ err: error }, 'cannot check a socket’s credentials');
          ctx.extra.socket.close(TRY_AGAIN_LATER, 'Credentials cannot be checked now; try again.');
          return false;
        }
        if (!viewer || !can(viewer, 'subscribe')) return false; // graphql-ws closes with 4403
        ctx.extra.viewer = viewer;
        if (viewer.apiKeyId) apiKeyOf.set(ctx.extra.socket, viewer.apiKeyId);
        if (viewer.expiresAt) {
          const socket = ctx.extra.socket;
          const timer = setTimeout(
            () => socket.close(CloseCode.Forbidden, 'Credentials expired'),
            Math.max(0, viewer.expiresAt.getTime() - Date.now()),
          );
          timer.unref();
          expiryTimers.set(socket, timer);
        }
        connections.add(ctx);
        return true;
      },
      onClose(ctx) {
        connections.delete(ctx);
      },
      async onSubscribe(ctx, id, payload) {
        // graphql-ws has already entered this one in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [tooManySubscriptions()];
        }
        const refused = await options.charge?.(ctx.extra.viewer!);
        if (refused) return [refused.error];
        const checked = checkedDocument(payload.query);
        if (checked.errors) return checked.errors;
        const { document } = checked;
        const refusal = refusalBeforeRunning(
          schema,
          document,
          payload.operationName ?? undefined,
          payload.variables ?? undefined,
        );
        if (refusal) return [refusal];
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: options.makeContext(ctx.extra.viewer!),
        };
        sinks.set(args, socketSink(ctx.extra.socket, id));
        return args;
      },
    },
    wsServer,
    0, // no keep-alive of graphql-ws's own (a timer per socket): the pinger above does it
  );
  // graphql-ws prints every socket error with its stack (console.error) and then tries to
  // close with 4500. The errors a socket emits are the client's doing (a frame over
  // MAX_MESSAGE_BYTES, a broken frame) and ws has already closed it (1009, 1002): a warning
  // line, not a stack trace on stderr. Registered after useServer, so its listener is there.
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) =>
      logger.warn({ code: error.code }, `WebSocket closed on a client error: ${error.message}`),
    );
  });

  return {
    wsServer,
    openOperations() {
      let open = 0;
      for (const ctx of connections) open += Object.keys(ctx.subscriptions).length;
      return open;
    },
    async dispose() {
      clearInterval(pinger);
      clearInterval(credentialChecker);
      for (const timer of expiryTimers.values()) clearTimeout(timer);
      await cleanup.dispose();
    },
  };
}

/**
 * Writes one subscription's results to its socket as graphql-ws `next` messages. ws keeps
 * what the network has not taken yet; a socket holding over MAX_BUFFERED_BYTES is too far
 * behind (its subscriptions end with an error and can resume with afterSequence).
 */
function socketSink(socket: WebSocket, id: string): ResultSink {
  const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return {
    write(resultJson) {
      // A closing socket: graphql-ws ends its subscriptions.
      if (socket.readyState !== socket.OPEN) return true;
      socket.send(`${prefix}${resultJson}}`);
      return socket.bufferedAmount <= MAX_BUFFERED_BYTES;
    },
    async drained() {
      // ws's WebSocket has no 'drain' event; a replay between pages polls its buffer.
      while (socket.readyState === socket.OPEN && socket.bufferedAmount > LOW_WATER_BYTES) {
        await delay(10);
      }
    },
  };
}

function tooManySubscriptions(): GraphQLError {
  return new GraphQLError(
    `A socket may hold at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions at once; complete one first.`,
    { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } },
  );
}

/**
 * Everything about a viewer that can change what a resolver returns: the person or key,
 * its organisation, role and scopes. Equal audiences get equal results for one event.
 */
function audienceOf(viewer: Viewer | null): string | undefined {
  if (!viewer) return undefined;
  return [
    viewer.organizationId,
    viewer.role,
    viewer.userId ?? '',
    viewer.apiKeyId ?? '',
    [...viewer.scopes].sort().join(','),
  ].join('|');
}
