import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { publicHolidays } from '../../src/kernel/calendar/holidays.js';

describe('the Norwegian public holidays Tiltak works out itself', () => {
  it('are those of the date-holidays package, every year from 1950 to 2200', () => {
    const reference = new Holidays('NO');
    for (let year = 1950; year <= 2200; year++) {
      // A day can hold two holidays (Whit Sunday on 17 May in 1959): compare the days.
      const theirs = [
        ...new Set(
          reference
            .getHolidays(year)
            .filter((h) => h.type === 'public')
            .map((h) => h.date.slice(0, 10)),
        ),
      ].sort();
      expect([...publicHolidays(year)].sort(), String(year)).toEqual(theirs);
    }
  });
});
