import type { App } from '@slack/bolt';
import { registerCommands } from '../../commands/index.js';
import type { Deps } from '../deps.js';
import { registerErrorHandler } from './error-handler.js';

/** The composition root for Slack surfaces: every listener is registered here, explicitly. */
export function registerListeners(app: App, deps: Deps): void {
  registerCommands(app, deps);
  registerErrorHandler(app, deps);
}
