import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  type LocalDay,
  localDay,
  mondayOfIsoWeek,
  nextWorkingDayFrom,
} from '../../kernel/calendar/calendar.js';
import { localInstant, remember } from '../../kernel/calendar/remembered.js';
import type { LadderSettings } from '../plan/index.js';

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

export function reminderInstant(day: LocalDay, s: LadderSettings): Date {
  return localInstant(day, s.reminderTime, s.timeZone);
}

const stepDays = new Map<string, LocalDay>();
const summaryDays = new Map<string, LocalDay>();

/** The working day a pair step falls on, for a due day. */
export function stepDay(step: PairStep, dueDay: LocalDay, s: LadderSettings): LocalDay {
  return remember(stepDays, `${step} ${dueDay} ${s.dueSoonDays} ${s.overdueDays} ${s.teamLeadDays}`, () =>
    computeStepDay(step, dueDay, s),
  );
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
