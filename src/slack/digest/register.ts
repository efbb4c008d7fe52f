import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { loadUpdateText } from '../../digest/load-update-text.js';
import { messages } from '../../i18n/index.js';
import { findPerson } from '../../services/people.js';
import { digestUpdateLoadingModal, digestUpdateModal } from '../../views/digest-update-modal.js';
import { ids } from '../ids.js';
import { unknownUserText } from '../unknown-user.js';

/** A button value is ours, but a payload can be forged: only a plain positive id is read. */
const updateId = z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().positive().max(2_147_483_647));

/** "Les hele" under a trimmed update in a digest: the whole text in a modal, for any registered person. */
export function registerDigest(app: App, deps: Deps): void {
  app.action(ids.actions.digestReadUpdate, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const person = await findPerson(deps.prisma, body.user.id);
    const lang = person?.language ?? 'nb';
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: digestUpdateLoadingModal(lang) });
    const viewId = opened.view?.id;
    if (viewId === undefined) return;
    const id = updateId.safeParse(action.value);
    let update;
    try {
      update = person !== null && id.success ? await loadUpdateText(deps.prisma, id.data) : null;
    } catch (error) {
      // Replace the loading notice, or it would spin for good; the error still reaches app.error.
      await client.views.update({ view_id: viewId, view: digestUpdateModal(null, lang, deps.config.TZ_PLAN, messages(lang).common.somethingWentWrong) }).catch(() => undefined);
      throw error;
    }
    const notice = person === null ? await unknownUserText(deps.prisma) : undefined;
    await client.views.update({ view_id: viewId, view: digestUpdateModal(update, lang, deps.config.TZ_PLAN, notice) });
  });
}
