import { describe, expect, it } from 'vitest';
import { dueState, overdueWorkingDays, type RoundFacts } from '../../src/features/plan/due.js';
import {
  nextReminderInstant,
  STEP,
  snoozeUntil,
  stepDay,
  stepInstant,
  summaryDay,
} from '../../src/features/reminders/ladder.js';
import { oslo, pair, SETTINGS } from './due-support.js';

const PLAN = { startDay: '2004-01-01', endDay: '2004-12-31', defaultCadenceDays: 14 };
const PLAN_2026 = { startDay: '2026-01-01', endDay: '2026-12-31', defaultCadenceDays: 14 };
const due = (p: Parameters<typeof pair>[0], at: string, round: RoundFacts | null = null, plan = PLAN) =>
  dueState(pair(p), round, plan, 'Europe/Oslo', oslo(at));

describe('the due day of a pair', () => {
  it('is the plan start plus the plan-wide default of 14 days before the first report', () => {
    expect(due({}, '2004-01-05 12:00')).toMatchObject({
      dueDay: '2004-01-15',
      period: 'd2004-01-15',
      roundId: null,
      closed: false,
    });
  });

  it('uses the measure’s own cadence over the plan default', () => {
    // 1 January + 30 days is Saturday 31 January: due the Monday after.
    expect(due({ cadenceDays: 30 }, '2004-01-05 12:00').dueDay).toBe('2004-02-02');
  });

  it('counts from the last report, and moves off the Easter holidays of 2004 to the next working day', () => {
    // 25 March + 14 days = Maundy Thursday; Good Friday, the weekend and Easter Monday follow.
    expect(due({ lastUpdateAt: oslo('2004-03-25 15:00') }, '2004-03-26 09:00').dueDay).toBe('2004-04-13');
  });

  it('moves off Ascension Day 2026 and the 17 May Sunday', () => {
    expect(due({ lastUpdateAt: oslo('2026-04-30 10:00') }, '2026-05-01 09:00', null, PLAN_2026).dueDay).toBe(
      '2026-05-15',
    );
    expect(due({ lastUpdateAt: oslo('2026-05-03 10:00') }, '2026-05-04 09:00', null, PLAN_2026).dueDay).toBe(
      '2026-05-18',
    );
  });

  it('counts an "ikke aktuelt" as a report, whichever of it and the last update is newer', () => {
    expect(due({ lastWaivedAt: oslo('2004-03-25 15:00') }, '2004-03-26 09:00').dueDay).toBe('2004-04-13');
    expect(
      due({ lastUpdateAt: oslo('2004-03-01 10:00'), lastWaivedAt: oslo('2004-03-25 15:00') }, '2004-03-26 09:00')
        .dueDay,
    ).toBe('2004-04-13');
    expect(
      due({ lastUpdateAt: oslo('2004-03-25 15:00'), lastWaivedAt: oslo('2004-03-01 10:00') }, '2004-03-26 09:00')
        .dueDay,
    ).toBe('2004-04-13');
  });

  it('ignores a report made after the instant asked about', () => {
    expect(due({ lastUpdateAt: oslo('2004-03-25 15:00') }, '2004-03-25 09:00').dueDay).toBe('2004-01-15');
  });

  it('is closed when the pair is completed or cancelled, or the next due day lies past the plan’s end', () => {
    expect(due({ settled: true }, '2004-01-05 12:00').closed).toBe(true);
    expect(due({ lastUpdateAt: oslo('2004-12-20 10:00') }, '2004-12-21 09:00').closed).toBe(true);
  });
});

describe('a reporting round', () => {
  const round: RoundFacts = {
    id: 7,
    focusAreaId: null,
    openedAt: oslo('2004-03-01 10:00'),
    deadlineDay: '2004-03-12',
    closedAt: null,
  };

  it('overrides the cadence with its deadline while the pair has not reported since it opened', () => {
    const d = due({ lastUpdateAt: oslo('2004-02-27 10:00') }, '2004-03-02 09:00', round);
    expect(d).toMatchObject({ dueDay: '2004-03-12', period: 'r7', roundId: 7 });
    expect(d.periodStart).toEqual(round.openedAt);
  });

  it('does not apply before it opens', () => {
    expect(due({ lastUpdateAt: oslo('2004-02-20 10:00') }, '2004-03-01 09:00', round)).toMatchObject({
      dueDay: '2004-03-05',
      roundId: null,
    });
  });

  it('lets the cadence run again from a report made during the round', () => {
    expect(due({ lastUpdateAt: oslo('2004-03-03 10:00') }, '2004-03-04 09:00', round)).toMatchObject({
      dueDay: '2004-03-17',
      roundId: null,
    });
  });

  it('keeps an unreported pair overdue against its deadline after the round has ended', () => {
    const d = due({}, '2004-03-17 09:00', round);
    expect(d).toMatchObject({ dueDay: '2004-03-12', roundId: 7 });
    expect(overdueWorkingDays(d.dueDay, '2004-03-17')).toBe(3);
  });

  it('hands a pair back to its cadence, counted from the round’s opening, when a coordinator closes the round', () => {
    const closed = { ...round, closedAt: oslo('2004-03-05 12:00') };
    expect(due({}, '2004-03-08 09:00', closed)).toMatchObject({ dueDay: '2004-03-15', roundId: null });
  });
});

describe('the ladder on Norwegian working days', () => {
  it('puts the steps around Easter 2004 on working days only', () => {
    // Two working days before Tuesday 13 April: Wednesday 7th is one, Tuesday 6th is two.
    expect(stepDay(STEP.dueSoon, '2004-04-13', SETTINGS)).toBe('2004-04-06');
    expect(stepDay(STEP.overdue, '2004-04-13', SETTINGS)).toBe('2004-04-14');
    expect(stepDay(STEP.teamLead, '2004-04-13', SETTINGS)).toBe('2004-04-16');
    expect(stepDay(STEP.overdue, '2004-04-07', SETTINGS)).toBe('2004-04-13');
  });

  it('puts the steps around Ascension and Whit Monday 2026 on working days only', () => {
    expect(stepDay(STEP.dueSoon, '2026-05-18', SETTINGS)).toBe('2026-05-13');
    expect(stepDay(STEP.overdue, '2026-05-22', SETTINGS)).toBe('2026-05-26');
    expect(stepDay(STEP.teamLead, '2026-05-22', SETTINGS)).toBe('2026-05-28');
  });

  it('sends at 09:00 Oslo time on both sides of the spring DST change', () => {
    expect(stepInstant(STEP.dueSoon, '2004-03-29', SETTINGS).toISOString()).toBe('2004-03-25T08:00:00.000Z');
    expect(stepInstant(STEP.overdue, '2004-03-29', SETTINGS).toISOString()).toBe('2004-03-30T07:00:00.000Z');
    expect(stepInstant(STEP.overdue, '2026-10-23', SETTINGS).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('follows a configured reminder time and thresholds', () => {
    const s = { ...SETTINGS, reminderTime: '13:30', dueSoonDays: 1, overdueDays: 2, teamLeadDays: 5 };
    expect(stepInstant(STEP.dueSoon, '2004-03-29', s).toISOString()).toBe('2004-03-26T12:30:00.000Z');
    expect(stepDay(STEP.overdue, '2004-03-29', s)).toBe('2004-03-31');
    expect(stepDay(STEP.teamLead, '2004-03-29', s)).toBe('2004-04-05');
  });

  it('counts overdue working days, not calendar days, and 0 until the due day is over', () => {
    expect(overdueWorkingDays('2004-04-07', '2004-04-07')).toBe(0);
    expect(overdueWorkingDays('2004-04-07', '2004-04-13')).toBe(1);
    // 5, 6, 7, 13, 14, 15 and 16 April: 14 calendar days, 7 working days.
    expect(overdueWorkingDays('2004-04-02', '2004-04-16')).toBe(7);
  });

  it('moves the weekly summary off Easter Monday and Whit Monday to the Tuesday', () => {
    expect(summaryDay('2004-W16', SETTINGS)).toBe('2004-04-13');
    expect(summaryDay('2004-W23', SETTINGS)).toBe('2004-06-01');
    expect(summaryDay('2004-W22', SETTINGS)).toBe('2004-05-24');
    expect(summaryDay('2004-W16', { ...SETTINGS, summaryWeekday: 5 })).toBe('2004-04-16');
  });

  it('snoozes to the next working day’s reminder time, over holidays and weekends', () => {
    expect(snoozeUntil(oslo('2004-04-07 10:15'), SETTINGS).toISOString()).toBe(oslo('2004-04-13 09:00').toISOString());
    expect(snoozeUntil(oslo('2004-03-27 11:00'), SETTINGS).toISOString()).toBe(oslo('2004-03-29 09:00').toISOString());
    expect(snoozeUntil(oslo('2004-03-29 07:00'), SETTINGS).toISOString()).toBe(oslo('2004-03-30 09:00').toISOString());
  });

  it('knows the next reminder time after any instant', () => {
    expect(nextReminderInstant(oslo('2004-04-07 09:00'), SETTINGS)).toEqual(oslo('2004-04-13 09:00'));
    expect(nextReminderInstant(oslo('2004-03-26 08:59'), SETTINGS)).toEqual(oslo('2004-03-26 09:00'));
  });
});
