import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Reply } from '../../../kernel/commands/subcommand.js';
import type { Deps } from '../../../kernel/deps.js';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { findPerson, type PersonWithAgency } from '../../../kernel/people/people.js';
import { failureText } from '../../../kernel/slack/failure-text.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import { decodePage, ids, type PageValue } from '../contract.js';
import { renderHistory } from './history-subcommand.js';
import { renderList } from './list-subcommand.js';
import { renderMine } from './mine-subcommand.js';
import { renderOverdue } from './overdue-subcommand.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Forrige"/"Neste" under an ephemeral list: the page replaces the message it was clicked in. */
export function registerPageButtons(app: TiltakBolt, deps: Deps): void {
  const handler = async ({ ack, action, body, respond, context }: Args) => {
    await ack();
    const log = requestLogger(context, deps.logger);
    const userId = checkedUser(interactionUserId(body), log, action.action_id);
    if (userId === null) return;
    let lang: Lang | undefined;
    try {
      const person = await findPerson(deps, userId);
      const value = decodePage(action.value);
      lang = person?.language;
      const m = messages(lang ?? 'nb');
      const reply = person === null || value === null ? null : await render(deps, person, value);
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...(reply ?? { text: person === null ? m.updates.refusals.not_allowed : m.updates.staleForm }),
      });
    } catch (error) {
      // The list stays as it was; a line under it says why the page did not turn, rather than silence.
      log.error({ err: error, user: userId }, 'could not turn the page');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: failureText(deps, userId, error, lang),
      }).catch((e: unknown) => deps.logger.error({ err: e }, 'could not tell the user about the failure'));
    }
  };
  app.action<BlockAction<ButtonAction>>(ids.actions.updates.pagePrev, handler);
  app.action<BlockAction<ButtonAction>>(ids.actions.updates.pageNext, handler);
}

function render(deps: Deps, person: PersonWithAgency, value: PageValue): Promise<Reply | null> {
  switch (value.k) {
    case 'mine':
      return renderMine(deps, person, value.p);
    case 'list':
      return renderList(deps, person, value.area ?? null, value.p);
    case 'history':
      return value.m === undefined ? Promise.resolve(null) : renderHistory(deps, person, value.m, value.p);
    case 'overdue':
      return renderOverdue(deps, person, value.p);
  }
}
