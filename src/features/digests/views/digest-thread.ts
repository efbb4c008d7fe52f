import type { KnownBlock, SectionBlock } from '@slack/types';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { STATUS_EMOJI } from '../../../kernel/status.js';
import { escapeMrkdwn } from '../../../kernel/text/format.js';
import { ids } from '../contract.js';
import { formatShortDate, trimText } from '../format.js';
import type { Digest, DigestMeasure, DigestUpdate } from '../model.js';
import type { SlackMessage } from './digest-main.js';

/** Below Slack's 50 blocks, leaving room for a "continued" line. */
export const MAX_BLOCKS_PER_REPLY = 45;
/** Kept well under what Slack accepts in one message, so a reply is never refused as too long. */
const MAX_CHARS_PER_REPLY = 12_000;
const TEXT_TRIM = 280;
const TITLE_TRIM = 400;
const SECTION_LIMIT = 3000;

interface Unit {
  /** The measure the block belongs to; a reply that starts mid-measure says so. */
  measure: number | null;
  block: KnownBlock;
  chars: number;
}

const mrkdwnSection = (text: string): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: trimText(text, SECTION_LIMIT).text },
});

function updateBlock(u: DigestUpdate, lang: Lang, timeZone: string): SectionBlock {
  const m = messages(lang);
  const done = trimText(u.done, TEXT_TRIM);
  const challenges = u.challenges ? trimText(u.challenges, TEXT_TRIM) : null;
  const by = m.digest.updateBy(
    escapeMrkdwn(u.agencyCode),
    escapeMrkdwn(u.authorName),
    formatShortDate(u.createdAt, lang, timeZone),
  );
  const status = [
    `${STATUS_EMOJI[u.status]} ${m.status[u.status]}`,
    ...(u.progress === null ? [] : [m.digest.progress(u.progress)]),
  ];
  const lines = [
    `${by}${u.onBehalf ? m.digest.onBehalf : ''}${u.version > 1 ? m.digest.edited : ''}`,
    status.join(' · '),
    `*${m.digest.done}:* ${escapeMrkdwn(done.text)}`,
    ...(challenges ? [`*${m.digest.challenges}:* ${escapeMrkdwn(challenges.text)}`] : []),
  ];
  const block = mrkdwnSection(lines.join('\n'));
  if (done.trimmed || challenges?.trimmed) {
    block.accessory = {
      type: 'button',
      action_id: ids.actions.digestReadUpdate,
      text: { type: 'plain_text', text: m.digest.readMore },
      value: String(u.id),
    };
  }
  return block;
}

function measureUnits(x: DigestMeasure, lang: Lang, timeZone: string): Unit[] {
  const m = messages(lang);
  const title = escapeMrkdwn(trimText(titleIn(lang, x), TITLE_TRIM).text);
  const change =
    x.before === x.after
      ? m.digest.statusSame(`${STATUS_EMOJI[x.after]} ${m.status[x.after]}`)
      : m.digest.statusChanged(
          `${STATUS_EMOJI[x.before]} ${m.status[x.before]}`,
          `${STATUS_EMOJI[x.after]} ${m.status[x.after]}`,
        );
  const blocks: KnownBlock[] = [mrkdwnSection(`${m.digest.measureHeading(x.number, title)}\n${change}`)];
  for (const u of x.updates) blocks.push(updateBlock(u, lang, timeZone));
  if (x.overdue.length > 0) {
    const items = x.overdue.map((o) => m.digest.workingDaysLate(escapeMrkdwn(o.code), o.overdueWorkingDays)).join(', ');
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: trimText(m.digest.overdueAgencies(items), SECTION_LIMIT).text }],
    });
  }
  return blocks.map((block) => ({ measure: x.number, block, chars: JSON.stringify(block).length }));
}

/** "Nothing new" names every quiet measure, in as many sections as the list needs. */
function quietUnits(digest: Digest, lang: Lang): Unit[] {
  const m = messages(lang);
  const items = digest.quiet.map((q) => {
    const overdue =
      q.overdue.length > 0 ? ` :alarm_clock: ${q.overdue.map((o) => escapeMrkdwn(o.code)).join(', ')}` : '';
    return `${m.digest.quietItem(q.number, m.status[q.status])}${overdue}`;
  });
  const units: Unit[] = [];
  let line: string[] = [];
  const flush = () => {
    if (line.length === 0) return;
    const block = mrkdwnSection(m.digest.quiet(line.join(', ')));
    units.push({ measure: null, block, chars: JSON.stringify(block).length });
    line = [];
  };
  for (const item of items) {
    if ([...line, item].join(', ').length > SECTION_LIMIT - 100) flush();
    line.push(item);
  }
  flush();
  return units;
}

/**
 * Pure: the thread under the main message, one section per measure that
 * changed or was updated, packed into as many replies as Slack's limits need.
 */
export function digestThreadReplies(digest: Digest, lang: Lang, timeZone: string): SlackMessage[] {
  const m = messages(lang);
  const units = [...digest.changed.flatMap((x) => measureUnits(x, lang, timeZone)), ...quietUnits(digest, lang)];
  const replies: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let chars = 0;
  let previous: Unit | null = null;
  for (const unit of units) {
    if (current.length > 0 && (current.length + 1 > MAX_BLOCKS_PER_REPLY || chars + unit.chars > MAX_CHARS_PER_REPLY)) {
      replies.push(current);
      current = [];
      chars = 0;
      if (unit.measure !== null && previous?.measure === unit.measure) {
        current.push({ type: 'context', elements: [{ type: 'mrkdwn', text: m.digest.continued(unit.measure) }] });
      }
    }
    current.push(unit.block);
    chars += unit.chars;
    previous = unit;
  }
  if (current.length > 0) replies.push(current);
  return replies.map((blocks, i) => ({ text: m.digest.replyFallback(i + 1, replies.length), blocks }));
}
