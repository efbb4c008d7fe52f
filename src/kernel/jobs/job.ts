import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';

export interface JobContext {
  deps: Deps;
  slack: WebClient;
  /** The instant the run stands for: now for the scheduler, --at for the CLI. */
  at: Date;
  /** Decide and describe, but send nothing and write nothing. */
  dryRun: boolean;
}

export interface JobReport {
  job: string;
  /** One line per thing done (or that would be done, in a dry run). */
  lines: string[];
  /**
   * The earliest instant at which anything this run knew of can become due,
   * given the database as it stood: the scheduler may skip the job until
   * then, unless the database changes. Absent or null: ask again next tick.
   */
  nextDueAt?: Date | null;
}

/** For nextDueAt: nothing can become due until the database changes. */
export const UNTIL_CHANGED = new Date(8_640_000_000_000_000);

/**
 * A job is one pure-ish decision, "what is due at instant T given the
 * database", plus the sends it implies. It must be idempotent (ledgers with
 * unique keys), so a retried tick, a restart or a second instance never
 * sends twice, and a later tick catches up on whatever an earlier one missed.
 */
export interface Job {
  name: string;
  run(ctx: JobContext): Promise<JobReport>;
  /**
   * Tables (Prisma model names) whose changes cannot move what the job has
   * due. A change to any other table makes the scheduler run it on the next
   * tick, so a table left off this list costs a sweep, never a reminder.
   */
  unaffectedBy?: readonly string[];
}
