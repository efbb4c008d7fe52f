import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import type { Deps } from '../../../kernel/deps.js';
import { findPerson } from '../../../kernel/people/people.js';
import { decodeMetadata, ids } from '../contract.js';
import { buildView } from './open-update-modal.js';

type Args = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

/**
 * A new measure or agency in the open modal: rebuild it for that choice, so
 * the pre-fill comes from the right agency's latest update. The choice is
 * checked like any other request; a forged one gets the refusal notice.
 */
export function registerModalSelects(app: App, deps: Deps): void {
  const handler =
    (field: 'measure' | 'agency') =>
    async ({ ack, action, body, client }: Args) => {
      await ack();
      const view = body.view;
      const person = await findPerson(deps.prisma, body.user.id);
      const meta = decodeMetadata(view?.private_metadata);
      const chosen = action.selected_option?.value;
      if (view === undefined || person === null || meta === null || chosen === undefined || !/^\d{1,9}$/u.test(chosen))
        return;
      const id = Number(chosen);
      const next = await buildView({
        deps,
        person,
        source: meta.src,
        measureId: field === 'measure' ? id : meta.m,
        ...(field === 'agency' ? { agencyId: id } : {}),
      });
      await client.views.update({ view_id: view.id, hash: view.hash, view: next });
    };
  app.action<BlockAction<StaticSelectAction>>(ids.actions.updates.pickMeasure, handler('measure'));
  app.action<BlockAction<StaticSelectAction>>(ids.actions.updates.pickAgency, handler('agency'));
}
