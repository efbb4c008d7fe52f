import type { WebClient } from '@slack/web-api';
import { type ScheduledTask, schedule } from 'node-cron';
import type { Deps } from '../deps.js';
import type { Job, JobReport } from './job.js';

export async function runJobs(
  deps: Deps,
  slack: WebClient,
  jobs: readonly Job[],
  at: Date,
  dryRun = false,
): Promise<JobReport[]> {
  const reports: JobReport[] = [];
  for (const job of jobs) {
    try {
      reports.push(await job.run({ deps, slack, at, dryRun }));
    } catch (error) {
      // One job's failure must not starve the others; the next tick retries it.
      deps.logger.error({ err: error, job: job.name }, 'job failed');
      reports.push({ job: job.name, lines: [`failed: ${error instanceof Error ? error.message : String(error)}`] });
    }
  }
  return reports;
}

export interface Scheduler {
  /** Runs one tick now (also used at start to catch up on downtime). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * node-cron only triggers: every minute, in the plan's time zone, it asks
 * the jobs what is due at the clock's now. A tick that overruns is not
 * overlapped by the next; the jobs' ledgers make a skipped tick harmless.
 */
export function startScheduler(deps: Deps, slack: WebClient, jobs: readonly Job[]): Scheduler {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running !== null) return running;
    running = runJobs(deps, slack, jobs, deps.clock.now())
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
  const task: ScheduledTask = schedule('* * * * *', () => void tick(), {
    timezone: deps.config.TZ_PLAN,
    noOverlap: true,
    name: 'tiltak-jobs',
  });
  return {
    tick,
    async stop() {
      await task.stop();
      await running;
    },
  };
}
