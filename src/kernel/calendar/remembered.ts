import { TZDate } from '@date-fns/tz';
import { addDays, atLocalTime, dayOf, isoWeek, type LocalDay, localDay, nextWorkingDayFrom } from './calendar.js';

// The reminder planner and the due function ask the same few questions for every pair on every tick;
// time-zone arithmetic is the costly part, so answers are kept (a plan spans a few thousand days at most).

export function remember<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= 100_000) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

const instants = new Map<string, number>();
/** Per time zone, the UTC offset (ms) at an instant on the hour, keyed by that instant. */
const offsets = new Map<string, Map<number, number>>();
/** Day names by days since 1970-01-01: toISOString per call cost more than the rest of dayIn. */
const dayNames = new Map<number, LocalDay>();
const weeks = new Map<string, string>();
const cadenceDays = new Map<string, LocalDay>();

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function offsetAt(zone: Map<number, number>, t: number, timeZone: string): number {
  const known = zone.get(t);
  return known ?? remember(zone, t, () => -new TZDate(t, timeZone).getTimezoneOffset() * 60_000);
}

/**
 * localDay, fast: an instant's offset is remembered per UTC hour, and used
 * only when the hour starts and ends on the same offset (a DST change inside
 * the hour, at whatever minute, falls back to the exact answer). Keys are
 * numbers: the due function asks this for every pair of a digest or a sweep.
 */
export function dayIn(instant: Date, timeZone: string): LocalDay {
  const ms = instant.getTime();
  const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
  let zone = offsets.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const start = offsetAt(zone, hourStart, timeZone);
  if (start !== offsetAt(zone, hourStart + HOUR_MS - 1, timeZone)) return localDay(instant, timeZone);
  const day = Math.floor((ms + start) / DAY_MS);
  return dayNames.get(day) ?? remember(dayNames, day, () => dayOf(new Date(day * DAY_MS)));
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
