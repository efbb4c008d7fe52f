import { describe, expect, it } from 'vitest';
import { addDays, isWorkingDay, workingDaysBetween } from '../../src/kernel/calendar/calendar.js';

/** The definition, walked a day at a time. */
function walked(from: string, to: string): number {
  if (from === to) return 0;
  const [start, end, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return count * sign;
}

describe('working days between two days, counted rather than walked', () => {
  it('agrees with walking the calendar day by day, over ranges across weekends, Easter and years', () => {
    let seed = 20_031_001;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 2_000; i++) {
      const from = addDays('2002-06-01', next() % 3_000);
      const to = addDays(from, (next() % 900) - 300);
      expect(workingDaysBetween(from, to), `${from} → ${to}`).toBe(walked(from, to));
    }
  });

  it('counts every weekday start and end of a week around Easter and Christmas', () => {
    for (let a = 0; a < 14; a++) {
      for (let b = 0; b < 14; b++) {
        for (const base of ['2004-04-03', '2004-12-20', '2026-03-28', '2025-12-27']) {
          const from = addDays(base, a);
          const to = addDays(base, b);
          expect(workingDaysBetween(from, to), `${from} → ${to}`).toBe(walked(from, to));
        }
      }
    }
  });
});
