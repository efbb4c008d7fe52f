import type { Deps } from '../deps.js';
import type { TiltakBolt } from './request-context.js';

/**
 * The backstop for whatever a listener did not answer itself. It logs with
 * the error's code (Bolt's and the Web API's error classes carry one) and
 * swallows, so one bad payload never takes the process down.
 */
export function registerErrorHandler(app: TiltakBolt, deps: Deps): void {
  app.error(async (error) => {
    const code = 'code' in error ? error.code : undefined;
    deps.logger.error({ err: error, code }, 'unhandled error in a Slack listener');
  });
}
