import type { Logger } from './logger.js';

/**
 * Work that goes on after Slack has its answer: the rest of a request once
 * it is acked, and what a request starts and does not wait for (the Home
 * refresh after a save). stop() waits for it before the database closes, and
 * tests wait for it instead of for a quiet moment.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  /** Counts `work` as running until it settles; its outcome stays the caller's. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return work;
  }

  /** Starts `work` without holding up the caller: a failure is logged, never thrown. */
  run(name: string, work: () => Promise<unknown>): void {
    this.track(
      Promise.resolve()
        .then(work)
        .catch((error: unknown) => this.logger.error({ err: error, task: name }, 'background task failed')),
    );
  }

  /** Resolves once nothing is running, including work started meanwhile. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
