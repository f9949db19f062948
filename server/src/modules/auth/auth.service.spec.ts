import type { EntityManager } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { newApiKeySecret } from '../api-key/api-key-secret.js';
import { AuthService } from './auth.service.js';
import type { TokenService } from './token.js';

/**
 * An API key's lookup, without a database: the EntityManager answers the one SELECT from a
 * row it is given, when the test releases it, and counts the SELECTs sent.
 */
function keyStore(secretHash: string) {
  let revoked = false;
  const waiting: (() => void)[] = [];
  let selects = 0;
  const em = {
    execute: async () => {
      selects++;
      const lookedUpRevoked = revoked; // the row as it is when the SELECT runs
      await new Promise<void>((resolve) => waiting.push(resolve));
      return lookedUpRevoked
        ? []
        : [
            {
              id: 'key-1',
              secret_hash: secretHash,
              scopes: ['READ'],
              created_by_id: 'user-1',
              organization_id: 'org-1',
              organization_kind: 'RESELLER',
            },
          ];
    },
  } as unknown as EntityManager;
  return {
    em: () => em,
    get selects() {
      return selects;
    },
    answerAll: () => waiting.splice(0).forEach((resolve) => resolve()),
    revoke: () => (revoked = true),
  };
}

const bearer = (credential: string) => `Bearer ${credential}`;

describe('AuthService.authenticate with an API key', () => {
  it('sends one lookup for the requests that arrive while it is under way, and a new one after', async () => {
    const key = newApiKeySecret();
    const store = keyStore(key.secretHash);
    const auth = new AuthService({} as TokenService);

    const burst = Array.from({ length: 50 }, () => auth.authenticate(store.em, bearer(key.secret)));
    expect(store.selects).toBe(1);
    store.answerAll();
    const viewers = await Promise.all(burst);
    expect(viewers.every((viewer) => viewer?.apiKeyId === 'key-1')).toBe(true);

    // Nothing is kept once it settled: a key revoked since is refused by the next lookup.
    store.revoke();
    const later = auth.authenticate(store.em, bearer(key.secret));
    expect(store.selects).toBe(2);
    store.answerAll();
    expect(await later).toBeNull();
  });

  it('never gives a wrong secret with the same prefix the answer of the right one', async () => {
    const key = newApiKeySecret();
    const store = keyStore(key.secretHash);
    const auth = new AuthService({} as TokenService);
    const forged = `cop_${key.prefix}_${'A'.repeat(43)}`;

    const right = auth.authenticate(store.em, bearer(key.secret));
    const wrong = auth.authenticate(store.em, bearer(forged));
    expect(store.selects).toBe(2);
    store.answerAll();
    expect((await right)?.apiKeyId).toBe('key-1');
    expect(await wrong).toBeNull();
  });
});
