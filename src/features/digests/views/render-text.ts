import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { formatDayRange, formatShortDate, trimText, weekNumber } from '../format.js';
import type { Digest, DigestMeasure } from '../model.js';
import { chartAltText } from './digest-chart.js';
import { CHART_STATUS_ORDER } from './status-chart-spec.js';

const TEXT_TRIM = 280;

/** The catalogue's strings are mrkdwn; a terminal wants them without bold stars and emoji codes. */
const plain = (text: string) =>
  text
    .replace(/\*/g, '')
    .replace(/:[a-z_]+: ?/g, '')
    .trim();

function delta(now: number, before: number): string {
  const d = now - before;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0';
}

function measureLines(x: DigestMeasure, lang: Lang, timeZone: string): string[] {
  const m = messages(lang);
  const title = titleIn(lang, x);
  const lines = [`── ${plain(m.digest.measureHeading(x.number, title))}`];
  lines.push(
    `   ${x.before === x.after ? m.digest.statusSame(m.status[x.after]) : m.digest.statusChanged(m.status[x.before], m.status[x.after])}`,
  );
  for (const u of x.updates) {
    const by = `${u.agencyCode} – ${u.authorName}, ${formatShortDate(u.createdAt, lang, timeZone)}`;
    lines.push(`   ${by}${u.onBehalf ? m.digest.onBehalf : ''}${u.version > 1 ? m.digest.edited : ''}`);
    lines.push(
      `     ${[m.status[u.status], ...(u.progress === null ? [] : [m.digest.progress(u.progress)])].join(' · ')}`,
    );
    lines.push(`     ${m.digest.done}: ${trimText(u.done, TEXT_TRIM).text}`);
    if (u.challenges) lines.push(`     ${m.digest.challenges}: ${trimText(u.challenges, TEXT_TRIM).text}`);
  }
  if (x.overdue.length > 0) {
    lines.push(
      `   ${plain(m.digest.overdueAgencies(x.overdue.map((o) => m.digest.workingDaysLate(o.code, o.overdueWorkingDays)).join(', ')))}`,
    );
  }
  return lines;
}

/** Pure: the digest as a terminal shows it (npm run digest:preview), same content as the Slack messages. */
export function renderDigestText(digest: Digest, lang: Lang, timeZone: string, channel: string | null): string {
  const m = messages(lang);
  const week = weekNumber(digest.period.week);
  const range = formatDayRange(digest.period.firstDay, digest.period.lastDay, lang);
  const title = m.digest.header(digest.area.number, titleIn(lang, digest.area));
  const out = [title, '='.repeat(Math.min(title.length, 72))];
  out.push(digest.period.partial ? m.digest.periodSoFar(week, range) : m.digest.period(week, range));
  if (channel !== null) out.push(`Slack: #${channel}`);
  out.push('');
  if (digest.measureCount === 0) {
    out.push(m.digest.noMeasures);
  } else {
    out.push(plain(m.digest.statusHeading(digest.measureCount)));
    const shown = CHART_STATUS_ORDER.filter((s) => digest.counts[s] > 0 || digest.previousCounts[s] > 0);
    const width = Math.max(...shown.map((s) => m.status[s].length));
    for (const s of shown) {
      out.push(
        `  ${m.status[s].padEnd(width)}  ${String(digest.counts[s]).padStart(3)}  (${delta(digest.counts[s], digest.previousCounts[s])})`,
      );
    }
  }
  out.push('', plain(m.digest.activity(digest.updateCount, digest.overduePairs)), '');
  out.push(`${m.digest.chartLabel}: ${chartAltText(digest, lang)}`, '');
  for (const x of digest.changed) out.push(...measureLines(x, lang, timeZone), '');
  if (digest.quiet.length > 0) {
    const items = digest.quiet.map(
      (q) =>
        `${m.digest.quietItem(q.number, m.status[q.status])}${q.overdue.length > 0 ? ` ⏰ ${q.overdue.map((o) => o.code).join(', ')}` : ''}`,
    );
    out.push(plain(m.digest.quiet(items.join(', '))));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
