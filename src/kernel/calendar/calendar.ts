import { TZDate } from '@date-fns/tz';
import { publicHolidays } from './holidays.js';

/**
 * Calendar days are 'YYYY-MM-DD' strings in the plan's time zone: they have
 * no clock time, so DST can never shift one. Instants are Dates.
 */
export type LocalDay = string;

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: LocalDay): number {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function isWorkingDay(day: LocalDay): boolean {
  return isoWeekday(day) <= 5 && !publicHolidays(Number(day.slice(0, 4))).has(day);
}

/**
 * A calendar day from a Date that holds one at UTC midnight: a `@db.Date`
 * column, or a day computed in UTC. The one place that slices an ISO string.
 */
export function dayOf(date: Date): LocalDay {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: LocalDay, days: number): LocalDay {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return dayOf(d);
}

/** n > 0 steps forward over working days, n < 0 backward; 0 returns the day itself. */
export function addWorkingDays(day: LocalDay, n: number): LocalDay {
  let current = day;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    current = addDays(current, step);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** The day itself when it is a working day, else the next one. */
export function nextWorkingDayFrom(day: LocalDay): LocalDay {
  let current = day;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday). */
function dayNumber(day: LocalDay): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** Mondays to Fridays among the days numbered below n, up to a constant: differences count weekdays. */
function weekdaysBelow(n: number): number {
  const fromMonday = n + 3;
  const weeks = Math.floor(fromMonday / 7);
  return weeks * 5 + Math.min(fromMonday - weeks * 7, 5);
}

/**
 * Working days in (from, to]: how many working days `to` lies after `from`. Negative when before.
 * Counted, not walked: a measure overdue since the plan's first year is asked about on every
 * list, and walking day by day made that cost grow with every day since.
 */
export function workingDaysBetween(from: LocalDay, to: LocalDay): number {
  if (to === from) return 0;
  const [start, end, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let count = weekdaysBelow(dayNumber(end) + 1) - weekdaysBelow(dayNumber(start) + 1);
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    for (const holiday of weekdayHolidays(year)) if (holiday > start && holiday <= end) count--;
  }
  return count * sign;
}

const weekdayHolidayMemo = new Map<number, readonly LocalDay[]>();

/** The year's holidays that fall on a Monday to Friday: only those take a working day away. */
function weekdayHolidays(year: number): readonly LocalDay[] {
  let days = weekdayHolidayMemo.get(year);
  if (days === undefined) {
    days = [...publicHolidays(year)].filter((day) => isoWeekday(day) <= 5);
    weekdayHolidayMemo.set(year, days);
  }
  return days;
}

/** The calendar day an instant falls on in a time zone. */
export function localDay(instant: Date, timeZone: string): LocalDay {
  const z = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
}

/** The instant of a local clock time ('HH:MM') on a day, DST-correct. */
export function atLocalTime(day: LocalDay, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

/** ISO week label of a day, e.g. '2004-W10'. */
export function isoWeek(day: LocalDay): string {
  const d = new Date(`${day}T12:00:00Z`);
  const thursday = new Date(d);
  thursday.setUTCDate(d.getUTCDate() + 4 - isoWeekday(day));
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week label. */
export function mondayOfIsoWeek(label: string): LocalDay {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (match === null) throw new Error(`not an ISO week: ${label}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const jan4 = `${year}-01-04`;
  const mondayWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(mondayWeek1, (week - 1) * 7);
}
