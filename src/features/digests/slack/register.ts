import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.js';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { findPerson } from '../../../kernel/people/people.js';
import { openLoadingModal, replaceLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { unknownUserText } from '../../../kernel/slack/unknown-user.js';
import { ids } from '../contract.js';
import { loadUpdateText } from '../load-update-text.js';
import { digestUpdateModal } from '../views/digest-update-modal.js';

/** A button value is ours, but a payload can be forged: only a plain positive id is read. */
const updateId = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));

/** "Les hele" under a trimmed update in a digest: the whole text in a modal, for any registered person. */
export function registerDigest(app: App, deps: Deps): void {
  app.action(ids.actions.digestReadUpdate, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    // Open before the lookups: the trigger expires 3 s after the click.
    const modal = await openLoadingModal(client, body.trigger_id, ids.views.digestUpdate);
    if (modal === null) return;
    let lang: Lang = 'nb';
    await replaceLoadingModal(
      client,
      modal,
      async () => {
        const person = await findPerson(deps.prisma, body.user.id);
        if (person === null)
          return digestUpdateModal(null, lang, deps.config.TZ_PLAN, await unknownUserText(deps.prisma));
        lang = person.language;
        const id = updateId.safeParse(action.value);
        const update = id.success ? await loadUpdateText(deps.prisma, id.data) : null;
        return digestUpdateModal(update, lang, deps.config.TZ_PLAN);
      },
      () => digestUpdateModal(null, lang, deps.config.TZ_PLAN, messages(lang).common.somethingWentWrong),
    );
  });
}
