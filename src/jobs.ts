import { digestJob } from './features/digests/index.js';
import { remindersJob } from './features/reminders/index.js';
import type { Job } from './kernel/jobs/job.js';

/** Every scheduled job, in the order a tick runs them. */
export function allJobs(): Job[] {
  return [digestJob(), remindersJob()];
}
