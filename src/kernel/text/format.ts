import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { nb } from 'date-fns/locale/nb';
import { type LocalDay, localDay } from '../calendar/calendar.js';
import type { Deps } from '../deps.js';
import { type Lang, type Messages, messages } from '../i18n/index.js';
import { nameIn, titleIn } from '../i18n/localized.js';
import { type RolledStatus, STATUS_EMOJI } from '../status.js';

// Shared formatting for the updates area's views: pure, no Slack calls.

const LOCALES = { nb, en: enGB } as const;

/** What every view of the updates area needs to speak to one user. */
export interface ViewLocale {
  m: Messages;
  lang: Lang;
  /** The plan's time zone: instants are shown as its calendar days. */
  timeZone: string;
}

export function viewLocale(deps: Pick<Deps, 'config'>, lang: Lang): ViewLocale {
  return { m: messages(lang), lang, timeZone: deps.config.TZ_PLAN };
}

export function formatInstant(loc: ViewLocale, instant: Date): string {
  return formatDay(loc.m, loc.lang, localDay(instant, loc.timeZone));
}

export function formatDay(m: Messages, lang: Lang, day: LocalDay): string {
  return format(new Date(`${day}T12:00:00Z`), m.measureViews.dateFormat, { locale: LOCALES[lang] });
}

/** Whole kroner grouped in thousands: "12 500" (nb, with a no-break space) or "12,500" (en). */
export function formatKroner(lang: Lang, amount: bigint): string {
  const separator = lang === 'nb' ? '\u00a0' : ',';
  return amount.toString().replace(/\B(?=(\d{3})+(?!\d))/gu, separator);
}

/** Cuts text to fit a Block Kit limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Keeps user text from breaking out of mrkdwn: Slack's three control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** A word the user typed, safe to quote back: cut to 40 characters, then escaped. */
export function quote(word: string): string {
  return escapeMrkdwn(clip(word, 40));
}

/** User text for mrkdwn, escaped first and then cut, so the limit holds and no entity is split. */
export function clipMrkdwn(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  return `${escaped
    .slice(0, Math.max(0, max - 1))
    .replace(/&[a-z]*$/u, '')
    .trimEnd()}…`;
}

export function statusText(m: Messages, status: RolledStatus): string {
  return `${STATUS_EMOJI[status]} ${m.status[status]}`;
}

/** The per-agency breakdown shown beside a rolled-up status: "JD 🟢 · BFD 🟡 · UDI ❔". */
export function breakdown(agencies: readonly { code: string; latest: { status: RolledStatus } | null }[]): string {
  return agencies.map((a) => `${a.code} ${STATUS_EMOJI[a.latest?.status ?? 'NO_REPORT']}`).join(' · ');
}

export const measureTitle = titleIn;
export const agencyName = nameIn;
