/**
 * A stand-in for the urql Client in component tests: answers operations by name from
 * handlers, records every call, and lets a test push subscription events.
 */
import type { Client } from '@urql/core';
import { announceReconnected } from './client.js';

type Vars = Record<string, unknown>;
type Handler = (variables: Vars) => unknown;
interface Sink {
  name: string;
  next: (result: { data?: unknown; error?: Error }) => void;
}

const nameOf = (document: unknown) =>
  (document as { definitions: { name?: { value: string } }[] }).definitions[0]?.name?.value ?? '';

export function fakeClient(handlers: Record<string, Handler>) {
  const calls: { name: string; variables: Vars }[] = [];
  const sinks: Sink[] = [];
  const answer = (document: unknown, variables: Vars) => {
    const name = nameOf(document);
    calls.push({ name, variables });
    const handler = handlers[name];
    if (!handler) return Promise.resolve({ error: new Error(`No handler for ${name}`) });
    try {
      return Promise.resolve({ data: handler(variables) });
    } catch (error) {
      return Promise.resolve({ error });
    }
  };
  const client = {
    query: (document: unknown, variables: Vars) => ({
      toPromise: () => answer(document, variables),
    }),
    mutation: (document: unknown, variables: Vars) => ({
      toPromise: () => answer(document, variables),
    }),
    subscription: (document: unknown) => ({
      subscribe: (next: Sink['next']) => {
        const sink = { name: nameOf(document), next };
        sinks.push(sink);
        return { unsubscribe: () => sinks.splice(sinks.indexOf(sink), 1) };
      },
    }),
  } as unknown as Client;
  return {
    client,
    /** The calls of one operation, in order. */
    callsOf: (name: string) => calls.filter((call) => call.name === name),
    /** Delivers a subscription event to every open subscription of that name. */
    push: (name: string, data: unknown) =>
      sinks.filter((sink) => sink.name === name).forEach((sink) => sink.next({ data })),
    /** The server refuses or ends every open subscription of that name with `error`. */
    fail: (name: string, error: Error) =>
      sinks.filter((sink) => sink.name === name).forEach((sink) => sink.next({ error })),
    /** The live socket is back after it was lost: views reload what they show. */
    reconnect: () => announceReconnected(client),
    /** How many subscriptions of that name are open. */
    openSubscriptions: (name: string) => sinks.filter((sink) => sink.name === name).length,
  };
}
