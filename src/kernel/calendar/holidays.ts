import type { LocalDay } from './calendar.js';

/** Days after Easter Sunday of the movable holidays in the Norwegian law on public holidays. */
const FROM_EASTER = [
  -3, // skjærtorsdag
  -2, // langfredag
  0, // første påskedag
  1, // andre påskedag
  39, // Kristi himmelfartsdag
  49, // første pinsedag
  50, // andre pinsedag
];

/** Fixed days: første nyttårsdag, 1. mai and 17. mai (by the 1947 law), første and andre juledag. */
const FIXED = ['01-01', '05-01', '05-17', '12-25', '12-26'];

/** Easter Sunday in the Gregorian calendar, by the anonymous algorithm (Meeus, Jones, Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const memo = new Map<number, ReadonlySet<LocalDay>>();

/**
 * Norwegian public holidays ("helligdager" and the two "høytidsdager"): not
 * Christmas Eve, New Year's Eve or Palm Sunday, which are working days.
 * Worked out here rather than by a package holding every country's rules,
 * which cost the bot some 25 MB of memory for one country.
 */
export function publicHolidays(year: number): ReadonlySet<LocalDay> {
  let days = memo.get(year);
  if (days === undefined) {
    const easter = easterSunday(year).getTime();
    const movable = FROM_EASTER.map((n) => new Date(easter + n * 86_400_000).toISOString().slice(0, 10));
    days = new Set([...FIXED.map((md) => `${String(year).padStart(4, '0')}-${md}`), ...movable]);
    memo.set(year, days);
  }
  return days;
}
