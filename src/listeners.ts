import type { App } from '@slack/bolt';
import { registerCommands } from '../commands/index.js';
import type { Deps } from './kernel/deps.js';
import { registerDigest } from './features/digests/slack/register.js';
import { registerErrorHandler } from './kernel/slack/error-handler.js';
import { publishHome } from './features/home/publish-home.js';
import { refreshHomesOfMeasure } from './features/home/refresh-homes.js';
import { registerHome } from './features/home/slack/register.js';
import { registerReminderListeners } from './features/reminders/slack/register.js';
import { registerRequestContext, type RequestScope } from './kernel/slack/request-context.js';
import { registerUnknownActions } from './kernel/slack/unknown-actions.js';
import { registerUpdateListeners } from './features/updates/slack/register.js';

/** The composition root for Slack surfaces: every listener is registered here, explicitly. */
export function registerListeners(app: App, deps: Deps, requestScope: RequestScope): void {
  registerRequestContext(app, deps, requestScope);
  registerCommands(app, deps);
  registerUpdateListeners(app, deps, { publishHome, refreshHomesOfMeasure });
  registerHome(app, deps);
  registerDigest(app, deps);
  registerReminderListeners(app, deps);
  registerUnknownActions(app, deps);
  registerErrorHandler(app, deps);
}
