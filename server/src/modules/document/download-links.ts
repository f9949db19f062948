import { timingSafeEqual } from 'node:crypto';
import type { TokenService } from '../auth/token.js';

/** How long a download link works. */
export const LINK_LIFETIME_MS = 15 * 60 * 1000;

export type LinkCheck = 'valid' | 'expired' | 'invalid';

/**
 * Signed, expiring download links: `/files/<attachment>?org=<viewer's org>&exp=<ms>&sig=<hmac>`.
 * Only a viewer who may see the attachment is given one; the signature binds the file, the
 * organisation it was issued to and the expiry, so a changed link or an old one is refused.
 */
export class DownloadLinks {
  constructor(private readonly keys: TokenService) {}

  url(attachmentId: string, organizationId: string, now = Date.now()): string {
    const exp = now + LINK_LIFETIME_MS;
    const sig = this.signature(attachmentId, organizationId, exp);
    return `/files/${attachmentId}?org=${organizationId}&exp=${exp}&sig=${sig}`;
  }

  check(
    attachmentId: string,
    organizationId: string,
    exp: string,
    sig: string,
    now = Date.now(),
  ): LinkCheck {
    if (!/^\d{1,15}$/.test(exp)) return 'invalid';
    const expected = Buffer.from(this.signature(attachmentId, organizationId, Number(exp)));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return Number(exp) < now ? 'expired' : 'valid';
  }

  private signature(attachmentId: string, organizationId: string, exp: number): string {
    return this.keys.hmac('download', `${attachmentId}:${organizationId}:${exp}`);
  }
}
