import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { loadingModal } from './loading-modal-view.js';

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
