// The Slack ids the fuzz generators build payloads from. Each feature now
// keeps its own in its contract; the generators want the updates modal's and
// the reminders' side by side, as the payloads mix them.
import { ids as reminderIds } from '../../src/features/reminders/contract.js';
import { ids as updateIds } from '../../src/features/updates/contract.js';

export const ids = {
  views: { ...updateIds.views, ...reminderIds.views },
  actions: { updates: updateIds.actions.updates, reminders: reminderIds.actions.reminders },
  blocks: { updates: updateIds.blocks.updates, reminders: reminderIds.blocks.reminders },
} as const;

/** Where an update modal can be opened from (the contract keeps its list private; its type says the same). */
export const SOURCES = ['command', 'message', 'home', 'reminder'] as const;
