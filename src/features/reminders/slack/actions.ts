import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../kernel/deps.js';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { findPerson, type PersonWithAgency } from '../../../kernel/people/people.js';
import { openLoadingModal, replaceLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { formatReminderTime } from '../../../kernel/text/dates.js';
import { dueSettingsFrom, loadDueStates } from '../../plan/index.js';
import { buildView, noticeView, ids as updateIds } from '../../updates/index.js';
import { basePeriod, decodeReminderButton, encodeReminderButton, ids } from '../contract.js';
import { snoozeUntil } from '../ladder.js';
import { checkResponder, type Responder, snoozePair } from '../reminder-responses.js';
import { waiverModal, waiverRefusalModal } from '../views/reminder-waiver-modal.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Someone not in the plan can still answer a reminder they were sent (a team lead named only by Slack ID). */
const responderFor = (person: PersonWithAgency | null, slackId: string): Responder =>
  person ?? { id: 0, slackId, role: 'CONTACT', agencyId: null };

async function say(args: Args, text: string): Promise<void> {
  await args.respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** Acks, then runs the handler; a failure is logged and the user told in one line rather than met with silence. */
function answering(deps: Deps, handler: (args: Args) => Promise<void>) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    try {
      await handler(args);
    } catch (error) {
      deps.logger.error(
        { err: error, action: args.action.action_id, user: args.body.user.id },
        'reminder button failed',
      );
      const person = await findPerson(deps.prisma, args.body.user.id).catch(() => null);
      await say(args, messages(person?.language ?? 'nb').common.somethingWentWrong).catch(() => undefined);
    }
  };
}

/** The three buttons on every reminder DM. Each acks first, then parses the (forgeable) value and checks rights. */
export function registerReminderActions(app: App, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(
    ids.actions.reminders.updateNow,
    answering(deps, async (args) => {
      // Open before the lookups: the trigger expires 3 s after the click. Refusals then belong in the modal.
      const modal = await openLoadingModal(args.client, args.body.trigger_id, updateIds.views.updateNotice);
      if (modal === null) return;
      const value = decodeReminderButton(args.action.value);
      let m = messages('nb');
      await replaceLoadingModal(
        args.client,
        modal,
        async () => {
          const person = await findPerson(deps.prisma, args.body.user.id);
          if (person === null) return noticeView(m, m.reminders.notRegistered);
          m = messages(person.language);
          if (value === null) return noticeView(m, m.reminders.stale);
          return buildView({
            deps,
            person,
            measureNumber: value.measureNumber,
            agencyId: value.agencyId,
            source: 'message',
          });
        },
        () => noticeView(m, m.common.somethingWentWrong),
      );
    }),
  );

  app.action<BlockAction<ButtonAction>>(
    ids.actions.reminders.snooze,
    answering(deps, async (args) => {
      const value = decodeReminderButton(args.action.value);
      const person = await findPerson(deps.prisma, args.body.user.id);
      const lang: Lang = person?.language ?? 'nb';
      const t = messages(lang).reminders;
      if (value === null) return say(args, t.stale);
      const check = await checkResponder(
        deps.prisma,
        responderFor(person, args.body.user.id),
        value.measureId,
        value.agencyId,
      );
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
        slackId: args.body.user.id,
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
    answering(deps, async (args) => {
      // Open before the lookups: the trigger expires 3 s after the click.
      const modal = await openLoadingModal(args.client, args.body.trigger_id, ids.views.reminderWaiver);
      if (modal === null) return;
      const value = decodeReminderButton(args.action.value);
      let m = messages('nb');
      await replaceLoadingModal(
        args.client,
        modal,
        async () => {
          const person = await findPerson(deps.prisma, args.body.user.id);
          m = messages(person?.language ?? 'nb');
          if (person === null) return waiverRefusalModal(m, m.reminders.notRegistered);
          if (value === null) return waiverRefusalModal(m, m.reminders.stale);
          const check = await checkResponder(deps.prisma, person, value.measureId, value.agencyId);
          return check.ok
            ? waiverModal(m, person.language, check.pair, encodeReminderButton(value))
            : waiverRefusalModal(m, check.reason === 'no_pair' ? m.reminders.stale : m.reminders.notYours);
        },
        () => waiverRefusalModal(m, m.common.somethingWentWrong),
      );
    }),
  );
}
