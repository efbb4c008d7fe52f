import { describe, expect, it } from 'vitest';
import { dueDigests, LATE_AFTER_MS } from '../../src/features/digests/jobs/digest-due.js';
import {
  areaSchedule,
  dueAt,
  dueDay,
  latestDueWeek,
  parseWeek,
  weekPeriod,
  weeksUpTo,
  weekWithinPlan,
} from '../../src/features/digests/schedule.js';
import type { FocusArea, Plan } from '../../src/generated/prisma/client.js';

const TZ = 'Europe/Oslo';
const monday8 = { weekday: 1, time: '08:00' };

describe('when a weekly digest is due', () => {
  it('is Monday 08:00 Oslo time for the week before, and not a minute earlier', () => {
    expect(latestDueWeek(new Date('2004-03-01T08:00:00+01:00'), monday8, TZ)).toEqual({
      week: '2004-W09',
      dueAt: new Date('2004-03-01T07:00:00Z'),
    });
    expect(latestDueWeek(new Date('2004-03-01T07:59:00+01:00'), monday8, TZ).week).toBe('2004-W08');
  });

  it('follows daylight saving time: 08:00 is 06:00 UTC after the switch in March', () => {
    expect(dueAt('2004-W13', monday8, TZ)).toEqual(new Date('2004-03-29T06:00:00Z'));
  });

  it('moves to Tuesday when Monday is a public holiday (Easter Monday and Whit Monday 2004)', () => {
    expect(dueDay('2004-W15', monday8)).toBe('2004-04-13');
    expect(dueDay('2004-W22', monday8)).toBe('2004-06-01');
    expect(latestDueWeek(new Date('2004-04-12T09:00:00+02:00'), monday8, TZ).week).toBe('2004-W14');
    expect(latestDueWeek(new Date('2004-04-13T08:00:00+02:00'), monday8, TZ).week).toBe('2004-W15');
  });

  it('uses a focus area’s own weekday and time over the plan’s, and ignores malformed ones', () => {
    const plan = { digestWeekday: 1, digestTime: '08:00' };
    expect(areaSchedule(plan, { digestWeekday: 3, digestTime: '13:30' })).toEqual({ weekday: 3, time: '13:30' });
    expect(areaSchedule(plan, { digestWeekday: null, digestTime: null })).toEqual(monday8);
    expect(areaSchedule({ digestWeekday: 9, digestTime: '25:00' }, { digestWeekday: 0, digestTime: '8' })).toEqual(
      monday8,
    );
    expect(dueAt('2004-W09', { weekday: 3, time: '13:30' }, TZ)).toEqual(new Date('2004-03-03T12:30:00Z'));
  });

  it('covers Monday to Sunday in Oslo time, or up to now while the week runs', () => {
    const full = weekPeriod('2004-W09', TZ);
    expect(full).toMatchObject({ firstDay: '2004-02-23', lastDay: '2004-02-29', partial: false });
    expect(full.from).toEqual(new Date('2004-02-22T23:00:00Z'));
    expect(full.to).toEqual(new Date('2004-02-29T23:00:00Z'));
    const now = new Date('2004-02-25T12:00:00Z');
    expect(weekPeriod('2004-W09', TZ, now)).toMatchObject({ partial: true, to: now });
    expect(weeksUpTo('2004-W02', 3)).toEqual(['2003-W52', '2004-W01', '2004-W02']);
  });

  it('sends none for weeks outside the plan', () => {
    const plan = { startDate: new Date('2004-01-01'), endDate: new Date('2004-12-31') };
    expect(weekWithinPlan(weekPeriod('2004-W01', TZ), plan)).toBe(true);
    expect(weekWithinPlan(weekPeriod('2003-W51', TZ), plan)).toBe(false);
    expect(weekWithinPlan(weekPeriod('2005-W02', TZ), plan)).toBe(false);
  });

  it('reads week arguments strictly', () => {
    expect(parseWeek('2004-W09', '2004-03-03')).toBe('2004-W09');
    expect(parseWeek('2004-w9', '2004-03-03')).toBe('2004-W09');
    expect(parseWeek('9', '2004-03-03')).toBe('2004-W09');
    expect(parseWeek('2004-W53', '2004-03-03')).toBe('2004-W53');
    expect(parseWeek('2003-W53', '2004-03-03')).toBeNull();
    expect(parseWeek('0', '2004-03-03')).toBeNull();
    expect(parseWeek('<script>', '2004-03-03')).toBeNull();
  });
});

describe('dueDigests', () => {
  const plan = {
    id: 1,
    digestWeekday: 1,
    digestTime: '08:00',
    startDate: new Date('2004-01-01'),
    endDate: new Date('2004-12-31'),
  } as Plan;
  const area = (id: number, weekday: number | null = null) =>
    ({
      id,
      number: id,
      titleNb: `O${id}`,
      titleEn: `A${id}`,
      channel: null,
      digestWeekday: weekday,
      digestTime: null,
    }) as FocusArea;

  it('marks a digest late only when it goes out well after its due time', () => {
    const due = new Date('2004-03-01T07:00:00Z');
    expect(dueDigests(plan, [area(1)], due, TZ)[0]).toMatchObject({ week: '2004-W09', late: false });
    expect(dueDigests(plan, [area(1)], new Date(due.getTime() + LATE_AFTER_MS + 1), TZ)[0]?.late).toBe(true);
    expect(dueDigests(plan, [area(1)], new Date('2004-03-06T12:00:00Z'), TZ)[0]).toMatchObject({
      week: '2004-W09',
      late: true,
    });
  });

  it('gives each area its own week when their weekdays differ', () => {
    const at = new Date('2004-03-02T12:00:00Z');
    expect(dueDigests(plan, [area(1), area(2, 3)], at, TZ).map((d) => d.week)).toEqual(['2004-W09', '2004-W08']);
  });
});
