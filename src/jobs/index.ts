import { digestJob } from './digest.js';
import { remindersJob } from './reminders.js';
import type { Job } from './types.js';

/** Every scheduled job, in the order a tick runs them. */
export function allJobs(): Job[] {
  return [digestJob(), remindersJob()];
}
