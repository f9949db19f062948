import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { refuse, UserErrorCode } from '../../common/user-error.js';
import type { ApiScope } from '../api-key/api-key.entity.js';
import { parseApiKeySecret, secretMatches } from '../api-key/api-key-secret.js';
import { OrganizationKind } from '../organization/organization.entity.js';
import { verifyPassword } from './password.js';
import type { TokenService } from './token.js';
import { Role, User } from './user.entity.js';
import type { Viewer } from './viewer.js';

const RESELLER_ROLES = new Set([Role.RESELLER_ADMIN, Role.RESELLER_AGENT]);

export function kindOfRole(role: Role): OrganizationKind {
  return RESELLER_ROLES.has(role) ? OrganizationKind.RESELLER : OrganizationKind.VENDOR;
}

/** Too many sign-in attempts for one e-mail address: try again after `retryAfterSeconds`. */
export class TooManySignInAttempts extends Error {
  override name = 'TooManySignInAttempts';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts for this e-mail. Retry after ${retryAfterSeconds} seconds.`);
  }
}

/** Sign-in and the credentials of each request. */
export class AuthService {
  /** Attempts per e-mail, counted before the password is hashed (the costly part). */
  private readonly attempts: RateLimiterMemory | undefined;
  /** API key lookups under way, by the whole secret (see `viewerOfApiKey`). */
  private readonly apiKeyLookups = new Map<string, Promise<Viewer | null>>();

  constructor(
    private readonly tokens: TokenService,
    attemptsPerMinute = 0,
  ) {
    this.attempts =
      attemptsPerMinute > 0
        ? new RateLimiterMemory({ points: attemptsPerMinute, duration: 60 })
        : undefined;
  }

  /**
   * One INVALID_CREDENTIALS for an unknown e-mail and a wrong password alike.
   * @throws TooManySignInAttempts past the attempts allowed for the e-mail this minute.
   */
  async login(em: EntityManager, email: string, password: string) {
    const address = email.trim().toLowerCase();
    await this.countAttempt(address);
    const user = await em.findOne(User, { email: address }, { populate: ['passwordHash'] });
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid) {
      refuse(UserErrorCode.INVALID_CREDENTIALS, 'The e-mail or the password is wrong.');
    }
    const { token, expiresAt } = await this.tokens.sign({
      userId: user.id,
      organizationId: user.organization.id,
      role: user.role,
    });
    const viewer: Viewer = {
      organizationId: user.organization.id,
      organizationKind: kindOfRole(user.role),
      role: user.role,
      userId: user.id,
      actingUserId: user.id,
      apiKeyId: null,
      scopes: [],
      expiresAt,
    };
    return { token, viewer };
  }

  private async countAttempt(email: string): Promise<void> {
    if (!this.attempts) return;
    try {
      await this.attempts.consume(email);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new TooManySignInAttempts(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }

  /**
   * The viewer behind an `Authorization: Bearer …` value (a session token or an API key
   * secret); null when it is missing, malformed, expired or revoked. `em` is called only
   * for an API key: a session token needs no database, and a fork for every request
   * would be a few percent of a small query's CPU.
   */
  async authenticate(em: () => EntityManager, authorization: unknown): Promise<Viewer | null> {
    const credential = bearerCredential(authorization);
    if (!credential) return null;

    const apiKey = parseApiKeySecret(credential);
    if (apiKey)
      return this.sharedApiKeyLookup(credential, () =>
        this.viewerOfApiKey(em(), apiKey.prefix, apiKey.body),
      );

    const claims = await this.tokens.verify(credential);
    if (!claims) return null;
    return {
      organizationId: claims.organizationId,
      organizationKind: kindOfRole(claims.role),
      role: claims.role,
      userId: claims.userId,
      actingUserId: claims.userId,
      apiKeyId: null,
      scopes: [],
      expiresAt: claims.expiresAt,
    };
  }

  /**
   * Requests with the same API key that arrive while its lookup is under way wait for that
   * lookup instead of starting their own. A client flooding the portal sends hundreds of
   * requests before the first lookup answers and the throttle learns the key
   * (`Throttle.rememberApiKey`); each of them used to send its own SELECT, which queued for
   * the pool while holding an in-flight slot, and the key's 429s turned into everyone's 503
   * OVERLOADED. Nothing is kept once the lookup settles, so a revoked key is refused from
   * the next lookup on, as before. (Keyed by the whole secret: a wrong secret with a known
   * prefix never shares the right one's answer. DataLoader batches within one request;
   * this is across requests and caches nothing, hence a map of promises.)
   */
  private sharedApiKeyLookup(
    credential: string,
    lookup: () => Promise<Viewer | null>,
  ): Promise<Viewer | null> {
    const underWay = this.apiKeyLookups.get(credential);
    if (underWay) return underWay;
    const started = lookup().finally(() => this.apiKeyLookups.delete(credential));
    this.apiKeyLookups.set(credential, started);
    return started;
  }

  /**
   * The viewer behind an API key, or null. Every request with a key runs this before its
   * rate is checked, a flood's included, so it is one plain statement: through em.findOne
   * it cost several times the CPU (MikroORM building the query and hydrating two
   * entities), and a key flooding at twice the capacity overloaded the instance with
   * lookups whose answer was 429.
   */
  private async viewerOfApiKey(
    em: EntityManager,
    prefix: string,
    body: string,
  ): Promise<Viewer | null> {
    const [key] = await em.execute<ApiKeyRow[]>(
      `SELECT k.id, k.secret_hash, k.scopes::text[] AS scopes, k.created_by_id,
              o.id AS organization_id, o.kind AS organization_kind
         FROM api_key k JOIN organization o ON o.id = k.organization_id
        WHERE k.prefix = ? AND k.revoked_at IS NULL`,
      [prefix],
    );
    if (!key || !secretMatches(body, key.secret_hash)) return null;
    return {
      organizationId: key.organization_id,
      organizationKind: key.organization_kind,
      role: Role.API_CLIENT,
      userId: null,
      actingUserId: key.created_by_id,
      apiKeyId: key.id,
      scopes: key.scopes,
      expiresAt: null,
    };
  }
}

/** The credential of an `Authorization: Bearer <credential>` value, or null. */
export function bearerCredential(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  return /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] ?? null;
}

interface ApiKeyRow {
  id: string;
  secret_hash: string;
  scopes: ApiScope[];
  created_by_id: string;
  organization_id: string;
  organization_kind: OrganizationKind;
}
