/**
 * Reads by key, shared between callers without ever answering from before a call: at most
 * one read of a key is under way at a time, and the calls that arrive meanwhile share the
 * next one, started when it returns. A caller only ever shares a read started after its
 * call, so it sees whatever a read of its own would have seen (for a database: every write
 * committed before the call). DataLoader batches within one request and caches; this spans
 * requests and keeps nothing once a read returns, hence these few lines of its own.
 */
export class NextRead<K, V> {
  /** Reads not started yet: a call now may share one. */
  private readonly queued = new Map<K, Promise<V>>();
  /** The newest read of each key, started or not, while it is under way. */
  private readonly underWay = new Map<K, Promise<V>>();

  constructor(private readonly read: (key: K) => Promise<V>) {}

  get(key: K): Promise<V> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const start = () => {
      this.queued.delete(key); // from now on, calls wait for the next read
      return this.read(key);
    };
    const previous = this.underWay.get(key);
    const next = previous ? previous.then(start, start) : Promise.resolve().then(start);
    this.queued.set(key, next);
    this.underWay.set(key, next);
    const done = () => {
      if (this.underWay.get(key) === next) this.underWay.delete(key);
    };
    next.then(done, done);
    return next;
  }
}
