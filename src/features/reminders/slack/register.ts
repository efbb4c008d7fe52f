import type { App } from '@slack/bolt';
import type { Deps } from '../../../kernel/deps.js';
import { registerReminderActions } from './actions.js';
import { registerWaiverSubmission } from './waiver-submission.js';

/** The reminder DMs' buttons and the "ikke aktuelt" modal. */
export function registerReminderListeners(app: App, deps: Deps): void {
  registerReminderActions(app, deps);
  registerWaiverSubmission(app, deps);
}
