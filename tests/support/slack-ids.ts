import { ids as digestIds } from '../../src/features/digests/contract.js';
import { ids as homeIds } from '../../src/features/home/contract.js';
import { ids as reminderIds } from '../../src/features/reminders/contract.js';
import { ids as updateIds } from '../../src/features/updates/contract.js';

/**
 * The features' Slack ids in one tree, for tests that speak to the bot as
 * Slack does and so cross every feature at once.
 */
export const ids = {
  views: { ...updateIds.views, ...reminderIds.views, ...digestIds.views, ...homeIds.views },
  actions: { ...digestIds.actions, updates: updateIds.actions.updates, reminders: reminderIds.actions.reminders },
  blocks: { updates: updateIds.blocks.updates, reminders: reminderIds.blocks.reminders },
} as const;
