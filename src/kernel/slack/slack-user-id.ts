import { z } from 'zod';

/**
 * A Slack user id that has been checked. Every lookup keyed by a person's
 * Slack id takes this type, so a missing or forged id from a request cannot
 * reach Prisma, where `where: { slackId: undefined }` would mean "anyone".
 */
export type SlackUserId = string & { readonly __brand: 'SlackUserId' };

// Slack's member ids: U (or W on Enterprise Grid), then capitals and digits.
const pattern = /^[UW][A-Z0-9]{2,31}$/;

export const slackUserIdSchema = z
  .string()
  .regex(pattern, 'must be a Slack user ID like U0123ABCD')
  .transform((value) => value as SlackUserId);

/** The only way to make a SlackUserId: null unless `value` has the shape of one. */
export function parseSlackUserId(value: unknown): SlackUserId | null {
  return typeof value === 'string' && pattern.test(value) ? (value as SlackUserId) : null;
}
