import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { Deps } from '../../../kernel/deps.js';
import { type Lang, type Messages, messages } from '../../../kernel/i18n/index.js';
import { findPerson, type PersonWithAgency } from '../../../kernel/people/people.js';
import { failureLang, failureText } from '../../../kernel/slack/failure-text.js';
import { openLoadingModal, replaceLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import type { SlackUserId } from '../../../kernel/slack/slack-user-id.js';
import { formatReminderTime } from '../../../kernel/text/dates.js';
import { dueSettingsFrom, loadDueStates } from '../../plan/index.js';
import { buildView, noticeView, ids as updateIds } from '../../updates/index.js';
import { basePeriod, decodeReminderButton, encodeReminderButton, ids, type ReminderButton } from '../contract.js';
import { snoozeUntil } from '../ladder.js';
import { checkResponder, type Responder, snoozePair } from '../reminder-responses.js';
import { waiverModal, waiverRefusalModal } from '../views/reminder-waiver-modal.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Someone not in the plan can still answer a reminder they were sent (a team lead named only by Slack ID). */
const responderFor = (person: PersonWithAgency | null, slackId: SlackUserId): Responder =>
  person ?? { id: 0, slackId, role: 'CONTACT', agencyId: null };

async function say(args: Args, text: string): Promise<void> {
  await args.respond({ response_type: 'ephemeral', replace_original: false, text });
}

/**
 * Acks, checks the user (a click without a valid one ends there), then runs
 * the handler; a failure is logged and the user told in one line rather than met with silence.
 */
function answering(deps: Deps, handler: (args: Args, userId: SlackUserId) => Promise<void>) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const log = requestLogger(args.context, deps.logger);
    const userId = checkedUser(interactionUserId(args.body), log, args.action.action_id);
    if (userId === null) return;
    try {
      await handler(args, userId);
    } catch (error) {
      log.error({ err: error, action: args.action.action_id, user: userId }, 'reminder button failed');
      // The language remembered for the user: no second database read to apologise.
      await say(args, failureText(deps, userId, error)).catch(() => undefined);
    }
  };
}

/** The three buttons on every reminder DM. Each acks first, then parses the (forgeable) value and checks rights. */
export function registerReminderActions(app: TiltakBolt, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(
    ids.actions.reminders.updateNow,
    answering(deps, (args, userId) =>
      inLoadingModal(deps, args, userId, updateIds.views.updateNotice, noticeView, async (person, value, m) => {
        if (person === null) return noticeView(m, m.reminders.notRegistered);
        if (value === null) return noticeView(m, m.reminders.stale);
        return buildView({
          deps,
          person,
          measureNumber: value.measureNumber,
          agencyId: value.agencyId,
          source: 'message',
        });
      }),
    ),
  );

  app.action<BlockAction<ButtonAction>>(
    ids.actions.reminders.snooze,
    answering(deps, async (args, userId) => {
      const value = decodeReminderButton(args.action.value);
      const person = await findPerson(deps, userId);
      const lang: Lang = person?.language ?? 'nb';
      const t = messages(lang).reminders;
      if (value === null) return say(args, t.stale);
      const check = await checkResponder(deps.prisma, responderFor(person, userId), value.measureId, value.agencyId);
      if (!check.ok) return say(args, check.reason === 'no_pair' ? t.stale : t.notYours);
      const now = deps.clock.now();
      const settings = dueSettingsFrom(deps.config);
      const [current] = await loadDueStates(deps.prisma, settings, now, {
        measureIds: [value.measureId],
        agencyIds: [value.agencyId],
      });
      // Snoozing a reminder whose period has since been reported would promise a reminder that never comes.
      if (current === undefined || current.closed || current.period !== basePeriod(value.period))
        return say(args, t.stale);
      const until = snoozeUntil(now, settings);
      await snoozePair(deps.prisma, {
        slackId: userId,
        measureId: value.measureId,
        agencyId: value.agencyId,
        at: now,
        until,
      });
      await say(args, t.snoozed(value.measureNumber, formatReminderTime(until, lang, settings.timeZone)));
    }),
  );

  app.action<BlockAction<ButtonAction>>(
    ids.actions.reminders.waive,
    answering(deps, (args, userId) =>
      inLoadingModal(deps, args, userId, ids.views.reminderWaiver, waiverRefusalModal, async (person, value, m) => {
        if (person === null) return waiverRefusalModal(m, m.reminders.notRegistered);
        if (value === null) return waiverRefusalModal(m, m.reminders.stale);
        const check = await checkResponder(deps.prisma, person, value.measureId, value.agencyId);
        return check.ok
          ? waiverModal(m, person.language, check.pair, encodeReminderButton(value))
          : waiverRefusalModal(m, check.reason === 'no_pair' ? m.reminders.stale : m.reminders.notYours);
      }),
    ),
  );
}

/**
 * The two buttons that answer in a modal: it opens with the trigger before
 * any lookup (the trigger expires 3 s after the click), then `build` fills it
 * for the clicker, in their language; a failure replaces the loading notice
 * with `notice`, or it would spin for good.
 */
async function inLoadingModal(
  deps: Deps,
  args: Args,
  userId: SlackUserId,
  callbackId: string,
  notice: (m: Messages, text: string) => ModalView,
  build: (person: PersonWithAgency | null, value: ReminderButton | null, m: Messages) => Promise<ModalView>,
): Promise<void> {
  const modal = await openLoadingModal(args.client, args.body.trigger_id, callbackId);
  if (modal === null) return;
  const value = decodeReminderButton(args.action.value);
  let lang: Lang | undefined;
  await replaceLoadingModal(
    args.client,
    modal,
    async () => {
      const person = await findPerson(deps, userId);
      lang = person?.language;
      return build(person, value, messages(lang ?? 'nb'));
    },
    (error) => notice(messages(failureLang(deps, userId, lang)), failureText(deps, userId, error, lang)),
  );
}
