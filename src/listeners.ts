import { registerCommands } from '../commands/index.js';
import { registerAdminListeners } from './features/admin/index.js';
import { registerDigest } from './features/digests/index.js';
import { publishHome, refreshHomesOfMeasure, registerHome } from './features/home/index.js';
import { registerPlanListeners } from './features/plan/index.js';
import { registerPrivacyListeners } from './features/privacy/index.js';
import { registerReminderListeners } from './features/reminders/index.js';
import { registerUpdateListeners } from './features/updates/index.js';
import type { BackgroundTasks } from './kernel/background.js';
import type { Deps } from './kernel/deps.js';
import { registerErrorHandler } from './kernel/slack/error-handler.js';
import { type RequestScope, registerRequestContext, type TiltakBolt } from './kernel/slack/request-context.js';
import { registerUnknownActions } from './kernel/slack/unknown-actions.js';
import { knownActionIds } from './slack-ids.js';

/** The composition root for Slack surfaces: every listener is registered here, explicitly. */
export function registerListeners(
  app: TiltakBolt,
  deps: Deps,
  requestScope: RequestScope,
  background: BackgroundTasks,
): void {
  registerRequestContext(app, deps, requestScope, background);
  registerCommands(app, deps);
  registerUpdateListeners(app, deps, {
    publishHome,
    refreshHomesOfMeasure: (refresh) => background.run('home refresh', () => refreshHomesOfMeasure(refresh)),
  });
  registerHome(app, deps);
  registerDigest(app, deps);
  registerReminderListeners(app, deps);
  registerPrivacyListeners(app, deps);
  registerPlanListeners(app, deps);
  registerAdminListeners(app, deps);
  registerUnknownActions(app, deps, knownActionIds());
  registerErrorHandler(app, deps);
}
