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
}

/**
 * A job is one pure-ish decision, "what is due at instant T given the
 * database", plus the sends it implies. It must be idempotent (ledgers with
 * unique keys), so a retried tick, a restart or a second instance never
 * sends twice, and a later tick catches up on whatever an earlier one missed.
 */
export interface Job {
  name: string;
  run(ctx: JobContext): Promise<JobReport>;
}
