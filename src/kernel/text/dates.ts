import type { LocalDay } from '../calendar/calendar.js';
import { type Lang, INTL_LOCALE as LOCALE, messages } from '../i18n/index.js';

/** 'fredag 19. mars 2004' / 'Friday 19 March 2004': a due day, written out so nobody misreads it. */
export function formatDueDay(day: LocalDay, lang: Lang): string {
  const text = new Intl.DateTimeFormat(LOCALE[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
  return text.replace(',', '');
}

/** 'tirsdag 20. april kl. 09:00' / 'Tuesday 20 April at 09:00': when a snoozed reminder comes back. */
export function formatReminderTime(instant: Date, lang: Lang, timeZone: string): string {
  const day = new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', day: 'numeric', month: 'long', timeZone })
    .format(instant)
    .replace(',', '');
  const time = new Intl.DateTimeFormat(LOCALE[lang], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(instant);
  return messages(lang).reminders.dayAtTime(day, time);
}

export const mention = (slackId: string): string => `<@${slackId}>`;
