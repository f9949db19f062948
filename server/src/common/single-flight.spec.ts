import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight.js';

/** A job whose runs finish when the test says so. */
function controlledJob() {
  const releases: (() => void)[] = [];
  let started = 0;
  const job = () =>
    new Promise<void>((resolve) => {
      started++;
      releases.push(resolve);
    });
  return { job, started: () => started, release: () => releases.shift()?.() };
}

describe('SingleFlight', () => {
  it('runs one job at a time, and pokes during a run ask for exactly one more run', async () => {
    const control = controlledJob();
    const flight = new SingleFlight(control.job, () => undefined);
    const first = flight.run();
    const second = flight.run();
    const third = flight.run();
    expect(control.started()).toBe(1);
    expect(second).toBe(third); // shared by every poke meanwhile

    let secondDone = false;
    void second.then(() => (secondDone = true));
    control.release();
    await first;
    await new Promise(setImmediate);
    expect(control.started()).toBe(2);
    expect(secondDone).toBe(false); // resolves only once the rerun is done, not the first run
    control.release();
    await second;
    expect(control.started()).toBe(2);
  });

  it('reports a failed run and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const flight = new SingleFlight(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      (error) => errors.push(error),
    );
    await flight.run();
    await flight.run();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('settles once nothing runs or is queued', async () => {
    const control = controlledJob();
    const flight = new SingleFlight(control.job, () => undefined);
    void flight.run();
    void flight.run();
    let settled = false;
    const waiting = flight.settled().then(() => (settled = true));
    control.release();
    await new Promise(setImmediate);
    expect(settled).toBe(false);
    control.release();
    await waiting;
    expect(settled).toBe(true);
  });
});
