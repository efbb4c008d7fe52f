import type { Logger } from '../logger.js';
import { parseSlackUserId, type SlackUserId } from './slack-user-id.js';

/**
 * The `user.id` of an interaction payload, read without trusting Bolt's
 * types: they promise a string, but a forged payload may carry `"user": {}`.
 */
export function interactionUserId(body: { user?: unknown }): unknown {
  const { user } = body;
  return typeof user === 'object' && user !== null && 'id' in user ? user.id : undefined;
}

const shapeOf = (given: unknown): string =>
  given === undefined || given === null ? 'missing' : given === '' ? 'empty' : 'malformed';

/**
 * The Slack user a request acts for, checked before anything is looked up.
 * Null when the id is missing or malformed: Slack always sends one, so the
 * request is forged or broken. It is logged at warn (with the request id the
 * logger carries) and the caller stops after its plain ack: nothing is
 * looked up, written, opened or answered in anyone's name.
 */
export function checkedUser(given: unknown, log: Logger, surface: string): SlackUserId | null {
  const userId = parseSlackUserId(given);
  if (userId === null) log.warn({ surface, user: shapeOf(given) }, 'refused a request without a valid Slack user id');
  return userId;
}
