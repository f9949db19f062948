/**
 * A stored session across a reload: kept unless the server refuses its token, so that a
 * portal restarting behind the page signs no one out.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreSession, session, signOut } from './session';

const STORED = {
  token: 'stored-token',
  name: 'Rich Reseller',
  email: 'rich@rs-vertical.example',
  role: 'RESELLER_ADMIN',
  organization: { id: 'O1', name: 'RS Vertical', kind: 'RESELLER' },
};

/** The server answers every POST /graphql with this status and JSON body. */
function serverAnswers(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
    ),
  );
}

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('restoring the stored session', () => {
  it('keeps it when the server accepts the token', async () => {
    localStorage.setItem('portal.session', JSON.stringify(STORED));
    serverAnswers(200, {
      data: {
        viewer: {
          role: 'RESELLER_ADMIN',
          user: { name: STORED.name, email: STORED.email },
          organization: STORED.organization,
        },
      },
    });
    await restoreSession();
    expect(session()?.token).toBe('stored-token');
  });

  it('keeps it when the portal is restarting (503), rather than signing out', async () => {
    localStorage.setItem('portal.session', JSON.stringify(STORED));
    serverAnswers(503, { errors: [{ message: 'The portal is starting; try again shortly.' }] });
    await restoreSession();
    expect(session()?.email).toBe(STORED.email);
    expect(localStorage.getItem('portal.session')).not.toBeNull();
  });

  it('drops it when the server refuses the token', async () => {
    localStorage.setItem('portal.session', JSON.stringify(STORED));
    serverAnswers(200, {
      data: null,
      errors: [{ message: 'Sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    await restoreSession();
    expect(session()).toBeNull();
    expect(localStorage.getItem('portal.session')).toBeNull();
  });
});
