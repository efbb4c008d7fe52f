import type { Deps } from '../../../kernel/deps.js';
import type { TiltakBolt } from '../../../kernel/slack/request-context.js';
import type { HomeAfterSave } from './after-save.js';
import { registerUpdateButtons } from './button-actions.js';
import { registerModalSelects } from './modal-actions.js';
import { registerPageButtons } from './page-actions.js';
import { registerUpdateSubmission } from './submit-listener.js';

/** Every listener of the updates area; the /tiltak sub-commands are listed in commands/tiltak.ts. */
export function registerUpdateListeners(app: TiltakBolt, deps: Deps, homes: HomeAfterSave): void {
  registerUpdateButtons(app, deps);
  registerPageButtons(app, deps);
  registerModalSelects(app, deps);
  registerUpdateSubmission(app, deps, homes);
}
