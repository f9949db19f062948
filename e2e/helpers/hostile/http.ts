/**
 * HTTP as the generator and the suite speak it: the request builders (a JSON POST or a GET to
 * /graphql, with a bearer token), a hand-signed HS256 JWT for forged credentials, the sizes
 * bodies are measured in, and `send`, which puts one request on the wire as is and reads
 * whatever comes back.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { HostileRequest, HttpAnswer } from './types.js';

export const KB = 1024;
export const MB = 1024 * KB;

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

export function post(payload: unknown, token?: string, headers: Record<string, string> = {}) {
  return {
    method: 'POST',
    path: '/graphql',
    headers: {
      ...JSON_HEADERS,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  } satisfies HostileRequest;
}

export function get(
  params: Record<string, string>,
  token?: string,
  headers: Record<string, string> = {},
) {
  return {
    method: 'GET',
    path: `/graphql?${new URLSearchParams(params).toString()}`,
    headers: {
      accept: 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
  } satisfies HostileRequest;
}

/** An HS256 JWT signed by hand, so header, claims and key are whatever the case needs. */
export function jwt(header: object, claims: object, key: string): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

/** Sends one request as is (node:http, so any method, header or byte goes out unchanged). */
export function send(baseUrl: string, request: HostileRequest, timeoutMs = 30_000) {
  return new Promise<HttpAnswer>((resolve) => {
    const url = new URL(request.path, baseUrl);
    let settled = false;
    const done = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => done(failed(error)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text.trim() === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          done({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text,
            json,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // The server may answer (413, 431) and close before it read everything: the answer counts.
    req.on('error', (error) => setImmediate(() => done(failed(error))));
    if (request.body !== undefined) req.end(request.body);
    else req.end();
  });
}

function failed(error: Error & { code?: string }): HttpAnswer {
  return {
    status: 0,
    contentType: '',
    text: '',
    json: undefined,
    error: error.code ?? error.message,
  };
}
