import { TZDate } from '@date-fns/tz';
import { addDays, addWorkingDays, atLocalTime, isoWeek, isWorkingDay, localDay, mondayOfIsoWeek, nextWorkingDayFrom, type LocalDay } from '../../kernel/calendar/calendar.js';

/** The settings of the reminder ladder; see dueSettingsFrom for where each comes from. */
export interface LadderSettings {
  timeZone: string;
  /** Local 'HH:MM' at which reminders go out, on working days. */
  reminderTime: string;
  /** Step 1: working days before the due day. */
  dueSoonDays: number;
  /** Step 2: working days after the due day. */
  overdueDays: number;
  /** Step 3: working days overdue before the team lead hears. */
  teamLeadDays: number;
  /** Step 4: working days overdue before the coordinators' weekly summary lists the pair. */
  coordinatorDays: number;
  /** ISO weekday (1 = Monday) of the weekly summary. */
  summaryWeekday: number;
}

/** Ledger step numbers. 0 and 5 are not rungs of the ladder but travel through the same ledger. */
export const STEP = {
  roundOpened: 0,
  dueSoon: 1,
  overdue: 2,
  teamLead: 3,
  coordinators: 4,
  failure: 5,
} as const;
export type Step = (typeof STEP)[keyof typeof STEP];
export type PairStep = typeof STEP.dueSoon | typeof STEP.overdue | typeof STEP.teamLead;

// The planner asks the same few questions for every pair on every tick; time-zone arithmetic is the
// costly part, so answers are kept (a plan spans a few thousand days at most).
const instants = new Map<string, number>();
const stepDays = new Map<string, LocalDay>();
function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= 100_000) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

export function reminderInstant(day: LocalDay, s: LadderSettings): Date {
  return localInstant(day, s.reminderTime, s.timeZone);
}

const offsets = new Map<string, number>();
const weeks = new Map<string, string>();

/**
 * localDay, fast: an instant's offset is remembered per UTC hour, and used
 * only when the hour starts and ends on the same offset (a DST change inside
 * the hour, at whatever minute, falls back to the exact answer).
 */
export function dayIn(instant: Date, timeZone: string): LocalDay {
  const ms = instant.getTime();
  const hour = Math.floor(ms / 3_600_000);
  const offsetAt = (t: number) => remember(offsets, `${timeZone} ${t}`, () => -new TZDate(t, timeZone).getTimezoneOffset() * 60_000);
  const start = offsetAt(hour * 3_600_000);
  if (start !== offsetAt((hour + 1) * 3_600_000 - 1)) return localDay(instant, timeZone);
  return new Date(ms + start).toISOString().slice(0, 10);
}

const cadenceDays = new Map<string, LocalDay>();
const summaryDays = new Map<string, LocalDay>();

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

/** The working day a pair step falls on, for a due day. */
export function stepDay(step: PairStep, dueDay: LocalDay, s: LadderSettings): LocalDay {
  return remember(stepDays, `${step} ${dueDay} ${s.dueSoonDays} ${s.overdueDays} ${s.teamLeadDays}`, () => computeStepDay(step, dueDay, s));
}

function computeStepDay(step: PairStep, dueDay: LocalDay, s: LadderSettings): LocalDay {
  switch (step) {
    case STEP.dueSoon:
      return s.dueSoonDays === 0 ? nextWorkingDayFrom(dueDay) : addWorkingDays(dueDay, -s.dueSoonDays);
    case STEP.overdue:
      return addWorkingDays(dueDay, s.overdueDays);
    case STEP.teamLead:
      return addWorkingDays(dueDay, s.teamLeadDays);
  }
}

export function stepInstant(step: PairStep, dueDay: LocalDay, s: LadderSettings): Date {
  return reminderInstant(stepDay(step, dueDay, s), s);
}

/** The weekly summary's day in an ISO week: the configured weekday, or the next working day that week. */
export function summaryDay(week: string, s: LadderSettings): LocalDay | null {
  return remember(summaryDays, `${week} ${s.summaryWeekday}`, () => computeSummaryDay(week, s)) || null;
}

function computeSummaryDay(week: string, s: LadderSettings): LocalDay {
  const monday = mondayOfIsoWeek(week);
  for (let offset = s.summaryWeekday - 1; offset < 7; offset++) {
    const day = addDays(monday, offset);
    if (isWorkingDay(day)) return day;
  }
  return '';
}

/** "Utsett 1 dag": the reminder time on the next working day after the day of `at`. */
export function snoozeUntil(at: Date, s: LadderSettings): Date {
  return reminderInstant(addWorkingDays(localDay(at, s.timeZone), 1), s);
}

/**
 * The first reminder time strictly after `at`. Every step of the ladder, the
 * weekly summary and the end of every snooze fall on such an instant, so
 * nothing new can fall due between two of them except a round's opening
 * notice and a retry: the scheduler and the simulations rely on this.
 */
export function nextReminderInstant(at: Date, s: LadderSettings): Date {
  let day = localDay(at, s.timeZone);
  for (;;) {
    if (isWorkingDay(day)) {
      const instant = reminderInstant(day, s);
      if (instant > at) return instant;
    }
    day = addDays(day, 1);
  }
}

export function isReminderInstant(at: Date, s: LadderSettings): boolean {
  const day = localDay(at, s.timeZone);
  return isWorkingDay(day) && reminderInstant(day, s).getTime() === at.getTime();
}
