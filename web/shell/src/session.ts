import { Client, fetchExchange } from '@urql/core';
import { createSignal } from 'solid-js';
import {
  createPortalClient,
  graphql,
  isUnauthenticated,
  type PortalClient,
  type SessionInfo,
} from '@portal/web-shared';

const STORAGE_KEY = 'portal.session';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      viewer {
        role
        user {
          name
          email
        }
        organization {
          id
          name
          kind
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const VIEWER = graphql(`
  query SessionViewer {
    viewer {
      role
      user {
        name
        email
      }
      organization {
        id
        name
        kind
      }
    }
  }
`);

export interface Session extends SessionInfo {
  client: PortalClient;
}

const [session, setSession] = createSignal<Session | null>(null);
export { session };

function open(info: SessionInfo): Session {
  const client = createPortalClient({ token: info.token, onUnauthenticated: () => signOut() });
  return { ...info, client };
}

/** Signs in; resolves with a message to show inline when the credentials are refused. */
export async function signIn(email: string, password: string): Promise<string | null> {
  const anonymous = new Client({
    url: `${window.location.origin}/graphql`,
    exchanges: [fetchExchange],
  });
  const result = await anonymous.mutation(LOGIN, { email, password }).toPromise();
  if (result.error) {
    return result.error.networkError
      ? 'The portal cannot be reached. Check your connection and try again.'
      : result.error.message.replace(/^\[GraphQL\] /, '');
  }
  const login = result.data?.login;
  if (!login?.token || !login.viewer) return login?.userErrors[0]?.message ?? 'Sign-in failed.';
  const info: SessionInfo = {
    token: login.token,
    name: login.viewer.user?.name ?? email,
    email: login.viewer.user?.email ?? email,
    role: login.viewer.role,
    organization: login.viewer.organization,
  };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(info));
  setSession(open(info));
  return null;
}

export function signOut(): void {
  localStorage.removeItem(STORAGE_KEY);
  session()?.client.dispose();
  setSession(null);
}

/**
 * Restores a stored session unless the server refuses its token. A server that cannot say
 * (restarting: 503; out of reach) keeps it: the screens show that and retry, and a token
 * refused later signs out then (createPortalClient's onUnauthenticated).
 */
export async function restoreSession(): Promise<void> {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (!stored) return;
  let info: SessionInfo;
  try {
    info = JSON.parse(stored) as SessionInfo;
  } catch {
    localStorage.removeItem(STORAGE_KEY);
    return;
  }
  const candidate = open(info);
  const result = await candidate.client.urql.query(VIEWER, {}).toPromise();
  const refused = !result.data?.viewer && (!result.error || isUnauthenticated(result.error));
  if (!refused) setSession(candidate);
  else {
    candidate.client.dispose();
    localStorage.removeItem(STORAGE_KEY);
  }
}
