import type { FocusArea, PrismaClient } from '../../generated/prisma/client.js';
import { isoWeek, localDay } from '../../kernel/calendar/calendar.js';
import { readWholeNumber } from '../../kernel/text/whole-number.js';
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
 * Reads `<område> [uke]` as typed after /rapport sammendrag or send. With no
 * week it is this week so far: the digest that will go out next.
 */
export async function resolveDigestRequest(
  prisma: PrismaClient,
  args: readonly string[],
  at: Date,
  timeZone: string,
): Promise<DigestRequest> {
  const [areaArg, weekArg] = args;
  const areas = await focusAreas(prisma);
  if (areaArg === undefined) return { kind: 'need-area', areas };
  const number = readWholeNumber(areaArg, { min: 1 });
  const area = number.ok ? areas.find((a) => a.number === number.value) : undefined;
  if (area === undefined) return { kind: 'no-such-area', given: areaArg.slice(0, 40), areas };
  const today = localDay(at, timeZone);
  const week = weekArg === undefined ? isoWeek(today) : parseWeek(weekArg, today);
  if (week === null) return { kind: 'bad-week', given: (weekArg ?? '').slice(0, 40) };
  const period = weekPeriod(week, timeZone, at);
  if (period.from.getTime() > at.getTime()) return { kind: 'future-week', week };
  return { kind: 'ok', area, period };
}
