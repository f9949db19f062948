/**
 * Runs an async job one at a time, for loops that are "poked" from several places (a timer,
 * a notification, a commit): a poke while the job runs asks for exactly one more run after
 * it, shared by every poke meanwhile, and resolves when that run is done, so `await poke()`
 * always means "everything up to now is handled".
 */
export class SingleFlight {
  private running: Promise<void> | undefined;
  private rerun: Promise<void> | undefined;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  run(): Promise<void> {
    if (!this.running) {
      this.running = this.job()
        .catch(this.onError)
        .finally(() => {
          this.running = undefined;
        });
      return this.running;
    }
    this.rerun ??= this.running.then(() => {
      this.rerun = undefined;
      return this.run();
    });
    return this.rerun;
  }

  /** Resolves when no run is under way or queued. */
  async settled(): Promise<void> {
    while (this.running || this.rerun) await (this.rerun ?? this.running);
  }
}
