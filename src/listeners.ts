import type { App } from '@slack/bolt';
import { registerCommands } from '../commands/index.js';
import { ids as digestIds, registerDigest } from './features/digests/index.js';
import { ids as homeIds, publishHome, refreshHomesOfMeasure, registerHome } from './features/home/index.js';
import { registerReminderListeners, ids as reminderIds } from './features/reminders/index.js';
import { registerUpdateListeners, ids as updateIds } from './features/updates/index.js';
import type { BackgroundTasks } from './kernel/background.js';
import type { Deps } from './kernel/deps.js';
import { registerErrorHandler } from './kernel/slack/error-handler.js';
import { registerRequestContext } from './kernel/slack/request-context.js';
import { actionIdsIn, registerUnknownActions } from './kernel/slack/unknown-actions.js';

/** The composition root for Slack surfaces: every listener is registered here, explicitly. */
export function registerListeners(app: App, deps: Deps, background: BackgroundTasks): void {
  registerRequestContext(app, deps, background);
  registerCommands(app, deps);
  registerUpdateListeners(app, deps, {
    publishHome,
    refreshHomesOfMeasure: (refresh) => background.run('home refresh', () => refreshHomesOfMeasure(refresh)),
  });
  registerHome(app, deps);
  registerDigest(app, deps);
  registerReminderListeners(app, deps);
  registerUnknownActions(
    app,
    deps,
    [updateIds, homeIds, digestIds, reminderIds].flatMap((c) => actionIdsIn(c.actions)),
  );
  registerErrorHandler(app, deps);
}
