import { describe, expect, it } from 'vitest';
import { Feed, isObservable, OBSERVE, type FeedController } from './feed.js';

/** A feed whose controller the test holds, and whether its producer ran and tore down. */
function fixture(options?: ConstructorParameters<typeof Feed>[1]) {
  const state = {
    started: 0,
    tornDown: 0,
    controller: undefined as FeedController<number> | undefined,
  };
  const feed = new Feed<number>((controller) => {
    state.started++;
    state.controller = controller;
    return () => state.tornDown++;
  }, options);
  /** Waits for the producer to have started (it runs a microtask after first use). */
  const started = async () => {
    while (!state.controller) await Promise.resolve();
    return state.controller;
  };
  return { feed, state, started };
}

describe('Feed, iterated', () => {
  it('starts its producer only on first use, and yields what was pushed in order', async () => {
    const { feed, state, started } = fixture();
    await Promise.resolve();
    expect(state.started).toBe(0);
    const first = feed.next();
    const controller = await started();
    controller.push(1);
    controller.push(2);
    expect(await first).toEqual({ done: false, value: 1 });
    expect(await feed.next()).toEqual({ done: false, value: 2 });
    expect(state.started).toBe(1);
  });

  it('tears the producer down when the consumer returns, and ends a pending next()', async () => {
    const { feed, state, started } = fixture();
    const pending = feed.next();
    const controller = await started();
    let stopped = false;
    void controller.stopped.then(() => (stopped = true));
    expect(await feed.return()).toEqual({ done: true, value: undefined });
    expect(await pending).toEqual({ done: true, value: undefined });
    await Promise.resolve();
    expect(stopped).toBe(true);
    expect(state.tornDown).toBe(1);
    controller.push(3); // ignored after the end
    expect(await feed.next()).toEqual({ done: true, value: undefined });
  });

  it('hands the consumer what was queued before the producer stopped with an error, then the error', async () => {
    const { feed, started } = fixture();
    void feed.next().then(() => undefined);
    const controller = await started();
    controller.push(1); // taken by the pending next()
    controller.push(2);
    controller.stop(new Error('gone'));
    expect(await feed.next()).toEqual({ done: false, value: 2 });
    await expect(feed.next()).rejects.toThrow('gone');
    expect(await feed.next()).toEqual({ done: true, value: undefined });
  });

  it('stops with the overflow error when the consumer leaves more than maxBacklog values untaken', async () => {
    const { feed, state, started } = fixture({
      maxBacklog: 2,
      overflow: () => new Error('too far behind'),
    });
    void feed.next();
    const controller = await started();
    for (const value of [1, 2, 3, 4]) controller.push(value); // 1 is taken; 2, 3, 4 queue
    await expect(feed.next()).rejects.toThrow('too far behind');
    expect(state.tornDown).toBe(1);
  });

  it('resolves drained() once the consumer has taken every pushed value', async () => {
    const { feed, started } = fixture();
    void feed.next();
    const controller = await started();
    controller.push(1);
    controller.push(2);
    let drained = false;
    void controller.drained().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    await feed.next();
    await Promise.resolve();
    expect(drained).toBe(true);
  });

  it('ends with the error of a producer that throws', async () => {
    const feed = new Feed<number>(() => {
      throw new Error('cannot start');
    });
    await expect(feed.next()).rejects.toThrow('cannot start');
  });
});

describe('Feed, observed', () => {
  it('calls the observer synchronously with each push, and tells it the end', async () => {
    const { feed, started } = fixture();
    expect(isObservable(feed)).toBe(true);
    const seen: number[] = [];
    const ends: unknown[] = [];
    feed[OBSERVE]({ next: (value) => seen.push(value), end: (error) => ends.push(error) });
    const controller = await started();
    controller.push(1);
    expect(seen).toEqual([1]);
    controller.push(2);
    expect(seen).toEqual([1, 2]);
    const error = new Error('done');
    controller.stop(error);
    expect(ends).toEqual([error]);
  });

  it('stops the producer when the observer unsubscribes, without telling the observer', async () => {
    const { feed, state, started } = fixture();
    const ends: unknown[] = [];
    const unsubscribe = feed[OBSERVE]({ next: () => undefined, end: (error) => ends.push(error) });
    await started();
    unsubscribe();
    expect(state.tornDown).toBe(1);
    expect(ends).toEqual([]);
  });

  it("waits for the observer's drained() when the producer asks", async () => {
    const { feed, started } = fixture();
    let release!: () => void;
    feed[OBSERVE]({
      next: () => undefined,
      end: () => undefined,
      drained: () => new Promise<void>((resolve) => (release = resolve)),
    });
    const controller = await started();
    let drained = false;
    void controller.drained().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(drained).toBe(true);
  });

  it('cannot be observed twice, nor iterated while observed', async () => {
    const { feed } = fixture();
    feed[OBSERVE]({ next: () => undefined, end: () => undefined });
    expect(() => feed[OBSERVE]({ next: () => undefined, end: () => undefined })).toThrow(
      /only once/,
    );
    await expect(feed.next()).rejects.toThrow(/observed/);
  });
});
