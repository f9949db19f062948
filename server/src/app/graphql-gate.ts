import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { parseApiKeySecret } from '../modules/api-key/api-key-secret.js';
import { bearerCredential } from '../modules/auth/auth.service.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { clientKey, isRefusal, type Refusal, type Throttle } from './throttle.js';

/** Returned once the request has been answered with a refusal. */
export const REFUSED = Symbol('refused');

/** What a request that went through part of the gate already passed (see `pass`). */
interface Passed {
  viewer: Viewer | null;
  /** Whether its rate was charged too. */
  charged: boolean;
}

/**
 * What every GraphQL request over HTTP goes through before its body is read: a spent API
 * key's refusal, an in-flight slot (load shedding), who is asking, and their rate, in that
 * order, so that a refusal stays cheap when the portal is busiest. Written against Node's
 * own request and response, so that Express's chain and the response cache in front of
 * Express (response-cache.ts) go through one gate; a request the cache hands on carries
 * what it passed (`pass`), and is not counted twice.
 */
export class GraphqlGate {
  private readonly passed = new WeakMap<IncomingMessage, Passed>();

  constructor(
    private readonly throttle: Throttle,
    private readonly authenticate: (authorization: unknown) => Promise<Viewer | null>,
  ) {}

  /**
   * Takes an in-flight slot until the response has gone, then says who is asking (null:
   * nobody, or credentials that are not valid); REFUSED once the request has been answered
   * with a refusal. A request whose API key is over its rate this second is refused first
   * (429, decided in memory from the key's prefix), without a slot: its refusal costs next
   * to nothing, and counting it would let one key flooding past its rate fill the slots and
   * get other clients' requests shed (503).
   */
  async enter(
    req: IncomingMessage,
    res: ServerResponse,
    log: Logger,
  ): Promise<Viewer | null | typeof REFUSED> {
    const apiKeyPrefix = apiKeyPrefixOf(req);
    const spent = await this.throttle.refusalBeforeLookup(apiKeyPrefix);
    if (spent) {
      sendRefusal(res, spent);
      return REFUSED;
    }
    const admitted = this.throttle.admit();
    if (isRefusal(admitted)) {
      sendRefusal(res, admitted);
      return REFUSED;
    }
    res.once('close', admitted.release); // sent, or the client went away

    let viewer: Viewer | null;
    try {
      viewer = await this.authenticate(req.headers.authorization);
    } catch (error) {
      // An API key is looked up in the database: without it, nobody can be told apart.
      log.error({ err: error }, 'cannot check credentials');
      sendJson(
        res,
        503,
        {
          errors: [
            {
              message: 'The portal cannot check credentials right now; try again shortly.',
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            },
          ],
        },
        { 'retry-after': '5' },
      );
      return REFUSED;
    }
    if (apiKeyPrefix && viewer?.apiKeyId)
      this.throttle.rememberApiKey(apiKeyPrefix, viewer.apiKeyId);
    return viewer;
  }

  /** Counts the request against its client's rate; false once refused. */
  async charge(
    res: ServerResponse,
    viewer: Viewer | null,
    address: string | undefined,
  ): Promise<boolean> {
    const refused = await this.throttle.charge(clientKey(viewer, address));
    if (refused) sendRefusal(res, refused);
    return !refused;
  }

  /** Marks a request that took its slot and was identified (and maybe charged) already. */
  pass(req: IncomingMessage, passed: Passed): void {
    this.passed.set(req, passed);
  }

  /** What the request passed before it came here, if it went through the cache first. */
  passedBefore(req: IncomingMessage): Passed | undefined {
    return this.passed.get(req);
  }
}

/** The public prefix of the request's API key, if its credential is one. */
function apiKeyPrefixOf(req: IncomingMessage): string | undefined {
  const credential = bearerCredential(req.headers.authorization);
  return credential ? parseApiKeySecret(credential)?.prefix : undefined;
}

/** A request body that is not JSON (express.json's failure, or the response cache's). */
export const BODY_NOT_JSON = {
  message: 'The request body is not valid JSON.',
  extensions: { code: 'BAD_REQUEST' },
};

/** A throttle refusal as a GraphQL-shaped JSON error with its status and `Retry-After`. */
export function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  sendJson(
    res,
    refusal.status,
    { errors: [refusal.error.toJSON()] },
    {
      'retry-after': String(refusal.retryAfterSeconds),
    },
  );
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
