import type { Deps } from '../../../kernel/deps.js';
import { messages } from '../../../kernel/i18n/index.js';
import { findPerson } from '../../../kernel/people/people.js';
import { seesWholePlan } from '../../../kernel/people/permissions.js';
import { unknownUserText } from '../../../kernel/people/unknown-user.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import { decodeConfirm, ids } from '../contract.js';
import { importPlanText } from '../import-plan.js';
import { readSharedFile, slackEmailLookup } from '../slack-plan-file.js';
import { importErrors } from '../views/import-preview.js';
import { unreadableText } from './admin-subcommands.js';

/**
 * "Ta i bruk endringene" under an import preview. Everything is checked again
 * on the click (a button can be forged or pressed after a role changed): the
 * person's role, that the file is theirs, and that its text is the text that
 * was previewed. Only then is the plan written, with its audit line.
 */
export function registerPlanListeners(app: TiltakBolt, deps: Deps): void {
  app.action(ids.actions.importConfirm, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const log = requestLogger(context, deps.logger);
    const userId = checkedUser(interactionUserId(body), log, ids.actions.importConfirm);
    if (userId === null) return;
    const answer = (text: string) => respond({ response_type: 'ephemeral', replace_original: true, text });
    const person = await findPerson(deps, userId);
    if (person === null) return void (await answer(await unknownUserText(deps.prisma)));
    const m = messages(person.language);
    if (!seesWholePlan(person)) return void (await answer(m.common.notAllowed));
    const value = decodeConfirm(action.value);
    if (value === null) return void (await answer(m.planAdmin.changed));
    const file = await readSharedFile(client, deps.config, value.f, userId);
    if (!file.ok)
      return void (await answer(file.reason === 'no_file' ? m.planAdmin.changed : unreadableText(m, file.reason)));
    if (file.digest !== value.h) return void (await answer(m.planAdmin.changed));
    const result = await importPlanText(deps.prisma, file.text, person.slackId, slackEmailLookup(client));
    if (!result.ok) {
      const shown = importErrors(m, file.name, result.errors);
      return void (await respond({ response_type: 'ephemeral', replace_original: true, ...shown }));
    }
    const s = result.summary;
    log.info({ user: userId, file: file.id }, 'plan imported from Slack');
    await answer(m.planAdmin.imported(file.name, s.focusAreas, s.agencies, s.people, s.measures));
  });
}
