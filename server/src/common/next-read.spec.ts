import { describe, expect, it } from 'vitest';
import { NextRead } from './next-read.js';

/** A read whose answers the test gives by hand, recording when each read started. */
function manualReads() {
  const started: { key: string; answer: (value: number) => void; fail: (error: Error) => void }[] =
    [];
  const reads = new NextRead<string, number>(
    (key) =>
      new Promise<number>((resolve, reject) => {
        started.push({ key, answer: resolve, fail: reject });
      }),
  );
  return { reads, started };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('NextRead', () => {
  it('lets calls that arrive before a read starts share it', async () => {
    const { reads, started } = manualReads();
    const a = reads.get('x');
    const b = reads.get('x');
    await settle();
    expect(started).toHaveLength(1);
    started[0]!.answer(1);
    expect(await Promise.all([a, b])).toEqual([1, 1]);
  });

  it('never gives a call a read that started before it: it waits for the next one', async () => {
    const { reads, started } = manualReads();
    const early = reads.get('x');
    await settle();
    expect(started).toHaveLength(1); // under way
    const late1 = reads.get('x');
    const late2 = reads.get('x');
    await settle();
    expect(started).toHaveLength(1); // one at a time: the next waits for this one
    started[0]!.answer(1);
    expect(await early).toBe(1);
    await settle();
    expect(started).toHaveLength(2);
    started[1]!.answer(2);
    expect(await Promise.all([late1, late2])).toEqual([2, 2]);
  });

  it('reads each key on its own, and starts afresh once a read is done', async () => {
    const { reads, started } = manualReads();
    const x = reads.get('x');
    const y = reads.get('y');
    await settle();
    expect(started.map((read) => read.key)).toEqual(['x', 'y']);
    started[0]!.answer(1);
    started[1]!.answer(2);
    expect([await x, await y]).toEqual([1, 2]);
    const again = reads.get('x');
    await settle();
    expect(started).toHaveLength(3);
    started[2]!.answer(3);
    expect(await again).toBe(3);
  });

  it('fails only the calls that shared a failed read; the next read starts anyway', async () => {
    const { reads, started } = manualReads();
    const failing = reads.get('x');
    await settle();
    const next = reads.get('x');
    started[0]!.fail(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await settle();
    started[1]!.answer(5);
    expect(await next).toBe(5);
  });
});
