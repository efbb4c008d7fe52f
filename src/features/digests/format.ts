import type { LocalDay } from '../../kernel/calendar/calendar.js';
import { type Lang, INTL_LOCALE as LOCALE } from '../../kernel/i18n/index.js';

const noon = (day: LocalDay) => new Date(`${day}T12:00:00Z`);

export function weekNumber(week: string): number {
  return Number(week.slice(week.indexOf('W') + 1));
}

/** '23.–29. februar 2004' / '23 – 29 February 2004'. */
export function formatDayRange(first: LocalDay, last: LocalDay, lang: Lang): string {
  const format = new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return first === last ? format.format(noon(first)) : format.formatRange(noon(first), noon(last));
}

/** '23. feb.' in the plan's time zone: when an update was written. */
export function formatShortDate(instant: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', timeZone }).format(instant);
}

/** 'mandag 1. mars kl. 08:00': when a digest was due. */
export function formatDueInstant(instant: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(instant);
}

/** Shortens on a word boundary, so a trimmed sentence never ends mid-word. */
export function trimText(text: string, max: number): { text: string; trimmed: boolean } {
  const clean = text.trim();
  if (clean.length <= max) return { text: clean, trimmed: false };
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return { text: `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`, trimmed: true };
}
