import {
  addDays,
  atLocalTime,
  dayOf,
  isoWeek,
  isoWeekday,
  type LocalDay,
  localDay,
  mondayOfIsoWeek,
  nextWorkingDayFrom,
} from '../../kernel/calendar/calendar.js';
import type { DigestPeriod } from './model.js';

export interface DigestSchedule {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Local 'HH:MM'. */
  time: string;
}

const DEFAULT_SCHEDULE: DigestSchedule = { weekday: 1, time: '08:00' };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const validWeekday = (n: number | null | undefined): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 7;
const validTime = (t: string | null | undefined): t is string => typeof t === 'string' && TIME.test(t);

/** The focus area's own schedule where it has one, else the plan's; a malformed value falls back rather than stopping digests. */
export function areaSchedule(
  plan: { digestWeekday: number; digestTime: string },
  area: { digestWeekday: number | null; digestTime: string | null },
): DigestSchedule {
  const planWeekday = validWeekday(plan.digestWeekday) ? plan.digestWeekday : DEFAULT_SCHEDULE.weekday;
  const planTime = validTime(plan.digestTime) ? plan.digestTime : DEFAULT_SCHEDULE.time;
  return {
    weekday: validWeekday(area.digestWeekday) ? area.digestWeekday : planWeekday,
    time: validTime(area.digestTime) ? area.digestTime : planTime,
  };
}

function previousWeek(week: string): string {
  return isoWeek(addDays(mondayOfIsoWeek(week), -7));
}

/** The `count` weeks ending with `week`, oldest first. */
export function weeksUpTo(week: string, count: number): string[] {
  const monday = mondayOfIsoWeek(week);
  return Array.from({ length: count }, (_, i) => isoWeek(addDays(monday, -7 * (count - 1 - i))));
}

/**
 * The day the digest of `week` goes out: the scheduled weekday of the
 * following week, moved to the next working day when that is a public
 * holiday (Easter Monday, Whit Monday). A weekend day chosen on purpose stays.
 */
export function dueDay(week: string, schedule: DigestSchedule): LocalDay {
  const day = addDays(mondayOfIsoWeek(week), 7 + schedule.weekday - 1);
  return isoWeekday(day) <= 5 ? nextWorkingDayFrom(day) : day;
}

export function dueAt(week: string, schedule: DigestSchedule, timeZone: string): Date {
  return atLocalTime(dueDay(week, schedule), schedule.time, timeZone);
}

/** The latest week whose digest is due at `at` (a missed one is caught up until the next falls due). */
export function latestDueWeek(at: Date, schedule: DigestSchedule, timeZone: string): { week: string; dueAt: Date } {
  let week = previousWeek(isoWeek(localDay(at, timeZone)));
  // Holidays can push a due day past the next week's start, so look back a few weeks.
  for (let i = 0; i < 3; i++) {
    const due = dueAt(week, schedule, timeZone);
    if (due.getTime() <= at.getTime()) return { week, dueAt: due };
    week = previousWeek(week);
  }
  return { week, dueAt: dueAt(week, schedule, timeZone) };
}

/** A whole week, or the week so far when `now` falls inside it. */
export function weekPeriod(week: string, timeZone: string, now?: Date): DigestPeriod {
  const firstDay = mondayOfIsoWeek(week);
  const lastDay = addDays(firstDay, 6);
  const from = atLocalTime(firstDay, '00:00', timeZone);
  const end = atLocalTime(addDays(firstDay, 7), '00:00', timeZone);
  const partial = now !== undefined && now.getTime() < end.getTime() && now.getTime() >= from.getTime();
  return { week, firstDay, lastDay, from, to: partial && now ? now : end, partial };
}

/** Whether a week touches the plan's period: no digests before a plan starts or long after it ends. */
export function weekWithinPlan(period: DigestPeriod, plan: { startDate: Date; endDate: Date }): boolean {
  const start = dayOf(plan.startDate);
  const end = dayOf(plan.endDate);
  return period.lastDay >= start && period.firstDay <= end;
}

/** Accepts '2004-W09', '2004-w9' or a bare week number (in the year of `today`). */
export function parseWeek(text: string, today: LocalDay): string | null {
  const full = /^(\d{4})-?w(\d{1,2})$/i.exec(text.trim());
  const bare = /^(?:uke|week|w)?\s*(\d{1,2})$/i.exec(text.trim());
  const year = full ? Number(full[1]) : Number(today.slice(0, 4));
  const number = Number(full ? full[2] : bare?.[1]);
  if ((!full && !bare) || number < 1 || number > 53) return null;
  const label = `${year}-W${String(number).padStart(2, '0')}`;
  // Week 53 exists only in some years; a label that does not round-trip is not a week.
  return isoWeek(mondayOfIsoWeek(label)) === label ? label : null;
}
