import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { messages } from '../../i18n/index.js';
import { dueSettingsFrom } from '../../services/due-dates.js';
import { findPerson } from '../../services/people.js';
import { checkResponder, waivePeriod } from '../../services/reminder-responses.js';
import { formatDueDay } from '../../views/reminder-dates.js';
import { WAIVER_REASON_MAX } from '../../views/reminder-waiver-modal.js';
import { clip, escapeMrkdwn } from '../../views/measure-format.js';
import { ids } from '../ids.js';
import { decodeReminderButton } from './button-value.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The "ikke aktuelt" modal's submission: everything is read back and checked
 * again (private_metadata is the client's to forge); a problem is shown on
 * the reason field and nothing is written.
 */
export function registerWaiverSubmission(app: App, deps: Deps): void {
  app.view<ViewSubmitAction>(ids.views.reminderWaiver, async ({ ack, body, view, client }: Args) => {
    const person = await findPerson(deps.prisma, body.user.id);
    const m = messages(person?.language ?? 'nb');
    const t = m.reminders;
    const fieldError = (text: string) => ack({ response_action: 'errors', errors: { [ids.blocks.reminders.reason]: text } });
    const pair = decodeReminderButton(view.private_metadata);
    const reason = (view.state.values[ids.blocks.reminders.reason]?.[ids.actions.reminders.reason]?.value ?? '').trim();
    if (person === null) return fieldError(t.notRegistered);
    if (pair === null) return fieldError(t.stale);
    if (reason === '') return fieldError(t.waiverRequired);
    if (reason.length > WAIVER_REASON_MAX) return fieldError(t.waiverTooLong(WAIVER_REASON_MAX));
    const check = await checkResponder(deps.prisma, person, pair.measureId, pair.agencyId);
    if (!check.ok) return fieldError(check.reason === 'no_pair' ? t.stale : t.notYours);
    const settings = dueSettingsFrom(deps.config);
    let result;
    try {
      result = await waivePeriod(deps.prisma, settings, { person, measureId: pair.measureId, agencyId: pair.agencyId, period: pair.period, reason, at: deps.clock.now() });
    } catch (error) {
      // The modal stays open with the reason typed, so the user can simply try again.
      deps.logger.error({ err: error, user: body.user.id }, 'could not record "ikke aktuelt"');
      return fieldError(m.common.somethingWentWrong);
    }
    if (!result.ok) return fieldError(t.stale);
    await ack();
    const label = check.pair;
    const measure = t.measure(label.measureNumber, person.language === 'nb' ? label.titleNb : label.titleEn);
    const agency = person.language === 'nb' ? label.agencyNameNb : label.agencyNameEn;
    const text = t.waiverSaved(measure, agency, clip(escapeMrkdwn(reason).replace(/\n/gu, ' '), 600), formatDueDay(result.nextDueDay, person.language));
    await client.chat.postMessage({ channel: body.user.id, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  });
}
