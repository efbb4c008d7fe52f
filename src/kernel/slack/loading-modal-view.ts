import type { ModalView } from '@slack/types';
import { type Messages, messages } from '../i18n/index.js';

/** Both languages, once: the modal opens before we know who clicked, so we cannot know which they read. */
function bilingual(pick: (m: Messages) => string): string {
  const nb = pick(messages('nb'));
  const en = pick(messages('en'));
  return nb === en ? nb : `${nb} / ${en}`;
}

/**
 * Opened with a button's trigger before any lookup (the trigger expires 3 s
 * after the click), then replaced by the real view. The callback_id is the
 * surface that replaces it, so the modal is one surface from the start.
 */
export function loadingModal(callbackId: string): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: { type: 'plain_text', text: bilingual((m) => m.common.appName) },
    close: { type: 'plain_text', text: bilingual((m) => m.common.close) },
    blocks: [{ type: 'section', text: { type: 'plain_text', text: bilingual((m) => m.common.loading) } }],
  };
}

/** What replaces a loading modal when there is no form to show: who the user is not, or what failed. */
export function noticeModal(callbackId: string, m: Messages, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: { type: 'plain_text', text: m.common.appName },
    close: { type: 'plain_text', text: m.common.close },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: text.length > 3000 ? `${text.slice(0, 2999)}…` : text } },
    ],
  };
}
