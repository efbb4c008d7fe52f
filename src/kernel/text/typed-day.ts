import type { LocalDay } from '../calendar/calendar.js';

/**
 * A calendar day as people type it, in every command: 2004-05-03, 3.5.2004
 * (or 03.05.04), or 3.5 for that day this year. Returns null for anything
 * else, including days that do not exist (31.4.2004).
 */
export function parseDay(text: string, today: LocalDay): LocalDay | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.?(\d{2}|\d{4})?$/u.exec(text);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) {
    const year = dotted[3];
    y = year === undefined ? Number(today.slice(0, 4)) : year.length === 2 ? 2000 + Number(year) : Number(year);
    [m, d] = [Number(dotted[2]), Number(dotted[1])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
