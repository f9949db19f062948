import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { parseApiKeySecret } from '../modules/api-key/api-key-secret.js';
import { bearerCredential } from '../modules/auth/auth.service.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { clientKey, isRefusal, type ClientKey, type Refusal, type Throttle } from './throttle.js';

/** Returned once the request has been answered with a refusal. */
export const REFUSED = Symbol('refused');

/** What a request that went through part of the gate already passed (see `pass`). */
interface Passed {
  viewer: Viewer | null;
  /** Whether its rate was charged too. */
  charged: boolean;
}

/**
 * What every GraphQL request over HTTP goes through before its body is read: a known API
 * key's rate, an in-flight slot (load shedding), who is asking, and the rate of anyone
 * else, in that order, so that a refusal stays cheap when the portal is busiest. Written
 * against Node's own request and response, so that Express's chain and the response cache
 * in front of Express (response-cache.ts) go through one gate; a request the cache hands on
 * carries what it passed (`pass`), and is not counted twice.
 */
export class GraphqlGate {
  private readonly passed = new WeakMap<IncomingMessage, Passed>();
  /** Requests whose API key was charged before its lookup, with the client charged. */
  private readonly chargedEarly = new WeakMap<IncomingMessage, ClientKey>();

  constructor(
    private readonly throttle: Throttle,
    private readonly authenticate: (authorization: unknown) => Promise<Viewer | null>,
  ) {}

  /**
   * Takes an in-flight slot until the response has gone, then says who is asking (null:
   * nobody, or credentials that are not valid); REFUSED once the request has been answered
   * with a refusal. A request with an API key that authenticated here before is charged
   * first, in memory (Throttle.chargeKnownApiKey), and refused there (429) without a slot
   * once the key is over its rate: its refusal costs next to nothing, and holding slots
   * while such requests wait for their lookup let one key flooding past its rate fill the
   * slots at the start of each second and get other clients' requests shed (503). (Such a
   * request that is then shed has spent its point: it was an operation asked for.)
   */
  async enter(
    req: IncomingMessage,
    res: ServerResponse,
    log: Logger,
  ): Promise<Viewer | null | typeof REFUSED> {
    const apiKey = apiKeyOf(req);
    const early = await this.throttle.chargeKnownApiKey(apiKey);
    if (isRefusal(early)) {
      sendRefusal(res, early);
      return REFUSED;
    }
    if (early) this.chargedEarly.set(req, early);
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
    // A key charged early is remembered already, with this very secret.
    if (apiKey && viewer?.apiKeyId && !early) this.throttle.rememberApiKey(apiKey, viewer.apiKeyId);
    else if (apiKey && !viewer?.apiKeyId) this.throttle.forgetApiKey(apiKey);
    return viewer;
  }

  /** Counts the request against its client's rate, unless `enter` did; false once refused. */
  async charge(
    req: IncomingMessage,
    res: ServerResponse,
    viewer: Viewer | null,
    address: string | undefined,
  ): Promise<boolean> {
    const client = clientKey(viewer, address);
    if (this.chargedEarly.get(req)?.key === client.key) return true;
    const refused = await this.throttle.charge(client);
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

/** The request's API key (its public prefix and its secret), if its credential is one. */
function apiKeyOf(req: IncomingMessage): { prefix: string; body: string } | null {
  const credential = bearerCredential(req.headers.authorization);
  return credential ? parseApiKeySecret(credential) : null;
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
