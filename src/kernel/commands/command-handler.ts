import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isDatabaseUnavailable } from '../db/errors.js';
import type { Deps } from '../deps.js';
import { type Lang, type Messages, messages } from '../i18n/index.js';
import { findPerson } from '../people/people.js';
import { unknownUserText } from '../people/unknown-user.js';
import { failureLang, failureText } from '../slack/failure-text.js';
import { type OpenedModal, openLoadingModalOrSay } from '../slack/loading-modal.js';
import { noticeModal } from '../slack/loading-modal-view.js';
import { requestLogger } from '../slack/request-context.js';
import { checkedUser } from '../slack/request-user.js';
import { quote } from '../text/format.js';
import { normaliseTypedText } from '../text/typed-text.js';
import { dispatch } from './dispatch.js';
import type { Reply, Subcommand } from './subcommand.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * The shape of every slash command: ack at once (Slack allows 3 s), then check
 * and find the user, dispatch on the first word and answer ephemerally. A
 * command without a valid user_id gets the plain ack and nothing else. Errors that a
 * sub-command does not answer itself reach the user as one polite line and
 * the log with the request id, never as silence; while the database is
 * away that line says so, in the language remembered for the user.
 */
export function subcommandHandler(deps: Deps, command: string, subcommands: () => readonly Subcommand[]) {
  return async ({ ack, command: body, respond, client, context }: CommandArgs): Promise<void> => {
    await ack();
    const requestLog = requestLogger(context, deps.logger);
    const userId = checkedUser(body.user_id, requestLog, command);
    if (userId === null) return;
    const log = requestLog.child({ command, user: userId });
    log.debug('command received');
    const reply = async (message: Reply) => {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    };
    let lang: Lang | undefined;
    let modal: OpenedModal | null = null;
    let callbackId: string | null = null;
    try {
      const found = dispatch(subcommands(), normaliseTypedText(typeof body.text === 'string' ? body.text : ''));
      callbackId = found.kind === 'found' ? (found.subcommand.modalFor?.(found.args) ?? null) : null;
      if (callbackId !== null) {
        modal = await openLoadingModalOrSay(
          { client, body: { response_url: body.response_url }, respond: reply, userId, log },
          body.trigger_id,
          callbackId,
          async () => {
            const person = await findPerson(deps, userId).catch(() => null);
            return messages(failureLang(deps, userId, person?.language)).common.modalFailed;
          },
        );
        if (modal === null) return;
      }
      const answer = async (text: string, m: Messages) => {
        if (modal === null || callbackId === null) await reply({ text });
        else await client.views.update({ view_id: modal.viewId, view: noticeModal(callbackId, m, text) });
      };
      const person = await findPerson(deps, userId);
      if (person === null) {
        await answer(await unknownUserText(deps.prisma), messages('nb'));
        return;
      }
      lang = person.language;
      deps.languages?.remember(person.slackId, lang);
      const m = messages(lang);
      if (found.kind === 'unknown') {
        await reply({ text: m.common.unknownSubcommand(command, quote(found.word)) });
        return;
      }
      log.info({ subcommand: found.subcommand.key }, 'command');
      await found.subcommand.run({
        deps,
        client,
        person,
        lang,
        m,
        args: found.args,
        log: log.child({ subcommand: found.subcommand.key }),
        userId,
        channelId: body.channel_id,
        triggerId: body.trigger_id,
        modal,
        reply,
      });
    } catch (error) {
      log.error({ err: error, databaseUnavailable: isDatabaseUnavailable(error) }, 'command failed');
      const text = failureText(deps, body.user_id, error, lang);
      // A loading modal left as it is would spin for good.
      const told =
        modal === null || callbackId === null
          ? reply({ text })
          : client.views.update({ view_id: modal.viewId, view: noticeModal(callbackId, messages(lang ?? 'nb'), text) });
      await told.catch((e: unknown) => log.error({ err: e }, 'could not tell the user about the failure'));
    }
  };
}
