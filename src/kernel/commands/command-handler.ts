import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../deps.js';
import { messages } from '../i18n/index.js';
import { findPerson } from '../people/people.js';
import { requestLogger } from '../slack/request-context.js';
import { unknownUserText } from '../slack/unknown-user.js';
import { dispatch } from './dispatch.js';
import type { Reply, Subcommand } from './subcommand.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * The shape of every slash command: ack at once (Slack allows 3 s), then find
 * the user, dispatch on the first word and answer ephemerally. Errors that a
 * sub-command does not answer itself reach the user as one polite line and
 * the log with the request id, never as silence.
 */
export function subcommandHandler(deps: Deps, command: string, subcommands: () => readonly Subcommand[]) {
  return async ({ ack, command: body, respond, client, context }: CommandArgs): Promise<void> => {
    await ack();
    const log = requestLogger(context, deps.logger).child({ command, user: body.user_id });
    log.debug('command received');
    const reply = async (message: Reply) => {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    };
    let lang: 'nb' | 'en' = 'nb';
    try {
      const person = await findPerson(deps.prisma, body.user_id);
      if (person === null) {
        await reply({ text: await unknownUserText(deps.prisma) });
        return;
      }
      lang = person.language;
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
      log.error({ err: error }, 'command failed');
      await reply({ text: messages(lang).common.somethingWentWrong }).catch((e: unknown) =>
        log.error({ err: e }, 'could not tell the user about the failure'),
      );
    }
  };
}
