// Where the demo's clock buttons move the plan's time to.

import { dueSettingsFrom } from '../features/plan/index.js';
import { nextReminderInstant } from '../features/reminders/index.js';
import { addDays, atLocalTime, isoWeekday, localDay } from '../kernel/calendar/calendar.js';
import type { Config } from '../kernel/config.js';

/** The first instant after `now` at which the reminder ladder can send. */
export function nextReminderTime(now: Date, config: Config): Date {
  return nextReminderInstant(now, dueSettingsFrom(config));
}

/** The next Monday at 08:00 in the plan's zone, strictly after `now`: the digests' default time. */
export function nextMondayMorning(now: Date, timeZone: string): Date {
  let day = localDay(now, timeZone);
  for (;;) {
    if (isoWeekday(day) === 1) {
      const instant = atLocalTime(day, '08:00', timeZone);
      if (instant > now) return instant;
    }
    day = addDays(day, 1);
  }
}
