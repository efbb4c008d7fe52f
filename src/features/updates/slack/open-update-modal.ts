import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../../kernel/deps.js';
import type { PersonWithAgency } from '../../../kernel/people/people.js';
import { failureText } from '../../../kernel/slack/failure-text.js';
import { type OpenedModal, openLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { viewLocale } from '../../../kernel/text/format.js';
import { encodeMetadata, ids, type ModalSource } from '../contract.js';
import { loadUpdateForm, type UpdateFormRequest } from '../update-form.js';
import { updateModalView } from '../views/update-modal.js';
import { noticeView } from '../views/update-notice.js';
import { refusalText } from '../views/update-refusal.js';
import { noSuchMeasure } from './subcommand-args.js';

export interface OpenUpdateModalArgs {
  deps: Deps;
  client: WebClient;
  triggerId: string;
  person: PersonWithAgency;
  measureNumber?: number;
  /** The number as the user typed it, quoted back when no measure has it. */
  measureTyped?: string;
  agencyId?: number;
  /** The seriesId of the update to edit. */
  editOf?: string;
  source?: ModalSource;
  /** The loading modal, when the command opened it already. */
  opened?: OpenedModal | null;
}

/**
 * Opens the modal with the trigger at once (it expires in 3 s), showing a
 * loading notice (unless the command opened it already), then swaps in the form, or a refusal that says why. Rights
 * are checked here as they will be again on submit.
 */
export async function openUpdateModal(args: OpenUpdateModalArgs): Promise<void> {
  const { deps, client, person } = args;
  const loc = viewLocale(deps, person.language);
  const opened = args.opened ?? (await openLoadingModal(client, args.triggerId, ids.views.updateNotice));
  if (opened === null) return;
  const { viewId, hash } = opened;
  let view: ModalView;
  try {
    view = await buildView(args);
  } catch (error) {
    await client.views
      .update({ view_id: viewId, view: noticeView(loc.m, failureText(deps, person.slackId, error, person.language)) })
      .catch(() => undefined);
    throw error;
  }
  await client.views.update({ view_id: viewId, ...(hash === undefined ? {} : { hash }), view });
}

/** The form, or the refusal, for a request; also used when a select in the open modal changes. */
export async function buildView(
  args: Omit<OpenUpdateModalArgs, 'client' | 'triggerId'> & { measureId?: number },
): Promise<ModalView> {
  const { deps, person } = args;
  const loc = viewLocale(deps, person.language);
  const request: UpdateFormRequest = {
    measureNumber: args.measureNumber,
    measureId: args.measureId,
    agencyId: args.agencyId,
    editOf: args.editOf,
  };
  const result = await loadUpdateForm(deps, person, request);
  if (result.kind === 'refused' && result.reason === 'no_measure' && args.measureTyped !== undefined)
    return noticeView(loc.m, noSuchMeasure(loc.m, args.measureTyped, loc.m.tiltak.updateUsage));
  if (result.kind === 'refused')
    return noticeView(loc.m, refusalText(loc.m, result.reason, deps.config.EDIT_WINDOW_DAYS));
  const { form } = result;
  const metadata = encodeMetadata({
    s: form.seriesId,
    b: form.baseVersion,
    m: form.measure.id,
    a: form.agency.id,
    src: args.source ?? 'command',
  });
  return updateModalView(loc, form, metadata);
}
