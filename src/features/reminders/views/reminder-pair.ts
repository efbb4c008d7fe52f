import type { KnownBlock } from '@slack/types';
import type { LocalDay } from '../../../kernel/calendar/calendar.js';
import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { nameIn, titleIn } from '../../../kernel/i18n/localized.js';
import { formatDueDay, mention } from '../../../kernel/text/dates.js';
import { encodeReminderButton, ids } from '../contract.js';
import { type PairStep, STEP } from '../ladder.js';
import type { StandIn } from '../ladder-routing.js';

export interface PairReminder {
  step: PairStep;
  repeat: boolean;
  measure: { id: number; number: number; titleNb: string; titleEn: string };
  agency: { id: number; nameNb: string; nameEn: string };
  period: string;
  dueDay: LocalDay;
  overdueDays: number;
  /** Set when the due day is a reporting round's deadline. */
  inRound: boolean;
  lastReportedDay: LocalDay | null;
  contacts: string[];
  standingInFor: StandIn[];
}

/** Steps 1–3: one pair, what is due or late, and the three answers a recipient can give. */
export function pairReminderMessage(m: Messages, lang: Lang, r: PairReminder): { text: string; blocks: KnownBlock[] } {
  const t = m.reminders;
  const due = formatDueDay(r.dueDay, lang);
  const agency = nameIn(lang, r.agency);
  const measure = t.measure(r.measure.number, titleIn(lang, r.measure));
  const lead =
    r.step === STEP.dueSoon
      ? t.dueSoon(due)
      : r.step === STEP.overdue
        ? t.overdue(due)
        : t.teamLead(agency, due, r.overdueDays);
  const notes: string[] = [];
  if (r.repeat) notes.push(t.repeat);
  for (const s of r.standingInFor) {
    const until = formatDueDay(s.untilDay, lang);
    notes.push(
      s.kind === 'substitute' ? t.substituteFor(mention(s.absent), until) : t.teamLeadFor(mention(s.absent), until),
    );
  }
  if (r.step === STEP.teamLead)
    notes.push(r.contacts.length > 0 ? t.contacts(r.contacts.map(mention).join(', ')) : t.noContacts);
  if (r.inRound) notes.push(t.inRound(due));
  notes.push(r.lastReportedDay === null ? t.noReport : t.lastReport(formatDueDay(r.lastReportedDay, lang)));
  const value = encodeReminderButton({
    measureId: r.measure.id,
    agencyId: r.agency.id,
    measureNumber: r.measure.number,
    period: r.period,
  });
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${measure}* (${agency})\n${lead}` } },
    { type: 'context', elements: notes.map((text) => ({ type: 'mrkdwn' as const, text })) },
    {
      type: 'actions',
      block_id: ids.blocks.reminders.buttons,
      elements: [
        {
          type: 'button',
          style: 'primary',
          action_id: ids.actions.reminders.updateNow,
          text: { type: 'plain_text', text: t.updateNow },
          value,
        },
        {
          type: 'button',
          action_id: ids.actions.reminders.snooze,
          text: { type: 'plain_text', text: t.snooze },
          value,
        },
        { type: 'button', action_id: ids.actions.reminders.waive, text: { type: 'plain_text', text: t.waive }, value },
      ],
    },
  ];
  return { text: `${measure} (${agency}): ${lead.replace(/^:[a-z_]+: /u, '').replace(/\*/gu, '')}`, blocks };
}
