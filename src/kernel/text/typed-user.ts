import { parseSlackUserId, type SlackUserId } from '../slack/slack-user-id.js';

/** A user as typed in a command: <@U123>, <@U123|name>, a bare ID, or @name to look up. */
export type UserRef = { kind: 'id'; slackId: SlackUserId } | { kind: 'name'; name: string };

/** The id inside a mention is checked like any other: a substitute is looked up by it. */
export function parseUserRef(text: string): UserRef | null {
  const escaped = /^<@([^|>]*)(\|[^>]*)?>$/u.exec(text);
  if (escaped) {
    const slackId = parseSlackUserId(escaped[1]);
    return slackId === null ? null : { kind: 'id', slackId };
  }
  // A bare word this long in this shape is an id; shorter ones are more likely names.
  const bare = text.length >= 7 ? parseSlackUserId(text) : null;
  if (bare !== null) return { kind: 'id', slackId: bare };
  const named = /^@([\p{L}\p{N}._-]{1,80})$/u.exec(text);
  return named ? { kind: 'name', name: named[1] as string } : null;
}
