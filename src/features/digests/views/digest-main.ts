import type { KnownBlock } from '@slack/types';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { type RolledStatus, STATUS_EMOJI } from '../../../kernel/status.js';
import { escapeMrkdwn } from '../../../kernel/text/format.js';
import { formatDayRange, formatDueInstant, trimText, weekNumber } from '../format.js';
import type { Digest } from '../model.js';
import { CHART_STATUS_ORDER } from './status-chart-spec.js';

export interface MainMessageOptions {
  lang: Lang;
  timeZone: string;
  /** Set when the digest goes out after its due time because the bot was down. */
  lateDueAt?: Date | null;
  /** Slack user who asked for it with /rapport send. */
  requestedBy?: string | null;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const HEADER_LIMIT = 150;
const SECTION_LIMIT = 3000;
/** How many overdue measures the main message names before "and n more". */
const OVERDUE_NAMED = 15;

function delta(now: number, before: number): string {
  const d = now - before;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0';
}

/** Pure: the digest's main message (title, period, counts with changes, activity and overdue pairs). */
export function digestMainMessage(digest: Digest, options: MainMessageOptions): SlackMessage {
  const { lang } = options;
  const m = messages(lang);
  const title = titleIn(lang, digest.area);
  const week = weekNumber(digest.period.week);
  const range = formatDayRange(digest.period.firstDay, digest.period.lastDay, lang);
  const context = [digest.period.partial ? m.digest.periodSoFar(week, range) : m.digest.period(week, range)];
  if (options.lateDueAt) context.push(m.digest.late(formatDueInstant(options.lateDueAt, lang, options.timeZone)));
  if (options.requestedBy) context.push(m.digest.manual(options.requestedBy));

  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: trimText(m.digest.header(digest.area.number, title), HEADER_LIMIT).text,
        emoji: true,
      },
    },
    { type: 'context', elements: context.map((text) => ({ type: 'mrkdwn' as const, text })) },
  ];
  if (digest.measureCount === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: m.digest.noMeasures } });
  } else {
    const shown = CHART_STATUS_ORDER.filter((s) => digest.counts[s] > 0 || digest.previousCounts[s] > 0);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: m.digest.statusHeading(digest.measureCount) },
      fields: shown.map((s: RolledStatus) => ({
        type: 'mrkdwn' as const,
        text: `${STATUS_EMOJI[s]} ${m.status[s]}: *${digest.counts[s]}* (${delta(digest.counts[s], digest.previousCounts[s])})`,
      })),
    });
  }
  const activity = [m.digest.activity(digest.updateCount, digest.overduePairs)];
  const overdue = overdueSummary(digest, lang);
  if (overdue !== null) activity.push(overdue);
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: trimText(activity.join('\n'), SECTION_LIMIT).text } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: m.digest.threadHint }] });
  return { text: m.digest.fallback(digest.area.number, week, digest.updateCount, digest.overduePairs), blocks };
}

function overdueSummary(digest: Digest, lang: Lang): string | null {
  const m = messages(lang).digest;
  const measures = [...digest.changed, ...digest.quiet]
    .filter((x) => x.overdue.length > 0)
    .sort((a, b) => a.number - b.number);
  if (measures.length === 0) return null;
  const named = measures
    .slice(0, OVERDUE_NAMED)
    .map((x) => `${x.number} (${x.overdue.map((o) => escapeMrkdwn(o.code)).join(', ')})`);
  const rest = measures.length - named.length;
  return m.overdueList(rest > 0 ? `${named.join(', ')} ${m.overdueMore(rest)}` : named.join(', '));
}
