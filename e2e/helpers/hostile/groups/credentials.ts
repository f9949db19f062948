/**
 * Headers and credentials: malformed Authorization headers and forged credentials (JWTs signed with
 * a wrong secret, unsigned, of another algorithm, expired, RS-Other's claims under Rich's
 * signature, cut short; API keys unknown, altered, malformed or carrying SQL), each on a probing
 * query and on a writing mutation, which must answer UNAUTHENTICATED and leak nothing; oversized
 * and odd headers alongside a good token; a CSRF-shaped text/plain request; and a READ-only API key
 * trying to write. Token times come from the clock, so those bytes follow the time of the run.
 */
import { all, clientError, refused, noLeak, unauthenticated, forbidden } from '../checks.js';
import { jwt, KB, post } from '../http.js';
import { junk } from '../random.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function credentialCases({ fixture, random }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('credentials');
  const { ids } = fixture;
  const rich = fixture.tokens.rich;
  const probe = { query: '{ viewer { role organization { name } } customers { totalCount } }' };
  const write = {
    query:
      'mutation { createApiKey(input: { name: "stolen", scopes: [READ, WRITE_ORDERS, SUBSCRIBE] }) { secret userErrors { code } } }',
  };
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: ids.richUserKey,
    org: ids.richOrgKey,
    role: 'RESELLER_ADMIN',
    iss: 'change-order-portal',
    iat: now,
    exp: now + 3_600,
  };
  const [header, , signature] = rich.split('.') as [string, string, string];
  const swappedClaims = Buffer.from(JSON.stringify({ ...claims, org: ids.otherOrgKey })).toString(
    'base64url',
  );
  const apiKeyPrefix = fixture.apiKeySecret.slice(0, 'cop_'.length + 16);
  const authorizations: [string, string][] = [
    ['the word Bearer', 'Bearer'],
    ['Bearer and blanks', 'Bearer    '],
    ['two tokens', `Bearer ${rich} ${rich}`],
    ['Basic credentials', 'Basic cmljaEBycy12ZXJ0aWNhbC5leGFtcGxlOmRlbW8='],
    ['a token without a scheme', rich],
    ['another scheme', `Token ${rich}`],
    ['random junk', `Bearer ${junk(random, 200)}`],
    ['a 10 KB token', `Bearer ${junk(random, 10 * KB)}`],
    ['a 15 KB token', `Bearer ${'z'.repeat(15 * KB)}`],
    [
      'a JWT signed with a wrong secret',
      `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-secret-of-this-installation-at-all')}`,
    ],
    [
      'an unsigned JWT (alg none)',
      `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
    ],
    ['a JWT claiming HS512', `Bearer ${jwt({ alg: 'HS512' }, claims, fixture.jwtSecret)}`],
    [
      'an expired JWT the server signed',
      `Bearer ${jwt({ alg: 'HS256' }, { ...claims, iat: now - 90_000, exp: now - 3_600 }, fixture.jwtSecret)}`,
    ],
    ["Rich's signature over RS-Other's claims", `Bearer ${header}.${swappedClaims}.${signature}`],
    ["Rich's token, one character short", `Bearer ${rich.slice(0, -1)}`],
    ["Rich's token with its signature cut", `Bearer ${header}.${rich.split('.')[1]}.`],
    [
      'an API key that does not exist',
      `Bearer cop_${junk(random, 16, '0123456789abcdef')}_${junk(random, 43)}`,
    ],
    ['a real API key prefix with a wrong secret', `Bearer ${apiKeyPrefix}_${junk(random, 43)}`],
    ['a real API key with a character more', `Bearer ${fixture.apiKeySecret}x`],
    ['a malformed API key', 'Bearer cop_short_key'],
    ['an API key with SQL', "Bearer cop_0123456789abcdef_' OR '1'='1' --aaaaaaaaaaaaaaaaaaaaaaaaa"],
  ];
  // Each on a query that would show RS-Vertical's name and a mutation that would mint a key.
  for (const [name, authorization] of authorizations) {
    add(
      `${name} (query)`,
      post(probe, undefined, { authorization }),
      all(unauthenticated, noLeak(['RS-Vertical'])),
    );
    add(
      `${name} (mutation)`,
      post(write, undefined, { authorization }),
      all(unauthenticated, noLeak(['cop_'])),
    );
  }
  // Odd headers: over the header limit, or oversized and odd alongside a good token.
  add(
    'a 64 KB Authorization header',
    post(probe, undefined, { authorization: `Bearer ${'q'.repeat(64 * KB)}` }),
    clientError,
    false,
  );
  add('a 2000-character request id', post(probe, rich, { 'x-request-id': 'r'.repeat(2_000) }));
  add(
    'a request id with odd characters',
    post(probe, rich, { 'x-request-id': '../../etc/passwd;{}' }),
  );
  add(
    'a forwarded-for of junk',
    post(probe, rich, { 'x-forwarded-for': `${junk(random, 50)}, ::1, 999.999.1.1` }),
  );
  add('a 10 KB cookie', post(probe, rich, { cookie: `session=${junk(random, 10 * KB)}` }));
  add(
    'a CSRF-shaped request with a valid token',
    {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${rich}` },
      body: JSON.stringify(write),
    },
    all(refused, noLeak(['cop_'])),
  );
  // A real API key of scope READ only: reads, never writes.
  const readKey = { authorization: `Bearer ${fixture.apiKeySecret}` };
  add(
    'a READ API key creating an API key',
    post(write, undefined, readKey),
    all(forbidden, noLeak(['cop_'])),
  );
  add(
    'a READ API key cancelling an order',
    post(
      {
        query:
          'mutation($i: OrderRefInput!) { cancelChangeOrder(input: $i) { order { id status } userErrors { code } } }',
        variables: { i: { orderId: ids.draft } },
      },
      undefined,
      readKey,
    ),
    forbidden,
  );
  add(
    'a READ API key acknowledging every alert',
    post(
      { query: 'mutation { acknowledgeAllAlerts { acknowledged { id } userErrors { code } } }' },
      undefined,
      readKey,
    ),
    forbidden,
  );
  return cases;
}
