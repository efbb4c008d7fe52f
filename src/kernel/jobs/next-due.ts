import type { ChangeFeed } from '../db/change-feed.js';
import type { Job } from './job.js';

/**
 * However far off a job says its next due instant lies, it runs in full at
 * least this often: a safety net for a change the feed never reported.
 */
export const MAX_SKIP_MS = 60 * 60_000;

interface Entry {
  /** Bumped by every change that may concern the job. */
  generation: number;
  /** The generation the last completed run started from. */
  ranGeneration: number;
  ranAt: number | null;
  nextDueAt: number | null;
}

/**
 * What the scheduler knows of each job between runs: when it said it next
 * has something due, and whether the database has changed since it looked.
 * It errs towards running: a change that arrives while a run is under way
 * (and which that run may not have read) leaves the job to run again, and
 * until its first run every job is due, so a start catches up on downtime.
 */
export class NextDue {
  readonly #entries = new Map<string, Entry>();
  readonly #unsubscribe: () => void;

  constructor(
    private readonly feed: ChangeFeed,
    jobs: readonly Job[],
    readonly maxSkipMs = MAX_SKIP_MS,
  ) {
    for (const job of jobs)
      this.#entries.set(job.name, { generation: 1, ranGeneration: 0, ranAt: null, nextDueAt: null });
    this.#unsubscribe = feed.subscribe((table) => {
      for (const job of jobs) {
        if (table !== '*' && job.unaffectedBy?.includes(table)) continue;
        const entry = this.#entries.get(job.name);
        if (entry !== undefined) entry.generation++;
      }
    });
  }

  isDue(job: Job, at: Date): boolean {
    const e = this.#entries.get(job.name);
    // While the feed may miss a change, nothing a run said can be relied on.
    if (!this.feed.live || e === undefined || e.ranAt === null || e.nextDueAt === null) return true;
    const t = at.getTime();
    // A clock that went back (a test, a corrected host) is no reason to trust what was said.
    return e.generation !== e.ranGeneration || t >= e.nextDueAt || t < e.ranAt || t - e.ranAt >= this.maxSkipMs;
  }

  /** Call as a run starts; pass what it returns to finished(). */
  started(job: Job): number {
    return this.#entries.get(job.name)?.generation ?? 0;
  }

  /** A run that failed, or said nothing, leaves nextDueAt null: the job is asked again on the next tick. */
  finished(job: Job, startedGeneration: number, at: Date, nextDueAt: Date | null | undefined): void {
    const e = this.#entries.get(job.name);
    if (e === undefined) return;
    e.ranGeneration = startedGeneration;
    e.ranAt = at.getTime();
    e.nextDueAt = nextDueAt?.getTime() ?? null;
  }

  stop(): void {
    this.#unsubscribe();
  }
}
