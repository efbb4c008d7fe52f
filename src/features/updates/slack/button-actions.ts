import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { Deps } from '../../../kernel/deps.js';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { findPerson, type PersonWithAgency } from '../../../kernel/people/people.js';
import { unknownUserText } from '../../../kernel/people/unknown-user.js';
import { failureLang, failureText } from '../../../kernel/slack/failure-text.js';
import { openLoadingModalOrSay, replaceLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import { decodeOpen, ids, SERIES_ID } from '../contract.js';
import { noticeView } from '../views/update-notice.js';
import { buildView } from './open-update-modal.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Oppdater" and "Rediger" wherever they appear (lists, cards, App Home, DMs,
 * reminders). Both open a loading modal with the trigger before any lookup,
 * then fill it; a user who may not go on sees the reason in that modal, since
 * a Home tab has nowhere else to answer. A click without a valid user opens nothing.
 */
export function registerUpdateButtons(app: TiltakBolt, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(ids.actions.updates.open, async (args: Args) => {
    await args.ack();
    const value = decodeOpen(args.action.value);
    await withPerson(deps, args, ids.actions.updates.open, value, (person, source, { m, a }) =>
      buildView({ deps, person, source, measureNumber: m, ...(a === undefined ? {} : { agencyId: a }) }),
    );
  });
  app.action<BlockAction<ButtonAction>>(ids.actions.updates.edit, async (args: Args) => {
    await args.ack();
    const value = args.action.value;
    const seriesId = value !== undefined && SERIES_ID.test(value) ? value : null;
    await withPerson(deps, args, ids.actions.updates.edit, seriesId, (person, source, editOf) =>
      buildView({ deps, person, source, editOf }),
    );
  });
}

type Build<T> = (person: PersonWithAgency, source: 'home' | 'message', value: T) => Promise<ModalView>;

/**
 * Checks the user, opens the modal, then finds the user and hands over the parsed button value
 * (null means it was malformed, or forged) to build what replaces the loading notice.
 */
async function withPerson<T>(
  deps: Deps,
  { body, client, context, respond }: Args,
  surface: string,
  value: T | null,
  build: Build<T>,
): Promise<void> {
  const log = requestLogger(context, deps.logger);
  const userId = checkedUser(interactionUserId(body), log, surface);
  if (userId === null) return;
  const modal = await openLoadingModalOrSay(
    { client, body, respond, userId, log },
    body.trigger_id,
    ids.views.updateNotice,
    // With the trigger spent, the user's own language is worth a lookup.
    async () => {
      const person = await findPerson(deps, userId).catch(() => null);
      return messages(failureLang(deps, userId, person?.language)).common.modalFailed;
    },
  );
  if (modal === null) return;
  let lang: Lang | undefined;
  await replaceLoadingModal(
    client,
    modal,
    async () => {
      const person = await findPerson(deps, userId);
      if (person === null) return noticeView(messages('nb'), await unknownUserText(deps.prisma));
      lang = person.language;
      const m = messages(lang);
      if (value === null) return noticeView(m, m.updates.staleForm);
      return build(person, body.view?.type === 'home' ? 'home' : 'message', value);
    },
    (error) => noticeView(messages(failureLang(deps, userId, lang)), failureText(deps, userId, error, lang)),
  );
}
