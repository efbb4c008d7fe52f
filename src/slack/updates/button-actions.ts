import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { messages } from '../../i18n/index.js';
import { findPerson, type PersonWithAgency } from '../../services/people.js';
import { SERIES_ID } from '../../services/update-queries.js';
import { noticeView } from '../../views/update-notice.js';
import { ids } from '../ids.js';
import { unknownUserText } from '../unknown-user.js';
import { decodeOpen } from './button-values.js';
import { openUpdateModal } from './open-update-modal.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Oppdater" and "Rediger" wherever they appear (lists, cards, App Home, DMs,
 * reminders). Both open the modal with the trigger; a user who may not go on
 * sees the reason in that modal, since a Home tab has nowhere else to answer.
 */
export function registerUpdateButtons(app: App, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(ids.actions.updates.open, async (args: Args) => {
    await args.ack();
    const value = decodeOpen(args.action.value);
    await withPerson(deps, args, value, (person, source, { m, a }) =>
      openUpdateModal({ deps, client: args.client, triggerId: args.body.trigger_id, person, source, measureNumber: m, ...(a === undefined ? {} : { agencyId: a }) }),
    );
  });
  app.action<BlockAction<ButtonAction>>(ids.actions.updates.edit, async (args: Args) => {
    await args.ack();
    const value = args.action.value;
    const seriesId = value !== undefined && SERIES_ID.test(value) ? value : null;
    await withPerson(deps, args, seriesId, (person, source, editOf) =>
      openUpdateModal({ deps, client: args.client, triggerId: args.body.trigger_id, person, source, editOf }),
    );
  });
}

/** Finds the user and hands over the parsed button value; null means it was malformed (or forged). */
async function withPerson<T>(
  deps: Deps,
  { body, client }: Args,
  value: T | null,
  open: (person: PersonWithAgency, source: 'home' | 'message', value: T) => Promise<void>,
): Promise<void> {
  const person = await findPerson(deps.prisma, body.user.id);
  if (person === null) {
    await client.views.open({ trigger_id: body.trigger_id, view: noticeView(messages('nb'), await unknownUserText(deps.prisma)) });
    return;
  }
  if (value === null) {
    const m = messages(person.language);
    await client.views.open({ trigger_id: body.trigger_id, view: noticeView(m, m.updates.staleForm) });
    return;
  }
  await open(person, body.view?.type === 'home' ? 'home' : 'message', value);
}
