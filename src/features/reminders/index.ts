/** The reminders feature's public API: all that other features, commands and the composition root may import. */
export { ids } from './contract.js';
export { remindersJob, runReminders } from './jobs/reminders.js';
export { nextReminderInstant } from './ladder.js';
export { absenceSubcommand } from './slack/absence-subcommand.js';
export { registerReminderListeners } from './slack/register.js';
export { roundSubcommand } from './slack/round-subcommand.js';
