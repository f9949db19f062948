import { createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { errors, jwtVerify, SignJWT } from 'jose';
import { Setting } from './setting.entity.js';
import { Role } from './user.entity.js';

const ISSUER = 'change-order-portal';
const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
const SECRET_SETTING = 'jwt_secret';

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
    try {
      const { payload } = await jwtVerify(token, this.key, {
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
