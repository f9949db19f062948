/**
 * Transport: what reaches /graphql malformed below GraphQL: batched arrays, mutations over GET
 * (with and without the CSRF preflight header), GET without a query or with junk variables, URLs
 * over the header limit, bodies that are not JSON or are JSON of the wrong shape, unknown persisted
 * queries, wrong or missing content types and encodings, a gzip bomb, bodies over the limit, other
 * methods, and paths that only look like /graphql.
 */
import { gzipSync } from 'node:zlib';
import { all, status, clientError, refused, rejected } from '../checks.js';
import { get, JSON_HEADERS, KB, MB, post } from '../http.js';
import { junk } from '../random.js';
import { caseList, type GroupContext } from '../group.js';
import type { Check, HostileCase } from '../types.js';

export function transportCases({ fixture, random }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('transport');
  const { ids } = fixture;
  const rich = fixture.tokens.rich;
  const typename = { query: '{ __typename }' };
  const ackAll = {
    query: 'mutation { acknowledgeAllAlerts { acknowledged { id } userErrors { code } } }',
  };
  // Batches, which the server does not take.
  add('a batch of two queries', post([typename, typename], rich), refused);
  add('a batch of two mutations', post([ackAll, ackAll], rich), refused);
  add(
    'a batch of 1000',
    post(
      Array.from({ length: 1_000 }, () => typename),
      rich,
    ),
    refused,
  );
  add('an empty batch', post([], rich), refused);
  add('a nested batch', post([[typename]], rich), refused);
  add('a batch of strings', post(['{ __typename }'], rich), refused);
  // GET: never a mutation, never without the CSRF preflight header, never a long URL.
  add('GET with a mutation', get({ query: ackAll.query }, rich), all(status(405), refused));
  add(
    'GET with a mutation and an operationName',
    get(
      {
        query: `query Q { __typename } ${ackAll.query.replace('mutation', 'mutation M')}`,
        operationName: 'M',
      },
      rich,
    ),
    all(status(405), refused),
  );
  add(
    'GET with a mutation, no preflight header',
    { ...get({ query: ackAll.query }, rich), headers: { authorization: `Bearer ${rich}` } },
    refused,
  );
  add(
    'GET with a createChangeOrder',
    get(
      {
        query: `mutation { createChangeOrder(input: { customerId: "${ids.customer}", title: "via GET" }) { order { id } } }`,
      },
      rich,
    ),
    refused,
  );
  add('GET without a query', get({}, rich), refused);
  add(
    'GET with junk variables',
    get({ query: '{ __typename }', variables: '{not json' }, rich),
    refused,
  );
  add(
    'GET with variables that are a list',
    get({ query: '{ __typename }', variables: '[1,2]' }, rich),
    refused,
  );
  add(
    'GET with a 12 KB query',
    get({ query: `{ customers(search: "${junk(random, 12 * KB)}") { totalCount } }` }, rich),
  );
  add(
    'GET with a 100 KB query (over the header limit)',
    get({ query: `{ __typename ${' '.repeat(100 * KB)}}` }, rich),
    clientError,
    false,
  );
  // POST bodies as raw bytes: JSON that is not, JSON of the wrong shape, persisted queries.
  const raw = (
    name: string,
    bodyText: string | Buffer,
    headers: Record<string, string> = JSON_HEADERS,
    check: Check = refused,
  ) =>
    add(
      name,
      {
        method: 'POST',
        path: '/graphql',
        headers: { ...headers, authorization: `Bearer ${rich}` },
        body: bodyText,
      },
      check,
    );
  raw('truncated JSON', '{"query": "{ __typename ');
  raw('trailing garbage', '{"query": "{ __typename }"} trailing');
  raw('single quotes', "{'query': '{ __typename }'}");
  raw('a trailing comma', '{"query": "{ __typename }",}');
  raw('NaN in JSON', '{"query": "{ __typename }", "variables": {"a": NaN}}');
  raw('a byte-order mark', '\ufeff{"query": "{ __typename }"}', JSON_HEADERS, () => undefined);
  raw('invalid UTF-8', Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]));
  raw('binary junk', Buffer.from(Array.from({ length: 4_096 }, () => Math.floor(random() * 256))));
  raw('JSON null', 'null');
  raw('JSON true', 'true');
  raw('a JSON string', '"{ __typename }"');
  raw('a JSON number', '42');
  raw('an empty object', '{}');
  raw('a null query', '{"query": null}');
  raw('an empty query', '{"query": ""}');
  raw('a blank query', '{"query": "   \\n\\t "}');
  raw('a query of only a comment', '{"query": "# nothing here"}');
  raw('a number as the query', '{"query": 42}');
  raw('an object as the query', '{"query": {"kind": "Document", "definitions": []}}');
  raw('variables as a string', '{"query": "{ __typename }", "variables": "{}"}');
  raw('variables as a list', '{"query": "{ __typename }", "variables": [1]}');
  raw('extensions as a string', '{"query": "{ __typename }", "extensions": "x"}');
  raw('operationName as a number', '{"query": "{ __typename }", "operationName": 7}');
  raw(
    'an unknown persisted query',
    JSON.stringify({
      extensions: {
        persistedQuery: { version: 1, sha256Hash: junk(random, 64, '0123456789abcdef') },
      },
    }),
    JSON_HEADERS,
    rejected,
  );
  raw(
    'a persisted query with a wrong hash',
    JSON.stringify({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    }),
    JSON_HEADERS,
    rejected,
  );
  raw(
    'a persisted query of an unknown version',
    JSON.stringify({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 99, sha256Hash: 'x' } },
    }),
    JSON_HEADERS,
    rejected,
  );
  raw('no body', '');
  // A good body under wrong or missing content types and encodings, and bodies over the limit.
  const bodyOf = JSON.stringify({ query: '{ viewer { role } }' });
  const typed = (contentType: string | undefined) => ({
    accept: 'application/json',
    ...(contentType ? { 'content-type': contentType } : {}),
  });
  raw('text/plain', bodyOf, typed('text/plain'));
  raw(
    'a form body',
    'query=%7B%20viewer%20%7B%20role%20%7D%20%7D',
    typed('application/x-www-form-urlencoded'),
  );
  raw(
    'multipart',
    `--b\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${bodyOf}\r\n--b--\r\n`,
    typed('multipart/form-data; boundary=b'),
  );
  raw('application/graphql', '{ viewer { role } }', typed('application/graphql'));
  raw('application/xml', '<query>{ viewer { role } }</query>', typed('application/xml'));
  raw('no content type', bodyOf, typed(undefined));
  raw('JSON declared as UTF-16', bodyOf, typed('application/json; charset=utf-16'));
  raw('JSON declared as latin1', bodyOf, typed('application/json; charset=latin1'));
  raw(
    'a bogus content type',
    bodyOf,
    typed('application/json; boundary=;;;;; charset="'),
    () => undefined,
  );
  raw('gzip that is not gzip', bodyOf, { ...JSON_HEADERS, 'content-encoding': 'gzip' });
  raw('an unknown content encoding', bodyOf, {
    ...JSON_HEADERS,
    'content-encoding': 'br, zstd, xyz',
  });
  raw(
    'a gzip bomb: 20 KB that inflates to 20 MB',
    gzipSync(
      Buffer.concat([
        Buffer.from('{"query":"{ __typename }","variables":{"pad":"'),
        Buffer.alloc(20 * MB, 0x61),
        Buffer.from('"}}'),
      ]),
    ),
    { ...JSON_HEADERS, 'content-encoding': 'gzip' },
    status(413),
  );
  raw(
    'an accept header of HTML only',
    bodyOf,
    { 'content-type': 'application/json', accept: 'text/html' },
    clientError,
  );
  raw(
    'an 8 MB body',
    JSON.stringify({ query: '{ __typename }', variables: { pad: 'p'.repeat(8 * MB) } }),
    JSON_HEADERS,
    status(413),
  );
  raw(
    '1 MB of whitespace before the JSON',
    `${' '.repeat(1 * MB + 10)}{"query":"{ __typename }"}`,
    JSON_HEADERS,
    status(413),
  );
  // Other methods, and paths that only look like /graphql.
  for (const method of ['PUT', 'DELETE', 'PATCH'])
    add(`${method} /graphql`, { ...post(ackAll, rich), method }, clientError);
  add('OPTIONS /graphql', {
    method: 'OPTIONS',
    path: '/graphql',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
  });
  add('HEAD /graphql', { method: 'HEAD', path: '/graphql?query=%7B__typename%7D' });
  add('TRACE /graphql', { method: 'TRACE', path: '/graphql' }, undefined, false);
  add('an unknown method', { method: 'BREW', path: '/graphql' }, undefined, false);
  for (const path of [
    '/graphql/',
    '/GRAPHQL',
    '/graphql;a=b',
    '/graphql%00',
    '/graphql/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/graphql?query=%7B__typename%7D&query=%7Bviewer%7Brole%7D%7D',
  ])
    add(`POST ${path}`, { ...post(typename, rich), path }, undefined, path.startsWith('/graphql?'));
  return cases;
}
