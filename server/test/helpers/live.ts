import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client authenticated in connection_init, as the SPA and vendor dashboards do. */
export function liveClient(wsUrl: string, token: string | undefined): Client {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * The values of one subscription as they arrive; `take(n)` waits for the next n (no sleeps:
 * it resolves on arrival, or rejects when the subscription errors or ends first).
 */
export class Received<T> {
  readonly values: T[] = [];
  private taken = 0;
  private waiters: {
    count: number;
    resolve: (values: T[]) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private failure: unknown;
  private done = false;
  readonly stop: () => void;

  constructor(client: Client, query: string, variables?: Record<string, unknown>) {
    this.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) this.fail(result.errors);
          else this.push(result.data as T);
        },
        error: (error) => this.fail(error),
        complete: () => {
          this.done = true;
          this.settle();
        },
      },
    );
  }

  /** The next `count` values after those already taken. */
  take(count: number): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ count, resolve, reject });
      this.settle();
    });
  }

  /** Values that arrived but were not taken yet. */
  get untaken(): T[] {
    return this.values.slice(this.taken);
  }

  private push(value: T): void {
    this.values.push(value);
    this.settle();
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.settle();
  }

  private settle(): void {
    while (this.waiters.length > 0) {
      const waiter = this.waiters[0]!;
      if (this.values.length - this.taken >= waiter.count) {
        this.waiters.shift();
        const values = this.values.slice(this.taken, this.taken + waiter.count);
        this.taken += waiter.count;
        waiter.resolve(values);
      } else if (this.failure !== undefined || this.done) {
        this.waiters.shift();
        waiter.reject(this.failure ?? new Error(`ended after ${this.values.length} values`));
      } else {
        return;
      }
    }
  }
}

/** Resolves once the client's socket is acknowledged (connection_init accepted). */
export function connected(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      offClosed();
      resolve();
    });
    const offClosed = client.on('closed', (event) => {
      offConnected();
      offClosed();
      reject(new Error(`closed ${(event as { code?: number }).code}`));
    });
  });
}

/**
 * Opens a raw graphql-transport-ws socket, sends connection_init with `payload`, and
 * resolves with the close code (or 'acknowledged' if the server accepted it).
 */
export function connectionOutcome(
  wsUrl: string,
  payload: unknown,
): Promise<number | 'acknowledged'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') {
        socket.close();
        resolve('acknowledged');
      }
    });
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

/** Resolves with the close code once the server closes the socket. */
export function closedWith(client: Client): Promise<number> {
  return new Promise((resolve) => {
    const off = client.on('closed', (event) => {
      off();
      resolve((event as { code: number }).code);
    });
  });
}
