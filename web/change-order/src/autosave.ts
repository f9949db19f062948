import { createSignal, onCleanup } from 'solid-js';

/**
 * Saving a draft as the user edits: each kind of edit (header, lines, product change,
 * lead) is debounced on its own, and the saves run one at a time, so each passes the
 * version the previous one produced as `expectedVersion`. A save reads the state when it
 * runs, not when it was scheduled, so a burst of edits sends only the last state. A save
 * that throws (no answer, a server error) is kept as failed until `flush` runs it again.
 */
export function createAutosave<Name extends string>(
  tasks: Record<Name, () => Promise<void>>,
  delayMs: number,
) {
  const timers = new Map<Name, ReturnType<typeof setTimeout>>();
  const [pending, setPending] = createSignal<ReadonlySet<Name>>(new Set());
  const [running, setRunning] = createSignal(0);
  const [failed, setFailed] = createSignal<ReadonlySet<Name>>(new Set());
  const without = (names: ReadonlySet<Name>, name: Name) =>
    new Set([...names].filter((other) => other !== name));
  const take = (name: Name) => {
    if (!pending().has(name)) return false;
    setPending((names) => without(names, name));
    return true;
  };
  let chain: Promise<void> = Promise.resolve();

  function run(name: Name): Promise<void> {
    clearTimeout(timers.get(name));
    timers.delete(name);
    if (!take(name)) return chain;
    setRunning((count) => count + 1);
    chain = chain
      .then(() => tasks[name]())
      .then(
        () => void setFailed((names) => without(names, name)),
        // A task reports its own failure on screen; the queue goes on.
        () => void setFailed((names) => new Set([...names, name])),
      )
      .finally(() => setRunning((count) => count - 1));
    return chain;
  }

  onCleanup(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  return {
    /** Saves `name` once edits have paused for the delay (0: at once, still in turn). */
    schedule(name: Name, delay = delayMs): void {
      setPending((names) => new Set([...names, name]));
      clearTimeout(timers.get(name));
      timers.set(
        name,
        setTimeout(() => void run(name), delay),
      );
    },
    /** Runs every pending and failed save now; resolves once all saves have finished. */
    async flush(): Promise<void> {
      setPending((names) => new Set([...names, ...failed()]));
      for (const name of pending()) void run(name);
      await chain;
    },
    /** Whether a save is waiting or under way. */
    busy: () => running() > 0 || pending().size > 0,
    /** Whether a save is under way (for a "Saving…" status). */
    saving: () => running() > 0,
    /** Whether the last run of some save failed (what it was to save is not saved). */
    failed: () => failed().size > 0,
  };
}
