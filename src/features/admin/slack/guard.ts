import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isDatabaseUnavailable } from '../../../kernel/db/errors.js';
import type { Deps } from '../../../kernel/deps.js';
import { type Lang, type Messages, messages } from '../../../kernel/i18n/index.js';
import type { Logger } from '../../../kernel/logger.js';
import type { PersonWithAgency } from '../../../kernel/people/people.js';
import { failureLang, failureText } from '../../../kernel/slack/failure-text.js';
import { openLoadingModal, replaceLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import { findAdministrator } from '../access.js';
import { ids } from '../contract.js';
import type { FieldErrors } from '../form-values.js';
import { adminNoticeView } from '../views/notice.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export interface AdminContext {
  deps: Deps;
  client: WebClient;
  person: PersonWithAgency;
  lang: Lang;
  m: Messages;
  log: Logger;
}

/** What a submission answers: field errors, or a notice in place of the form, or closing it. */
export type SubmissionAnswer =
  | { kind: 'errors'; errors: FieldErrors }
  | { kind: 'notice'; text: string }
  | { kind: 'close' };

/**
 * A button that opens an admin modal: the loading view opens with the trigger
 * before any lookup; then the clicker is checked (an active coordinator or
 * admin) and the form, or the refusal, replaces it.
 */
export function adminModalButton(
  app: TiltakBolt,
  deps: Deps,
  actionId: string,
  build: (ctx: AdminContext, value: string | undefined) => Promise<ModalView>,
): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, client, context }: ButtonArgs) => {
    await ack();
    const requestLog = requestLogger(context, deps.logger);
    const userId = checkedUser(interactionUserId(body), requestLog, actionId);
    if (userId === null) return;
    const modal = await openLoadingModal(client, body.trigger_id, ids.views.notice);
    if (modal === null) return;
    let lang: Lang | undefined;
    await replaceLoadingModal(
      client,
      modal,
      async () => {
        const { person, allowed } = await findAdministrator(deps.prisma, userId);
        lang = person?.language ?? 'nb';
        const m = messages(lang);
        if (person === null || !allowed) return adminNoticeView(m, m.admin.refused);
        return build({ deps, client, person, lang, m, log: requestLog.child({ user: userId }) }, action.value);
      },
      (error) => adminNoticeView(messages(failureLang(deps, userId, lang)), failureText(deps, userId, error, lang)),
    );
  });
}

/**
 * A button inside an open admin modal (archive, delete, remove): rights are
 * checked again, and what it did replaces the modal.
 */
export function adminViewButton(
  app: TiltakBolt,
  deps: Deps,
  actionId: string,
  run: (ctx: AdminContext, value: string | undefined) => Promise<string>,
): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, client, context }: ButtonArgs) => {
    await ack();
    const requestLog = requestLogger(context, deps.logger);
    const userId = checkedUser(interactionUserId(body), requestLog, actionId);
    if (userId === null) return;
    const viewId = body.view?.id;
    let lang: Lang | undefined;
    let text: string;
    try {
      const { person, allowed } = await findAdministrator(deps.prisma, userId);
      lang = person?.language ?? 'nb';
      const m = messages(lang);
      text =
        person === null || !allowed
          ? m.admin.refused
          : await run({ deps, client, person, lang, m, log: requestLog.child({ user: userId }) }, action.value);
    } catch (error) {
      requestLog.error({ err: error, action: actionId }, 'admin button failed');
      text = failureText(deps, userId, error, lang);
    }
    if (viewId === undefined) return;
    await client.views
      .update({ view_id: viewId, view: adminNoticeView(messages(lang ?? 'nb'), text) })
      .catch((error: unknown) => requestLog.warn({ err: error }, 'could not show what the admin button did'));
  });
}

/**
 * An admin modal's submission: the submitter is checked again (a right taken
 * away after the form opened is refused, and so is a forged submission), then
 * the handler validates and writes, and its answer becomes the ack.
 */
export function adminSubmission(
  app: TiltakBolt,
  deps: Deps,
  callbackId: string,
  handle: (ctx: AdminContext, view: ViewSubmitAction['view']) => Promise<SubmissionAnswer>,
): void {
  app.view(callbackId, async ({ ack, body, view, client, context }: ViewArgs) => {
    const requestLog = requestLogger(context, deps.logger);
    const userId = checkedUser(interactionUserId(body), requestLog, callbackId);
    if (userId === null) return await ack();
    let lang: Lang | undefined;
    let acked = false;
    try {
      const { person, allowed } = await findAdministrator(deps.prisma, userId);
      lang = person?.language ?? 'nb';
      const m = messages(lang);
      let answer: SubmissionAnswer;
      if (person === null || !allowed) {
        requestLog.warn({ user: userId, view: callbackId }, 'refused an admin submission');
        answer = { kind: 'notice', text: m.admin.refused };
      } else {
        answer = await handle({ deps, client, person, lang, m, log: requestLog.child({ user: userId }) }, view);
      }
      acked = true;
      await ack(toAck(m, answer));
    } catch (error) {
      if (!acked) await ack(failureAck(deps, userId, error, lang)).catch(() => undefined);
      throw error;
    }
  });
}

function toAck(m: Messages, answer: SubmissionAnswer): ViewResponseAction | undefined {
  switch (answer.kind) {
    case 'errors':
      return {
        response_action: 'errors',
        errors: Object.fromEntries(Object.entries(answer.errors).map(([block, text]) => [block, text(m)])),
      };
    case 'notice':
      return { response_action: 'update', view: adminNoticeView(m, answer.text) };
    case 'close':
      return { response_action: 'clear' };
  }
}

/** While the database is away the form stays open with everything typed; any other failure is the apology. */
function failureAck(deps: Deps, userId: string, error: unknown, known: Lang | undefined): ViewResponseAction {
  const m = messages(failureLang(deps, userId, known));
  if (isDatabaseUnavailable(error))
    return { response_action: 'update', view: adminNoticeView(m, m.common.databaseDown) };
  return { response_action: 'update', view: adminNoticeView(m, m.common.somethingWentWrong) };
}
