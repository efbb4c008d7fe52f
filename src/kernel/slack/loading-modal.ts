import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { loadingModal } from './loading-modal-view.js';
import type { SlackUserId } from './slack-user-id.js';

/** Where the real view goes once it is built. */
export interface OpenedModal {
  viewId: string;
  hash?: string;
}

/**
 * A button that opens a modal calls this before any database work: the
 * trigger_id expires 3 s after the click, and a slow lookup must not cost the
 * user the modal. Null when Slack opened nothing.
 */
export async function openLoadingModal(
  client: WebClient,
  triggerId: string,
  callbackId: string,
): Promise<OpenedModal | null> {
  const opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(callbackId) });
  const viewId = opened.view?.id;
  if (viewId === undefined) return null;
  const hash = opened.view?.hash;
  return hash === undefined ? { viewId } : { viewId, hash };
}

/**
 * Builds the real view and swaps it in. If building fails, the fallback
 * (told why, so it can say the database is away) replaces the loading notice,
 * or it would spin for good, and the error still reaches app.error.
 */
export async function replaceLoadingModal(
  client: WebClient,
  modal: OpenedModal,
  build: () => Promise<ModalView>,
  fallback: (error: unknown) => ModalView,
): Promise<void> {
  let view: ModalView;
  try {
    view = await build();
  } catch (error) {
    await client.views.update({ view_id: modal.viewId, view: fallback(error) }).catch(() => undefined);
    throw error;
  }
  await client.views.update({ view_id: modal.viewId, ...(modal.hash === undefined ? {} : { hash: modal.hash }), view });
}

/** What a click brings that lets the bot answer it without a modal. */
interface ClickReply {
  client: WebClient;
  body: { response_url?: string };
  respond?: (message: { response_type: 'ephemeral'; replace_original: false; text: string }) => Promise<unknown>;
}

/**
 * openLoadingModal for a click, which must never be met with silence: when
 * Slack will not open the modal (rate limited, down, the trigger expired),
 * the user is told so where the click came from: an ephemeral answer under a
 * message, or a DM when the button was on App Home, which has no response_url.
 */
export async function openLoadingModalOrSay(
  click: ClickReply & { userId: SlackUserId; log: Logger },
  triggerId: string,
  callbackId: string,
  text: () => Promise<string>,
): Promise<OpenedModal | null> {
  try {
    return await openLoadingModal(click.client, triggerId, callbackId);
  } catch (error) {
    click.log.warn({ err: error, callbackId }, 'Slack did not open the modal; the user is told instead');
    const tell = async () => {
      const message = await text();
      if (click.body.response_url !== undefined && click.respond !== undefined)
        await click.respond({ response_type: 'ephemeral', replace_original: false, text: message });
      else await click.client.chat.postMessage({ channel: click.userId, text: message });
    };
    await tell().catch((e: unknown) => click.log.error({ err: e }, 'could not tell the user either'));
    return null;
  }
}
