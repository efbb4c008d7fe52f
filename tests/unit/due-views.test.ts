import { describe, expect, it } from 'vitest';
import { ids } from '../../src/features/reminders/contract.js';
import { STEP } from '../../src/features/reminders/ladder.js';
import { failureNoticeMessage } from '../../src/features/reminders/views/reminder-failure.js';
import { type PairReminder, pairReminderMessage } from '../../src/features/reminders/views/reminder-pair.js';
import { roundNoticeMessage } from '../../src/features/reminders/views/reminder-round.js';
import { overdueSummaryMessage } from '../../src/features/reminders/views/reminder-summary.js';
import { waiverModal } from '../../src/features/reminders/views/reminder-waiver-modal.js';
import { messages } from '../../src/kernel/i18n/index.js';
import { checkBlockKit } from '../rig/block-kit-limits.js';

const nb = messages('nb');
const en = messages('en');
const long = 'Et svært langt tittelord '.repeat(20).trim();
const reminder: PairReminder = {
  step: STEP.teamLead,
  repeat: false,
  measure: { id: 4, number: 12, titleNb: 'Trygge steder', titleEn: 'Safe places' },
  agency: { id: 2, nameNb: 'Barne- og familiedepartementet', nameEn: 'Ministry of Children' },
  period: 'd2004-03-15',
  dueDay: '2004-03-15',
  overdueDays: 3,
  inRound: false,
  lastReportedDay: '2004-03-01',
  contacts: ['U0OLA001', 'U0UNA001'],
  standingInFor: [{ absent: 'U0OLA001', untilDay: '2004-03-19', kind: 'team_lead' }],
};
const text = (blocks: unknown) => JSON.stringify(blocks);

describe('the reminder views', () => {
  it('name the measure, the agency, the contacts and how late it is in a team lead’s DM, with the three buttons', () => {
    const message = pairReminderMessage(nb, 'nb', reminder);
    expect(checkBlockKit('message', message)).toEqual([]);
    expect(text(message.blocks)).toContain('*Tiltak 12 – Trygge steder* (Barne- og familiedepartementet)');
    expect(text(message.blocks)).toContain('er nå 3 arbeidsdager forsinket');
    expect(text(message.blocks)).toContain('Kontaktpersoner: <@U0OLA001>, <@U0UNA001>.');
    expect(text(message.blocks)).toContain('fordi <@U0OLA001> er borte til og med fredag 19. mars 2004');
    for (const id of [ids.actions.reminders.updateNow, ids.actions.reminders.snooze, ids.actions.reminders.waive])
      expect(text(message.blocks)).toContain(id);
    expect(message.text).toBe(
      'Tiltak 12 – Trygge steder (Barne- og familiedepartementet): Statusoppdateringen fra Barne- og familiedepartementet var ventet mandag 15. mars 2004 og er nå 3 arbeidsdager forsinket.',
    );
  });

  it('speak English to those who chose it', () => {
    const message = pairReminderMessage(en, 'en', { ...reminder, step: STEP.overdue, standingInFor: [], repeat: true });
    expect(text(message.blocks)).toContain('The status update was due *Monday 15 March 2004* and has not arrived yet.');
    expect(text(message.blocks)).toContain('You asked me to remind you again today.');
  });

  it('keep a weekly summary of 500 overdue pairs within Slack’s limits, saying how many were left out', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({
      measure: { number: i + 1, titleNb: long, titleEn: long },
      agencyCode: 'BFD',
      dueDay: '2004-03-01',
      overdueDays: 30 - (i % 20),
      contacts: ['U0OLA001', 'U0UNA001', 'U0KARI01', 'U0PER001'],
    }));
    const message = overdueSummaryMessage(nb, 'nb', { week: '2004-W14', threshold: 7, rows });
    expect(checkBlockKit('message', message)).toEqual([]);
    expect(text(message.blocks)).toContain('500 oppdateringer er minst 7 arbeidsdager forsinket');
    expect(text(message.blocks)).toContain('… og 100 til.');
  });

  it('keep a round notice for a contact of 60 measures within Slack’s limits', () => {
    const pairs = Array.from({ length: 60 }, (_, i) => ({
      measure: { id: i + 1, number: i + 1, titleNb: long, titleEn: long },
      agency: { id: 1, code: 'JD' },
    }));
    const message = roundNoticeMessage(nb, 'nb', { roundId: 3, deadlineDay: '2004-04-30', pairs, standingInFor: [] });
    expect(checkBlockKit('message', message)).toEqual([]);
    expect(text(message.blocks)).toContain('og 20 tiltak til');
  });

  it('show only a clean error code in a failure notice', () => {
    const message = failureNoticeMessage(nb, 'nb', {
      failedRecipient: 'U0UNA001',
      code: 'user_not_found<script>',
      pair: null,
    });
    expect(message.text).toContain('Slack svarte `user_not_foundscript`');
  });

  it('build a valid "ikke aktuelt" modal that carries the pair in private_metadata', () => {
    const label = {
      measureNumber: 12,
      titleNb: long,
      titleEn: long,
      agencyCode: 'BFD',
      agencyNameNb: 'BFD',
      agencyNameEn: 'BFD',
    };
    const modal = waiverModal(nb, 'nb', label, '{"m":4,"a":2,"n":12,"p":"d2004-03-15"}');
    expect(checkBlockKit('modal', modal)).toEqual([]);
    expect(modal).toMatchObject({
      callback_id: ids.views.reminderWaiver,
      private_metadata: '{"m":4,"a":2,"n":12,"p":"d2004-03-15"}',
    });
  });
});
