import { randomUUID } from 'node:crypto';
import type { App, Context } from '@slack/bolt';
import type { BackgroundTasks } from '../background.js';
import type { Deps } from '../deps.js';
import type { Logger } from '../logger.js';

/**
 * Gives every incoming request an id and a child logger carrying it, so the
 * log lines of one command, action or event can be read together, and counts
 * the request as running until its listeners end, also after the ack.
 */
export function registerRequestContext(app: App, deps: Deps, background: BackgroundTasks): void {
  app.use(async ({ context, next }) => {
    const requestId = randomUUID();
    context.requestId = requestId;
    context.log = deps.logger.child({ requestId });
    await background.track(next());
  });
}

/** The request's logger, or the app logger outside a request. */
export function requestLogger(context: Context | undefined, fallback: Logger): Logger {
  const log = context?.log as Logger | undefined;
  return log ?? fallback;
}
