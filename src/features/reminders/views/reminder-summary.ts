import type { KnownBlock } from '@slack/types';
import type { LocalDay } from '../../../kernel/calendar/calendar.js';
import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { formatDueDay, mention } from '../../../kernel/text/dates.js';

export interface SummaryRow {
  measure: { number: number; titleNb: string; titleEn: string };
  agencyCode: string;
  dueDay: LocalDay;
  overdueDays: number;
  contacts: string[];
}

/** Rows per section stay well inside Slack's 3,000 characters; sections stay inside 50 blocks. */
const ROWS_PER_SECTION = 10;
const MAX_ROWS = 400;

/** Step 4: the coordinators' weekly list of pairs that are seriously late, most late first. */
export function overdueSummaryMessage(
  m: Messages,
  lang: Lang,
  s: { week: string; threshold: number; rows: SummaryRow[] },
): { text: string; blocks: KnownBlock[] } {
  const t = m.reminders;
  const weekNo = Number(s.week.slice(s.week.indexOf('W') + 1));
  const lines = s.rows
    .slice(0, MAX_ROWS)
    .map((r) =>
      t.summaryRow(
        t.measure(r.measure.number, titleIn(lang, r.measure)).slice(0, 120),
        r.agencyCode,
        r.overdueDays,
        formatDueDay(r.dueDay, lang),
        r.contacts.length > 0 ? r.contacts.slice(0, 3).map(mention).join(', ') : t.nobody,
      ),
    );
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: t.summaryTitle(weekNo) } },
    { type: 'section', text: { type: 'mrkdwn', text: t.summaryIntro(s.rows.length, s.threshold) } },
  ];
  for (let i = 0; i < lines.length; i += ROWS_PER_SECTION) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.slice(i, i + ROWS_PER_SECTION).join('\n') } });
  }
  if (s.rows.length > lines.length)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.summaryMore(s.rows.length - lines.length) }] });
  return { text: `${t.summaryTitle(weekNo)}: ${t.summaryIntro(s.rows.length, s.threshold)}`, blocks };
}
