import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * The request's id for logs and the `X-Request-Id` answer header: the caller's own when it
 * sent a plausible one (a load balancer's, to follow a request across services), else new;
 * the same for every part of the server that asks.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const assigned = res.getHeader('x-request-id'); // by the response cache, before Express
  if (typeof assigned === 'string') return assigned;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}
