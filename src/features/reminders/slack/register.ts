import type { Deps } from '../../../kernel/deps.js';
import type { TiltakBolt } from '../../../kernel/slack/request-context.js';
import { registerReminderActions } from './actions.js';
import { registerWaiverSubmission } from './waiver-submission.js';

/** The reminder DMs' buttons and the "ikke aktuelt" modal. */
export function registerReminderListeners(app: TiltakBolt, deps: Deps): void {
  registerReminderActions(app, deps);
  registerWaiverSubmission(app, deps);
}
