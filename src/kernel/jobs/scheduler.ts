import type { WebClient } from '@slack/web-api';
import { type ScheduledTask, schedule } from 'node-cron';
import type { Deps } from '../deps.js';
import type { Job, JobReport } from './job.js';
import { NextDue } from './next-due.js';

async function runJob(deps: Deps, slack: WebClient, job: Job, at: Date, dryRun: boolean): Promise<JobReport> {
  try {
    return await job.run({ deps, slack, at, dryRun });
  } catch (error) {
    // One job's failure must not starve the others; the next tick retries it.
    deps.logger.error({ err: error, job: job.name }, 'job failed');
    return { job: job.name, lines: [`failed: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** Runs every job in full at `at`, as the CLI and a scheduler without a change feed do. */
export async function runJobs(
  deps: Deps,
  slack: WebClient,
  jobs: readonly Job[],
  at: Date,
  dryRun = false,
): Promise<JobReport[]> {
  const reports: JobReport[] = [];
  for (const job of jobs) reports.push(await runJob(deps, slack, job, at, dryRun));
  return reports;
}

/** Runs the jobs that may have something due at `at`; the others cost nothing, not even a query. */
async function runDueJobs(deps: Deps, slack: WebClient, jobs: readonly Job[], nextDue: NextDue, at: Date) {
  const reports: JobReport[] = [];
  for (const job of jobs) {
    if (!nextDue.isDue(job, at)) continue;
    const generation = nextDue.started(job);
    const report = await runJob(deps, slack, job, at, false);
    nextDue.finished(job, generation, at, report.nextDueAt);
    reports.push(report);
  }
  return reports;
}

export interface Scheduler {
  /** Runs one tick now (also used at start to catch up on downtime). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One tick at the clock's now, without the timer: what node-cron calls, and
 * what tests call by hand. With a change feed, a job runs only when the
 * database has changed since its last run or the instant it named has come
 * (see NextDue); without one, every job runs on every tick. A tick asked for
 * while one runs joins it rather than overlapping it.
 */
export function createTicker(
  deps: Deps,
  slack: WebClient,
  jobs: readonly Job[],
  options: { maxSkipMs?: number } = {},
): Scheduler {
  const nextDue = deps.changes === undefined ? null : new NextDue(deps.changes, jobs, options.maxSkipMs);
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running !== null) return running;
    const at = deps.clock.now();
    running = (nextDue === null ? runJobs(deps, slack, jobs, at) : runDueJobs(deps, slack, jobs, nextDue, at))
      .then((reports) => {
        for (const report of reports) {
          if (report.lines.length > 0) deps.logger.info({ job: report.job, lines: report.lines }, 'job ran');
        }
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    tick,
    async stop() {
      await running;
      nextDue?.stop();
    },
  };
}

/**
 * node-cron only triggers: every minute, in the plan's time zone, it asks
 * the jobs what is due at the clock's now. A tick that overruns is not
 * overlapped by the next; the jobs' ledgers make a skipped tick harmless.
 */
export function startScheduler(deps: Deps, slack: WebClient, jobs: readonly Job[]): Scheduler {
  const ticker = createTicker(deps, slack, jobs);
  const task: ScheduledTask = schedule('* * * * *', () => void ticker.tick(), {
    timezone: deps.config.TZ_PLAN,
    noOverlap: true,
    name: 'tiltak-jobs',
  });
  return {
    tick: ticker.tick,
    async stop() {
      await task.stop();
      await ticker.stop();
    },
  };
}
