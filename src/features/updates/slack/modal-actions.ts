import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import type { Deps } from '../../../kernel/deps.js';
import { findPerson } from '../../../kernel/people/people.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import { readWholeNumber } from '../../../kernel/text/whole-number.js';
import { decodeMetadata, ids } from '../contract.js';
import { buildView } from './open-update-modal.js';

type Args = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

/**
 * A new measure or agency in the open modal: rebuild it for that choice, so
 * the pre-fill comes from the right agency's latest update. The choice is
 * checked like any other request; a forged one gets the refusal notice.
 */
export function registerModalSelects(app: TiltakBolt, deps: Deps): void {
  const handler =
    (field: 'measure' | 'agency') =>
    async ({ ack, action, body, client, context }: Args) => {
      await ack();
      const userId = checkedUser(interactionUserId(body), requestLogger(context, deps.logger), action.action_id);
      if (userId === null) return;
      const view = body.view;
      const person = await findPerson(deps, userId);
      const meta = decodeMetadata(view?.private_metadata);
      const chosen = readWholeNumber(action.selected_option?.value, { min: 1 });
      if (view === undefined || person === null || meta === null || !chosen.ok) return;
      const id = chosen.value;
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
