import { ids as adminIds } from './features/admin/index.js';
import { ids as digestIds } from './features/digests/index.js';
import { ids as homeIds } from './features/home/index.js';
import { ids as planIds } from './features/plan/index.js';
import { ids as privacyIds } from './features/privacy/index.js';
import { ids as reminderIds } from './features/reminders/index.js';
import { ids as updateIds } from './features/updates/index.js';
import { actionIdsIn } from './kernel/slack/unknown-actions.js';

/** Every feature's Slack ids: the composition root is the one place that knows them all. */
const contracts = [updateIds, homeIds, digestIds, reminderIds, privacyIds, planIds, adminIds] as const;

/** The action ids some listener handles; a button from an old message is anything else. */
export function knownActionIds(): string[] {
  return contracts.flatMap((c) => actionIdsIn(c.actions));
}

/** The callback ids of every modal and view the bot opens. */
export function viewCallbackIds(): string[] {
  return contracts.flatMap((c) => Object.values(c.views));
}
