import type { LocalDay } from '../calendar/calendar.js';
import { parseSlackUserId, type SlackUserId } from '../slack/slack-user-id.js';

/**
 * A calendar day as people type it: 2004-05-03, 3.5.2004, 03.05.04, or 3.5
 * (this year). Returns null for anything else, including days that do not
 * exist (31.4.2004).
 */
export function parseDay(text: string, today: LocalDay): LocalDay | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.?(\d{2}|\d{4})?$/u.exec(text);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) {
    const year = dotted[3];
    y = year === undefined ? Number(today.slice(0, 4)) : year.length === 2 ? 2000 + Number(year) : Number(year);
    [m, d] = [Number(dotted[2]), Number(dotted[1])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

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
