import type { App } from '@slack/bolt';
import { registerCommands } from '../../commands/index.js';
import type { Deps } from '../deps.js';
import { registerDigest } from './digest/register.js';
import { registerErrorHandler } from './error-handler.js';
import { registerHome } from './home/register.js';
import { registerReminderListeners } from './reminders/register.js';
import { registerRequestContext, type RequestScope } from './request-context.js';
import { registerUnknownActions } from './unknown-actions.js';
import { registerUpdateListeners } from './updates/register.js';

/** The composition root for Slack surfaces: every listener is registered here, explicitly. */
export function registerListeners(app: App, deps: Deps, requestScope: RequestScope): void {
  registerRequestContext(app, deps, requestScope);
  registerCommands(app, deps);
  registerUpdateListeners(app, deps);
  registerHome(app, deps);
  registerDigest(app, deps);
  registerReminderListeners(app, deps);
  registerUnknownActions(app, deps);
  registerErrorHandler(app, deps);
}
