import type { KnownBlock } from '@slack/types';
import type { Update } from '../../../generated/prisma/client.js';
import { dayOf } from '../../../kernel/calendar/calendar.js';
import {
  clipMrkdwn,
  formatDay,
  formatKroner,
  measureTitle,
  statusText,
  type ViewLocale,
} from '../../../kernel/text/format.js';
import { ids } from '../contract.js';

export interface ConfirmationData {
  update: Update;
  measure: { number: number; titleNb: string; titleEn: string };
  agencyCode: string;
  editWindowDays: number;
}

/** The DM after a save: a summary of what was stored and a "Rediger" button. */
export function updateConfirmation(loc: ViewLocale, data: ConfirmationData): { text: string; blocks: KnownBlock[] } {
  const { m, lang } = loc;
  const { update, measure, agencyCode } = data;
  const title = clipMrkdwn(measureTitle(lang, measure), 300);
  const headline =
    update.version === 1
      ? m.updates.saved(measure.number, title, agencyCode)
      : m.updates.edited(measure.number, title, agencyCode, update.version);
  const facts = [
    statusText(m, update.status),
    ...(update.progress === null ? [] : [m.measureViews.progress(update.progress)]),
    m.measureViews.period(formatDay(m, lang, dayOf(update.periodDate))),
    ...(update.spendNok === null ? [] : [m.measureViews.spend(formatKroner(lang, update.spendNok))]),
  ].join(' · ');
  const body = [
    `*${m.measureViews.done}:* ${clipMrkdwn(update.done, 1200)}`,
    ...(update.challenges === null ? [] : [`*${m.measureViews.challenges}:* ${clipMrkdwn(update.challenges, 700)}`]),
    ...(update.nextSteps === null ? [] : [`*${m.measureViews.nextSteps}:* ${clipMrkdwn(update.nextSteps, 700)}`]),
  ].join('\n');
  const notes = [
    m.updates.editWindow(data.editWindowDays),
    ...(update.onBehalf ? [m.updates.onBehalf(agencyCode)] : []),
  ].join(' ');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: headline } },
    { type: 'section', text: { type: 'mrkdwn', text: `${facts}\n${body}` } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ids.actions.updates.edit,
          text: { type: 'plain_text', text: m.measureViews.editButton },
          value: update.seriesId,
        },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: notes }] },
  ];
  return { text: headline, blocks };
}
