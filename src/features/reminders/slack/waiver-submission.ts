import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { LocalDay } from '../../../kernel/calendar/calendar.js';
import type { Deps } from '../../../kernel/deps.js';
import { messages } from '../../../kernel/i18n/index.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { findPerson, type PersonWithAgency } from '../../../kernel/people/people.js';
import { formatDueDay } from '../../../kernel/text/dates.js';
import { clip, escapeMrkdwn } from '../../../kernel/text/format.js';
import { dueSettingsFrom } from '../../plan/index.js';
import { decodeReminderButton, ids } from '../contract.js';
import { checkResponder, type PairLabel, waivePeriod } from '../reminder-responses.js';
import { WAIVER_REASON_MAX } from '../views/reminder-waiver-modal.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The reason input as submitted; any other shape reads as no reason. */
const reasonInput = z.looseObject({ value: z.string().nullish() });

/**
 * The "ikke aktuelt" modal's submission: everything is read back and checked
 * again (private_metadata is the client's to forge); a problem is shown on
 * the reason field and nothing is written.
 */
export function registerWaiverSubmission(app: App, deps: Deps): void {
  app.view<ViewSubmitAction>(ids.views.reminderWaiver, async ({ ack, body, view, client }: Args) => {
    let outcome: Outcome;
    try {
      outcome = await record(deps, body.user.id, view);
    } catch (error) {
      // The modal stays open with the reason typed, so the user can simply try again.
      deps.logger.error({ err: error, user: body.user.id }, 'could not record "ikke aktuelt"');
      const person = await findPerson(deps.prisma, body.user.id).catch(() => null);
      outcome = { ok: false, error: messages(person?.language ?? 'nb').common.somethingWentWrong };
    }
    if (!outcome.ok)
      return ack({ response_action: 'errors', errors: { [ids.blocks.reminders.reason]: outcome.error } });
    await ack();
    const { person, label, reason, nextDueDay } = outcome;
    const t = messages(person.language).reminders;
    const measure = t.measure(label.measureNumber, titleIn(person.language, label));
    const agency = person.language === 'nb' ? label.agencyNameNb : label.agencyNameEn;
    const text = t.waiverSaved(
      measure,
      agency,
      clip(escapeMrkdwn(reason).replace(/\n/gu, ' '), 600),
      formatDueDay(nextDueDay, person.language),
    );
    await client.chat.postMessage({
      channel: body.user.id,
      text,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    });
  });
}

type Outcome =
  | { ok: false; error: string }
  | { ok: true; person: PersonWithAgency; label: PairLabel; reason: string; nextDueDay: LocalDay };

/** Checks the submission and records the waiver; a refusal names what is wrong, in the user's language. */
async function record(deps: Deps, slackId: string, view: ViewSubmitAction['view']): Promise<Outcome> {
  const person = await findPerson(deps.prisma, slackId);
  const t = messages(person?.language ?? 'nb').reminders;
  const refuse = (error: string): Outcome => ({ ok: false, error });
  const pair = decodeReminderButton(view.private_metadata);
  const reason =
    reasonInput
      .safeParse(view.state.values[ids.blocks.reminders.reason]?.[ids.actions.reminders.reason])
      .data?.value?.trim() ?? '';
  if (person === null) return refuse(t.notRegistered);
  if (pair === null) return refuse(t.stale);
  if (reason === '') return refuse(t.waiverRequired);
  if (reason.length > WAIVER_REASON_MAX) return refuse(t.waiverTooLong(WAIVER_REASON_MAX));
  const check = await checkResponder(deps.prisma, person, pair.measureId, pair.agencyId);
  if (!check.ok) return refuse(check.reason === 'no_pair' ? t.stale : t.notYours);
  const settings = dueSettingsFrom(deps.config);
  const result = await waivePeriod(deps.prisma, settings, {
    person,
    measureId: pair.measureId,
    agencyId: pair.agencyId,
    period: pair.period,
    reason,
    at: deps.clock.now(),
  });
  if (!result.ok) return refuse(t.stale);
  return { ok: true, person, label: check.pair, reason, nextDueDay: result.nextDueDay };
}
