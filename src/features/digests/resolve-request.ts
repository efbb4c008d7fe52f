import type { FocusArea, PrismaClient } from '../../generated/prisma/client.js';
import { isoWeek, localDay } from '../../kernel/calendar/calendar.js';
import { readAreaArg } from '../../kernel/text/typed-area.js';
import { focusAreas } from '../plan/index.js';
import type { DigestPeriod } from './model.js';
import { parseWeek, weekPeriod } from './schedule.js';

export type DigestRequest =
  | { kind: 'ok'; area: FocusArea; period: DigestPeriod }
  | { kind: 'need-area'; areas: FocusArea[] }
  | { kind: 'no-such-area'; given: string; areas: FocusArea[] }
  | { kind: 'bad-week'; given: string }
  | { kind: 'future-week'; week: string };

/**
 * Reads `[område] <nr> [uke]` as typed after /rapport sammendrag or send. With no
 * week it is this week so far: the digest that will go out next.
 */
export async function resolveDigestRequest(
  prisma: PrismaClient,
  args: readonly string[],
  at: Date,
  timeZone: string,
): Promise<DigestRequest> {
  const areas = await focusAreas(prisma);
  if (args.length === 0) return { kind: 'need-area', areas };
  const read = readAreaArg(args);
  const area = read.kind === 'number' ? areas.find((a) => a.number === read.number) : undefined;
  if (read.kind !== 'number' || area === undefined) {
    const given = read.kind === 'none' || read.given === '' ? args.join(' ') : read.given;
    return { kind: 'no-such-area', given: given.slice(0, 40), areas };
  }
  if (read.rest.length > 1) return { kind: 'bad-week', given: read.rest.join(' ').slice(0, 40) };
  const weekArg = read.rest[0];
  const today = localDay(at, timeZone);
  const week = weekArg === undefined ? isoWeek(today) : parseWeek(weekArg, today);
  if (week === null) return { kind: 'bad-week', given: (weekArg ?? '').slice(0, 40) };
  const period = weekPeriod(week, timeZone, at);
  if (period.from.getTime() > at.getTime()) return { kind: 'future-week', week };
  return { kind: 'ok', area, period };
}
