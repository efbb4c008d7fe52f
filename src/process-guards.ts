import type { Logger } from './kernel/logger.js';
import type { RequestScope } from './kernel/slack/request-context.js';

/**
 * The last resort, for what no handler caught.
 *
 * An uncaught exception unwound a stack halfway: whatever that code was
 * changing (a cache, a half-sent reply, a lock in memory) is now in an
 * unknown state. It is logged at fatal, with the request that was running,
 * and the process exits non-zero so that its supervisor starts a clean one.
 * The database needs no goodbye: every write is a transaction, and the
 * ledgers were built to survive kill -9.
 *
 * An unhandled rejection is a promise nobody awaited, typically background
 * work after an ack (refreshing someone's App Home). The work it belonged to
 * has failed, and that is all: no stack was cut short, and nothing is left
 * half-done that a transaction or a ledger lease does not undo. It is logged
 * at error, with the request id, and the process carries on; taking every
 * other user's request down with it would turn one failed refresh into an
 * outage. It is still a bug: the reliability suite counts these lines.
 */
export function installProcessGuards(
  proc: NodeJS.Process,
  logger: Logger,
  scope: RequestScope,
  exit: (code: number) => void = (code) => proc.exit(code),
): void {
  proc.on('uncaughtException', (error, origin) => {
    const requestId = scope.currentId();
    logger.fatal(
      { err: error, origin, requestId },
      'uncaught exception; exiting so that the supervisor starts a clean process',
    );
    exit(1);
  });
  proc.on('unhandledRejection', (reason) => {
    logger.error({ err: reason, requestId: scope.currentId() }, 'unhandled promise rejection; the process carries on');
  });
}
