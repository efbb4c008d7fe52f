import { TZDate } from '@date-fns/tz';
import { addDays, atLocalTime, dayOf, isoWeek, type LocalDay, localDay, nextWorkingDayFrom } from './calendar.js';

// The reminder planner and the due function ask the same few questions for every pair on every tick;
// time-zone arithmetic is the costly part, so answers are kept (a plan spans a few thousand days at most).

export function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= 100_000) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

const instants = new Map<string, number>();
const offsets = new Map<string, number>();
const weeks = new Map<string, string>();
const cadenceDays = new Map<string, LocalDay>();

/**
 * localDay, fast: an instant's offset is remembered per UTC hour, and used
 * only when the hour starts and ends on the same offset (a DST change inside
 * the hour, at whatever minute, falls back to the exact answer).
 */
export function dayIn(instant: Date, timeZone: string): LocalDay {
  const ms = instant.getTime();
  const hour = Math.floor(ms / 3_600_000);
  const offsetAt = (t: number) =>
    remember(offsets, `${timeZone} ${t}`, () => -new TZDate(t, timeZone).getTimezoneOffset() * 60_000);
  const start = offsetAt(hour * 3_600_000);
  if (start !== offsetAt((hour + 1) * 3_600_000 - 1)) return localDay(instant, timeZone);
  return dayOf(new Date(ms + start));
}

/** The working day on or after `days` calendar days from `from`, remembered. */
export function workingDayAfter(from: LocalDay, days: number): LocalDay {
  return remember(cadenceDays, `${from} ${days}`, () => nextWorkingDayFrom(addDays(from, days)));
}

/** isoWeek, remembered. */
export function weekOf(day: LocalDay): string {
  return remember(weeks, day, () => isoWeek(day));
}

/** atLocalTime, remembered. */
export function localInstant(day: LocalDay, time: string, timeZone: string): Date {
  return new Date(remember(instants, `${day} ${time} ${timeZone}`, () => atLocalTime(day, time, timeZone).getTime()));
}
