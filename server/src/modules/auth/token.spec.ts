import type { EntityManager } from '@mikro-orm/postgresql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenService } from './token.js';
import { Role } from './user.entity.js';

const SECRET = 'token-spec-secret-that-is-long-enough-0123';
const unused = {} as EntityManager; // a configured secret needs no database
const claims = { userId: 'u1', organizationId: 'o1', role: Role.RESELLER_ADMIN };

afterEach(() => {
  vi.useRealTimers();
});

describe('TokenService', () => {
  it('verifies its own tokens, again and again, with the same claims', async () => {
    const tokens = await TokenService.create(unused, SECRET);
    const { token, expiresAt } = await tokens.sign(claims);
    const first = await tokens.verify(token);
    expect(first).toEqual({ ...claims, expiresAt });
    expect(await tokens.verify(token)).toEqual(first);
  });

  it("refuses another installation's token and a tampered one", async () => {
    const ours = await TokenService.create(unused, SECRET);
    const theirs = await TokenService.create(unused, `${SECRET}-other`);
    const { token } = await theirs.sign(claims);
    expect(await ours.verify(token)).toBeNull();
    const { token: mine } = await ours.sign(claims);
    const [header, payload, signature] = mine.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        role: 'VENDOR_APPROVER',
      }),
    ).toString('base64url');
    expect(await ours.verify(`${header}.${forged}.${signature}`)).toBeNull();
  });

  it('stops accepting a token once it expires, even one it verified before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tokens = await TokenService.create(unused, SECRET);
    const { token, expiresAt } = await tokens.sign(claims);
    expect(await tokens.verify(token)).not.toBeNull();
    vi.setSystemTime(expiresAt.getTime() + 1_000);
    expect(await tokens.verify(token)).toBeNull();
  });
});
