import type { KnownBlock } from '@slack/types';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import type { LadderSettings, PairRow } from '../../plan/index.js';
import { failureNoticeMessage } from '../views/reminder-failure.js';
import { pairReminderMessage } from '../views/reminder-pair.js';
import { roundNoticeMessage } from '../views/reminder-round.js';
import { overdueSummaryMessage } from '../views/reminder-summary.js';
import type { ReminderContent } from './reminders-content.js';

const measureOf = (p: PairRow) => ({ id: p.measureId, number: p.number, titleNb: p.titleNb, titleEn: p.titleEn });

/** Picks the view for a recorded message and fills it in the recipient's language. */
export function renderReminder(
  content: ReminderContent,
  lang: Lang,
  s: LadderSettings,
): { text: string; blocks: KnownBlock[] } {
  const m = messages(lang);
  switch (content.kind) {
    case 'pair':
      return pairReminderMessage(m, lang, {
        step: content.step,
        repeat: content.repeat,
        measure: measureOf(content.pair),
        agency: { id: content.pair.agencyId, nameNb: content.pair.agencyNameNb, nameEn: content.pair.agencyNameEn },
        period: content.due.period,
        dueDay: content.due.dueDay,
        overdueDays: content.overdueDays,
        inRound: content.due.roundId !== null,
        lastReportedDay: content.lastReportedDay,
        contacts: content.contacts,
        standingInFor: content.standingInFor,
      });
    case 'round':
      return roundNoticeMessage(m, lang, {
        roundId: content.roundId,
        deadlineDay: content.deadlineDay,
        pairs: content.pairs.map((p) => ({ measure: measureOf(p), agency: { id: p.agencyId, code: p.agencyCode } })),
        standingInFor: content.standingInFor,
      });
    case 'summary':
      return overdueSummaryMessage(m, lang, {
        week: content.week,
        threshold: s.coordinatorDays,
        rows: content.rows.map((r) => ({
          measure: measureOf(r.pair),
          agencyCode: r.pair.agencyCode,
          dueDay: r.dueDay,
          overdueDays: r.overdueDays,
          contacts: r.contacts,
        })),
      });
    case 'failure':
      return failureNoticeMessage(m, lang, {
        failedRecipient: content.failedRecipient,
        code: content.code,
        pair: content.pair === null ? null : { ...measureOf(content.pair), agencyCode: content.pair.agencyCode },
      });
  }
}
