import type { KnownBlock } from '@slack/types';
import type { LocalDay } from '../../../kernel/calendar/calendar.js';
import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { formatDueDay, mention } from '../../../kernel/text/dates.js';
import { encodeReminderButton, ids } from '../contract.js';
import type { StandIn } from '../ladder-routing.js';

interface RoundNoticePair {
  measure: { id: number; number: number; titleNb: string; titleEn: string };
  agency: { id: number; code: string };
}

export interface RoundNotice {
  roundId: number;
  deadlineDay: LocalDay;
  pairs: RoundNoticePair[];
  standingInFor: StandIn[];
}

/** Leaves room for the header, intro, notes and the "and n more" line within Slack's 50 blocks. */
const MAX_PAIRS = 40;

/** Step 0: a round has opened; one DM per person, listing every pair they answer for, each with its own button. */
export function roundNoticeMessage(m: Messages, lang: Lang, n: RoundNotice): { text: string; blocks: KnownBlock[] } {
  const t = m.reminders;
  const deadline = formatDueDay(n.deadlineDay, lang);
  const shown = n.pairs.slice(0, MAX_PAIRS);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${t.roundTitle}*\n${t.roundIntro(deadline)}` } },
    ...shown.map(
      (p): KnownBlock => ({
        type: 'section',
        text: { type: 'mrkdwn', text: `• ${t.measure(p.measure.number, titleIn(lang, p.measure))} (${p.agency.code})` },
        accessory: {
          type: 'button',
          action_id: ids.actions.reminders.updateNow,
          text: { type: 'plain_text', text: t.updateNow },
          value: encodeReminderButton({
            measureId: p.measure.id,
            agencyId: p.agency.id,
            measureNumber: p.measure.number,
            period: `r${n.roundId}`,
          }),
        },
      }),
    ),
  ];
  const notes: string[] = [];
  if (n.pairs.length > shown.length) notes.push(t.roundMore(n.pairs.length - shown.length));
  for (const s of n.standingInFor) {
    const until = formatDueDay(s.untilDay, lang);
    notes.push(
      s.kind === 'substitute' ? t.substituteFor(mention(s.absent), until) : t.teamLeadFor(mention(s.absent), until),
    );
  }
  if (notes.length > 0)
    blocks.push({ type: 'context', elements: notes.slice(0, 10).map((text) => ({ type: 'mrkdwn' as const, text })) });
  const text = `${t.roundTitle.replace(/^:[a-z_]+: /u, '')}: ${t.roundIntro(deadline).replace(/\*/gu, '')} ${n.pairs.map((p) => p.measure.number).join(', ')}`;
  return { text, blocks };
}
