import type { Deps } from '../../../kernel/deps.js';
import type { Lang } from '../../../kernel/i18n/index.js';
import { findPerson } from '../../../kernel/people/people.js';
import { unknownUserText } from '../../../kernel/people/unknown-user.js';
import { failureLang, failureText } from '../../../kernel/slack/failure-text.js';
import { openLoadingModal, replaceLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import { readWholeNumber } from '../../../kernel/text/whole-number.js';
import { ids } from '../contract.js';
import { loadUpdateText } from '../load-update-text.js';
import { digestUpdateModal } from '../views/digest-update-modal.js';

/** "Les hele" under a trimmed update in a digest: the whole text in a modal, for any registered person. */
export function registerDigest(app: TiltakBolt, deps: Deps): void {
  app.action(ids.actions.digestReadUpdate, async ({ ack, body, action, client, context }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const userId = checkedUser(
      interactionUserId(body),
      requestLogger(context, deps.logger),
      ids.actions.digestReadUpdate,
    );
    if (userId === null) return;
    // Open before the lookups: the trigger expires 3 s after the click.
    const modal = await openLoadingModal(client, body.trigger_id, ids.views.digestUpdate);
    if (modal === null) return;
    let lang: Lang | undefined;
    await replaceLoadingModal(
      client,
      modal,
      async () => {
        const person = await findPerson(deps, userId);
        if (person === null)
          return digestUpdateModal(
            null,
            failureLang(deps, userId),
            deps.config.TZ_PLAN,
            await unknownUserText(deps.prisma),
          );
        lang = person.language;
        // A button value is ours, but a payload can be forged: only a plain positive id is read.
        const id = readWholeNumber(action.value, { min: 1 });
        const update = id.ok ? await loadUpdateText(deps.prisma, id.value) : null;
        return digestUpdateModal(update, lang, deps.config.TZ_PLAN);
      },
      (error) =>
        digestUpdateModal(
          null,
          failureLang(deps, userId, lang),
          deps.config.TZ_PLAN,
          failureText(deps, userId, error, lang),
        ),
    );
  });
}
