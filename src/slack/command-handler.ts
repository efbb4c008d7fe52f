import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isDatabaseUnavailable } from '../db/errors.js';
import type { Deps } from '../deps.js';
import { messages, type Lang } from '../i18n/index.js';
import { findPerson } from '../services/people.js';
import { failureText } from './failure-text.js';
import { requestLogger } from './request-context.js';
import { dispatch } from './subcommands/dispatch.js';
import type { Reply, Subcommand } from './subcommands/types.js';
import { unknownUserText } from './unknown-user.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * The shape of every slash command: ack at once (Slack allows 3 s), then find
 * the user, dispatch on the first word and answer ephemerally. Errors that a
 * sub-command does not answer itself reach the user as one polite line and
 * the log with the request id, never as silence; while the database is
 * away that line says so, in the language remembered for the user.
 */
export function subcommandHandler(deps: Deps, command: string, subcommands: () => readonly Subcommand[]) {
  return async ({ ack, command: body, respond, client, context }: CommandArgs): Promise<void> => {
    await ack();
    const log = requestLogger(context, deps.logger).child({ command, user: body.user_id });
    log.debug('command received');
    const reply = async (message: Reply) => {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    };
    let lang: Lang | undefined;
    try {
      const person = await findPerson(deps.prisma, body.user_id);
      if (person === null) {
        await reply({ text: await unknownUserText(deps.prisma) });
        return;
      }
      lang = person.language;
      deps.languages?.remember(person.slackId, lang);
      const m = messages(lang);
      const found = dispatch(subcommands(), body.text ?? '');
      if (found.kind === 'unknown') {
        await reply({ text: m.common.unknownSubcommand(command, found.word) });
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
        userId: body.user_id,
        channelId: body.channel_id,
        triggerId: body.trigger_id,
        reply,
      });
    } catch (error) {
      log.error({ err: error, databaseUnavailable: isDatabaseUnavailable(error) }, 'command failed');
      await reply({ text: failureText(deps, body.user_id, error, lang) }).catch((e: unknown) =>
        log.error({ err: e }, 'could not tell the user about the failure'),
      );
    }
  };
}
