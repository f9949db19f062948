import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { hashSecret, secretMatches } from '../modules/api-key/api-key-secret.js';
import type { Viewer } from '../modules/auth/viewer.js';

/**
 * The two guards in front of GraphQL, so that more work than the portal can do is refused
 * at once, cheaply and clearly, instead of queueing until every request is late:
 *
 * - **Load shedding** (per instance): at most `maxInFlight` HTTP operations are being
 *   answered at once; one more is refused with 503 `OVERLOADED` before its body is read.
 * - **Per-client rate** (per instance): each client (an API key, a signed-in user) may start
 *   `ratePerSecond` operations a second, HTTP and WebSocket together, and an address
 *   without credentials ANONYMOUS_PER_SECOND; beyond that, 429 `RATE_LIMITED` until the
 *   next second.
 *
 * Both answer with `Retry-After`. Zero turns a guard off. Limits are kept in memory, so
 * with several instances behind a load balancer each instance counts on its own.
 */
export class Throttle {
  private inFlight = 0;
  private readonly perClient: RateLimiterMemory | undefined;
  private readonly perAnonymousAddress: RateLimiterMemory | undefined;
  /**
   * Keys that authenticated here, by their public prefix, with the hash of their secret
   * (never the secret itself) to tell the right one from a guess (bounded).
   */
  private readonly apiKeys = new Map<string, { apiKeyId: string; secretHash: string }>();

  constructor(
    private readonly limits: { maxInFlight: number; ratePerSecond: number },
    private readonly onRefused: (reason: ThrottleCode) => void = () => undefined,
  ) {
    // rate-limiter-flexible: a fixed one-second window per key, in memory; the well-kept
    // library for this, with the same API over Redis or PostgreSQL should limits need sharing.
    this.perClient =
      limits.ratePerSecond > 0
        ? new RateLimiterMemory({ points: limits.ratePerSecond, duration: 1 })
        : undefined;
    // Without credentials there is little to ask but `login`, each an argon2 hash: an
    // address gets a few a second, so that one client cannot keep the CPU hashing.
    this.perAnonymousAddress =
      limits.ratePerSecond > 0
        ? new RateLimiterMemory({
            points: Math.min(limits.ratePerSecond, ANONYMOUS_PER_SECOND),
            duration: 1,
          })
        : undefined;
  }

  /**
   * Takes an in-flight slot, or returns the refusal. The caller gives the slot back with
   * the returned `release` once the response has gone (or the client went away).
   */
  admit(): { release: () => void } | Refusal {
    if (this.limits.maxInFlight > 0 && this.inFlight >= this.limits.maxInFlight) {
      this.onRefused('OVERLOADED');
      return refusal(
        'OVERLOADED',
        503,
        1,
        'The portal is busy answering other requests. Retry after 1 second.',
      );
    }
    this.inFlight++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight--;
      },
    };
  }

  /** Counts one operation against the client's rate; the refusal when it is over. */
  async charge(client: ClientKey): Promise<Refusal | undefined> {
    const limiter = client.anonymous ? this.perAnonymousAddress : this.perClient;
    if (!limiter) return undefined;
    try {
      await limiter.consume(client.key);
      return undefined;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return this.rateLimited(rejection, limiter.points, client.label);
    }
  }

  private rateLimited(state: RateLimiterRes, points: number, label: string): Refusal {
    const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    this.onRefused('RATE_LIMITED');
    return refusal(
      'RATE_LIMITED',
      429,
      seconds,
      `Too many requests from ${label}: at most ${points} a second. Retry after ${seconds} second${seconds === 1 ? '' : 's'}.`,
    );
  }

  /**
   * Charges a request with an API key that authenticated on this instance before, from its
   * secret alone, before the key is looked up in the database and before the request takes
   * an in-flight slot: the refusal (429) once the key is over its rate this second, or the
   * client charged (the request is not charged again after its lookup). A key flooding the
   * portal then costs no query and no slot per 429, even in the first moments of a second,
   * when nothing of it has been charged yet. Undefined for anything else (an unknown key,
   * a wrong secret for a known prefix, a token, no credentials): it is authenticated and
   * charged as usual. Only the whole secret charges a key, so nobody who knows just the
   * public prefix can spend another's rate.
   */
  async chargeKnownApiKey(
    apiKey: { prefix: string; body: string } | null,
  ): Promise<ClientKey | Refusal | undefined> {
    const known = apiKey ? this.apiKeys.get(apiKey.prefix) : undefined;
    if (!apiKey || !known || !this.perClient || !secretMatches(apiKey.body, known.secretHash))
      return undefined;
    const client = apiKeyClient(known.apiKeyId);
    return (await this.charge(client)) ?? client;
  }

  /** Notes which key a secret belongs to, once a request with it authenticated. */
  rememberApiKey(apiKey: { prefix: string; body: string }, apiKeyId: string): void {
    if (this.apiKeys.size >= KNOWN_API_KEYS && !this.apiKeys.has(apiKey.prefix))
      this.apiKeys.clear();
    this.apiKeys.set(apiKey.prefix, { apiKeyId, secretHash: hashSecret(apiKey.body) });
  }

  /**
   * Forgets a remembered key whose own secret no longer authenticates (it was revoked), so
   * that its requests are charged to their address like any other without credentials. A
   * wrong secret for a known prefix forgets nothing.
   */
  forgetApiKey(apiKey: { prefix: string; body: string }): void {
    const known = this.apiKeys.get(apiKey.prefix);
    if (known && secretMatches(apiKey.body, known.secretHash)) this.apiKeys.delete(apiKey.prefix);
  }

  /** Operations being answered now (for metrics). */
  get current(): number {
    return this.inFlight;
  }
}

export type ThrottleCode = 'OVERLOADED' | 'RATE_LIMITED';

/** Why a request was refused: its HTTP status, when to retry, and the GraphQL error to send. */
export interface Refusal {
  refused: true;
  status: 429 | 503;
  retryAfterSeconds: number;
  error: GraphQLError;
}

function refusal(
  code: ThrottleCode,
  status: 429 | 503,
  retryAfterSeconds: number,
  message: string,
): Refusal {
  return {
    refused: true,
    status,
    retryAfterSeconds,
    error: new GraphQLError(message, { extensions: { code, retryAfterSeconds } }),
  };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** Whom a request is counted against, and how to name them in the refusal. */
export interface ClientKey {
  key: string;
  label: string;
  /** No valid credentials: counted by address, at a lower rate. */
  anonymous: boolean;
}

/** Prefixes remembered at most; forgotten all at once beyond (they are relearnt on use). */
const KNOWN_API_KEYS = 10_000;

/** Operations a second an address without credentials may start (at most RATE_LIMIT_RPS). */
export const ANONYMOUS_PER_SECOND = 5;

/** The rate key of an API key (chargeKnownApiKey knows only its id, not its viewer). */
function apiKeyClient(apiKeyId: string): ClientKey {
  return { key: `key:${apiKeyId}`, label: 'this API key', anonymous: false };
}

/** Whose rate a request counts against: its API key, its user, or its address. */
export function clientKey(viewer: Viewer | null, address: string | undefined): ClientKey {
  if (viewer?.apiKeyId) return apiKeyClient(viewer.apiKeyId);
  if (viewer?.userId) return { key: `user:${viewer.userId}`, label: 'this user', anonymous: false };
  return { key: `address:${address ?? 'unknown'}`, label: 'this address', anonymous: true };
}
