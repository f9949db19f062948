import { createHmac, randomBytes, webcrypto } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { errors, jwtVerify, SignJWT } from 'jose';
import { Setting } from './setting.entity.js';
import { Role } from './user.entity.js';

const ISSUER = 'change-order-portal';
const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
const SECRET_SETTING = 'jwt_secret';
const VERIFIED_CACHE_SIZE = 10_000;

export interface TokenClaims {
  userId: string;
  organizationId: string;
  role: Role;
  expiresAt: Date;
}

/**
 * Signs and checks the session tokens (HS256 JWTs, 12 h). The secret is JWT_SECRET when set;
 * otherwise one generated on first start and kept in the database, so every instance on
 * the same database accepts every other's tokens and restarts keep sessions.
 */
export class TokenService {
  /**
   * Tokens already verified, by their text: a client sends the same token with every
   * request, and verifying costs an HMAC on the WebCrypto thread pool each time. Only
   * valid tokens are kept (until they expire); the map is emptied when it grows past
   * VERIFIED_CACHE_SIZE, which bounds its memory without an LRU's bookkeeping.
   */
  private readonly verified = new Map<string, TokenClaims>();
  private cryptoKey: Promise<webcrypto.CryptoKey> | undefined;

  private constructor(private readonly key: Uint8Array) {}

  static async create(em: EntityManager, configured: string | undefined): Promise<TokenService> {
    if (configured) return new TokenService(new TextEncoder().encode(configured));
    const fresh = randomBytes(48).toString('base64url');
    // Two instances starting together: the first insert wins, both read the same value.
    await em
      .getConnection()
      .execute('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
        SECRET_SETTING,
        fresh,
      ]);
    const stored = await em.fork().findOneOrFail(Setting, { key: SECRET_SETTING });
    return new TokenService(new TextEncoder().encode(stored.value));
  }

  /**
   * HMAC-SHA256 of `data` for a purpose other than sessions (e.g. download links), keyed
   * from the same installation secret but never equal to a token signature.
   */
  hmac(purpose: string, data: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${data}`).digest('base64url');
  }

  async sign(claims: Omit<TokenClaims, 'expiresAt'>): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ org: claims.organizationId, role: claims.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
      .sign(this.key);
    return { token, expiresAt: new Date((now + TOKEN_LIFETIME_SECONDS) * 1000) };
  }

  /** The claims of a valid, unexpired token of ours; null for anything else. */
  async verify(token: string): Promise<TokenClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() > Date.now()) return known;
      this.verified.delete(token);
      return null;
    }
    const claims = await this.verifySignature(token);
    if (claims) {
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
      this.verified.set(token, claims);
    }
    return claims;
  }

  private async verifySignature(token: string): Promise<TokenClaims | null> {
    // Imported once: given raw bytes, jose imports a WebCrypto key on every call.
    this.cryptoKey ??= webcrypto.subtle.importKey(
      'raw',
      this.key,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    try {
      const { payload } = await jwtVerify(token, await this.cryptoKey, {
        issuer: ISSUER,
        algorithms: ['HS256'],
      });
      const role = payload.role as Role;
      if (typeof payload.sub !== 'string' || typeof payload.org !== 'string') return null;
      if (!Object.values(Role).includes(role) || typeof payload.exp !== 'number') return null;
      return {
        userId: payload.sub,
        organizationId: payload.org,
        role,
        expiresAt: new Date(payload.exp * 1000),
      };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}
