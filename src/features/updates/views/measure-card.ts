import type { KnownBlock, SectionBlock } from '@slack/types';
import { dayOf } from '../../../kernel/calendar/calendar.js';
import {
  agencyName,
  breakdown,
  clip,
  clipMrkdwn,
  formatDay,
  formatInstant,
  formatKroner,
  measureTitle,
  statusText,
  type ViewLocale,
} from '../../../kernel/text/format.js';
import { encodeOpen, ids } from '../contract.js';
import type { CardAgency, MeasureCard } from '../measure-card.js';

/** Agencies shown on a card; a measure with more is unheard of, but the message must still fit 50 blocks. */
const MAX_AGENCIES = 20;

/** `/tiltak <nr>`: title, focus area, each responsible agency's latest status and update, next due date. */
export function measureCardMessage(loc: ViewLocale, card: MeasureCard): { text: string; blocks: KnownBlock[] } {
  const { m, lang } = loc;
  const v = m.measureViews;
  const { measure, status } = card;
  const title = v.measureTitle(measure.number, measureTitle(lang, measure));
  const area =
    measure.focusArea === null
      ? v.noFocusArea
      : v.focusArea(measure.focusArea.number, measureTitle(lang, measure.focusArea));
  const facts = [
    clipMrkdwn(area, 500),
    ...(measure.deadline === null ? [] : [v.deadline(formatDay(m, lang, dayOf(measure.deadline)))]),
  ];
  const rolled =
    status.agencies.length > 1
      ? `${statusText(m, status.rolled)} (${clip(breakdown(status.agencies), 1000)})`
      : statusText(m, status.rolled);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title, 150), emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: facts.join(' · ') }] },
  ];
  if (measure.description)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(measure.description, 1500) } });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: v.rolledUp(rolled) } }, { type: 'divider' });
  for (const agency of card.agencies.slice(0, MAX_AGENCIES)) blocks.push(...agencyBlocks(loc, measure.number, agency));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: v.historyHint(measure.number) }] });
  return { text: `${title}: ${m.status[status.rolled]}`, blocks };
}

function agencyBlocks(loc: ViewLocale, measureNumber: number, row: CardAgency): KnownBlock[] {
  const { m, lang } = loc;
  const v = m.measureViews;
  const { status: agency } = row;
  const latest = agency.latest;
  const lines = [
    `*${clipMrkdwn(agencyName(lang, agency), 200)} (${agency.code})* – ${agency.role === 'LEAD' ? v.lead : v.partner}`,
  ];
  if (latest === null) lines.push(v.noReport);
  else {
    const facts = [statusText(m, latest.status), ...(latest.progress === null ? [] : [v.progress(latest.progress)])];
    const by = v.updatedBy(formatInstant(loc, latest.createdAt), clipMrkdwn(row.authorName ?? '?', 100));
    lines.push(`${facts.join(' · ')} · ${by}${latest.onBehalf ? ` (${v.onBehalf(agency.code)})` : ''}`);
    lines.push(`*${v.done}:* ${clipMrkdwn(latest.done, 800)}`);
    if (latest.challenges !== null) lines.push(`*${v.challenges}:* ${clipMrkdwn(latest.challenges, 500)}`);
    if (latest.nextSteps !== null) lines.push(`*${v.nextSteps}:* ${clipMrkdwn(latest.nextSteps, 500)}`);
    const period = [
      v.period(formatDay(m, lang, dayOf(latest.periodDate))),
      ...(latest.spendNok === null ? [] : [v.spend(formatKroner(lang, latest.spendNok))]),
    ];
    lines.push(period.join(' · '));
  }
  const due = [
    ...(row.nextDueDay === null ? [] : [v.nextDue(formatDay(m, lang, row.nextDueDay))]),
    ...(row.overdueWorkingDays > 0 ? [v.overdueBy(row.overdueWorkingDays)] : []),
  ];
  if (due.length > 0) lines.push(capitalise(due.join(' · ')));
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } };
  if (row.mayUpdate) {
    block.accessory = {
      type: 'button',
      action_id: ids.actions.updates.open,
      text: { type: 'plain_text', text: v.updateButton },
      value: encodeOpen({ m: measureNumber, a: agency.agencyId }),
    };
  }
  const blocks: KnownBlock[] = [block];
  if (row.editable !== null) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ids.actions.updates.edit,
          text: { type: 'plain_text', text: v.editButton },
          value: row.editable,
        },
      ],
    });
  }
  return blocks;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
