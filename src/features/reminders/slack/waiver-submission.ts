import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { LocalDay } from '../../../kernel/calendar/calendar.js';
import { isDatabaseUnavailable } from '../../../kernel/db/errors.js';
import type { Deps } from '../../../kernel/deps.js';
import { messages } from '../../../kernel/i18n/index.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { findPerson, type PersonWithAgency } from '../../../kernel/people/people.js';
import { failureText } from '../../../kernel/slack/failure-text.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import type { SlackUserId } from '../../../kernel/slack/slack-user-id.js';
import { formatDueDay } from '../../../kernel/text/dates.js';
import { clip, escapeMrkdwn } from '../../../kernel/text/format.js';
import { hasVisibleCharacter, normaliseTypedText } from '../../../kernel/text/typed-text.js';
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
 * the reason field and nothing is written. Without a valid user, nothing is read at all.
 */
export function registerWaiverSubmission(app: TiltakBolt, deps: Deps): void {
  app.view<ViewSubmitAction>(ids.views.reminderWaiver, async ({ ack, body, view, client, context }: Args) => {
    const log = requestLogger(context, deps.logger);
    const userId = checkedUser(interactionUserId(body), log, ids.views.reminderWaiver);
    if (userId === null) return ack();
    let outcome: Outcome;
    try {
      outcome = await record(deps, userId, view);
    } catch (error) {
      // The modal stays open with the reason typed, so the user can simply try again.
      log.error({ err: error, user: userId }, 'could not record "ikke aktuelt"');
      const person = isDatabaseUnavailable(error) ? null : await findPerson(deps, userId).catch(() => null);
      outcome = { ok: false, error: failureText(deps, userId, error, person?.language) };
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
      channel: userId,
      text,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    });
  });
}

type Outcome =
  | { ok: false; error: string }
  | { ok: true; person: PersonWithAgency; label: PairLabel; reason: string; nextDueDay: LocalDay };

/** Checks the submission and records the waiver; a refusal names what is wrong, in the user's language. */
async function record(deps: Deps, slackId: SlackUserId, view: ViewSubmitAction['view']): Promise<Outcome> {
  const person = await findPerson(deps, slackId);
  const t = messages(person?.language ?? 'nb').reminders;
  const refuse = (error: string): Outcome => ({ ok: false, error });
  const pair = decodeReminderButton(view.private_metadata);
  const reason = normaliseTypedText(
    reasonInput.safeParse(view.state?.values?.[ids.blocks.reminders.reason]?.[ids.actions.reminders.reason]).data
      ?.value ?? '',
  );
  if (person === null) return refuse(t.notRegistered);
  if (pair === null) return refuse(t.stale);
  if (!hasVisibleCharacter(reason)) return refuse(t.waiverRequired);
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
