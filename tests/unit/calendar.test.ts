import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  atLocalTime,
  isWorkingDay,
  localDay,
  nextWorkingDayFrom,
  workingDaysBetween,
} from '../../src/kernel/calendar/calendar.js';
import { publicHolidays } from '../../src/kernel/calendar/holidays.js';

/** The Norwegian public holidays ("helligdager") as the law lists them, worked out by hand. */
const HOLIDAYS: Record<number, string[]> = {
  2004: [
    '2004-01-01', // første nyttårsdag
    '2004-04-08', // skjærtorsdag
    '2004-04-09', // langfredag
    '2004-04-11', // første påskedag
    '2004-04-12', // andre påskedag
    '2004-05-01', // arbeidernes dag (a Saturday)
    '2004-05-17', // grunnlovsdagen
    '2004-05-20', // Kristi himmelfartsdag
    '2004-05-30', // første pinsedag
    '2004-05-31', // andre pinsedag
    '2004-12-25', // første juledag
    '2004-12-26', // andre juledag
  ],
  2026: [
    '2026-01-01',
    '2026-04-02',
    '2026-04-03',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-17', // a Sunday
    '2026-05-24',
    '2026-05-25',
    '2026-12-25',
    '2026-12-26',
  ],
};

describe('the Norwegian calendar', () => {
  for (const year of [2004, 2026]) {
    it(`knows exactly the public holidays of ${year}`, () => {
      expect([...publicHolidays(year)].sort()).toEqual(HOLIDAYS[year]);
    });
  }

  it('treats Easter, Ascension Day, Whit Monday, 1 and 17 May and Christmas on weekdays as days off', () => {
    for (const day of [
      '2004-04-08',
      '2004-04-09',
      '2004-04-12',
      '2004-05-17',
      '2004-05-20',
      '2004-05-31',
      '2026-04-02',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
    ]) {
      expect(isWorkingDay(day), day).toBe(false);
    }
  });

  it('does not count New Year’s Eve, Christmas Eve or Palm Sunday as holidays', () => {
    for (const year of [2004, 2026]) {
      const days = publicHolidays(year);
      expect(days.has(`${year}-12-31`)).toBe(false);
      expect(days.has(`${year}-12-24`)).toBe(false);
    }
    expect(publicHolidays(2004).has('2004-04-04')).toBe(false);
    expect(publicHolidays(2026).has('2026-03-29')).toBe(false);
    expect(isWorkingDay('2004-12-24')).toBe(true); // a Friday
    expect(isWorkingDay('2004-12-31')).toBe(true); // a Friday
    expect(isWorkingDay('2026-12-31')).toBe(true); // a Thursday
  });

  it('steps over the Easter week in working days', () => {
    // Wednesday before Easter 2004 + 1 working day = the Tuesday after Easter Monday.
    expect(addWorkingDays('2004-04-07', 1)).toBe('2004-04-13');
    expect(addWorkingDays('2004-04-13', -1)).toBe('2004-04-07');
    expect(workingDaysBetween('2004-04-07', '2004-04-13')).toBe(1);
    expect(nextWorkingDayFrom('2004-04-08')).toBe('2004-04-13');
    // Ascension Thursday 2026 and the Whit Monday after it.
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
    expect(workingDaysBetween('2026-05-22', '2026-05-26')).toBe(1);
  });

  it('puts 09:00 in Oslo at 08:00Z in winter and 07:00Z in summer, across both DST weekends', () => {
    expect(atLocalTime('2004-03-26', '09:00', 'Europe/Oslo').toISOString()).toBe('2004-03-26T08:00:00.000Z');
    expect(atLocalTime('2004-03-29', '09:00', 'Europe/Oslo').toISOString()).toBe('2004-03-29T07:00:00.000Z');
    expect(atLocalTime('2026-10-23', '09:00', 'Europe/Oslo').toISOString()).toBe('2026-10-23T07:00:00.000Z');
    expect(atLocalTime('2026-10-26', '09:00', 'Europe/Oslo').toISOString()).toBe('2026-10-26T08:00:00.000Z');
    // The night the clocks go forward, 00:30Z is already 02:30 local on the same day.
    expect(localDay(new Date('2004-03-28T00:30:00Z'), 'Europe/Oslo')).toBe('2004-03-28');
    expect(localDay(new Date('2004-03-28T22:30:00Z'), 'Europe/Oslo')).toBe('2004-03-29');
  });
});
