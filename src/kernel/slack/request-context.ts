import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { BackgroundTasks } from '../background.js';
import type { Deps } from '../deps.js';
import type { Logger } from '../logger.js';

/**
 * What the request-context middleware adds to Bolt's context, for every
 * listener: optional, as Bolt builds the context before the middleware runs.
 */
export interface TiltakContext {
  requestId?: string;
  log?: Logger;
  // Bolt's own context keys (botToken, teamId, …) live beside ours.
  [key: string]: unknown;
}

/** The Bolt app as Tiltak builds it: its context carries the request id and logger. */
export type TiltakBolt = App<TiltakContext>;

/**
 * The id of the request whose work is running now, wherever that work has
 * got to (timers, promises nobody awaited). The process's last-resort
 * handlers read it, so even a crash names the request that caused it.
 */
export class RequestScope {
  readonly #store = new AsyncLocalStorage<string>();

  run<T>(requestId: string, work: () => T): T {
    return this.#store.run(requestId, work);
  }

  currentId(): string | undefined {
    return this.#store.getStore();
  }
}

/**
 * Gives every incoming request an id and a child logger carrying it, so the
 * log lines of one command, action or event can be read together. The edge
 * receivers name the request first (kernel/slack/edge), so its refusals and
 * its handling share one id. The request counts as running until its
 * listeners end, also after the ack, so stop() and the tests can wait for it.
 */
export function registerRequestContext(
  app: TiltakBolt,
  deps: Deps,
  scope: RequestScope,
  background: BackgroundTasks,
): void {
  app.use(async ({ context, next }) => {
    const requestId = typeof context.requestId === 'string' ? context.requestId : randomUUID();
    context.requestId = requestId;
    context.log = deps.logger.child({ requestId });
    await background.track(scope.run(requestId, next));
  });
}

/** The request's logger, or the app logger outside a request. */
export function requestLogger(context: TiltakContext | undefined, fallback: Logger): Logger {
  return context?.log ?? fallback;
}
