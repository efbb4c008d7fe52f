import type { ModalView } from '@slack/types';
import type { Messages } from '../../../kernel/i18n/index.js';
import { clip } from '../../../kernel/text/format.js';
import { ids } from '../contract.js';

/** A modal with one message and a close button: for refusals that arrive where no reply can go. */
export function noticeView(m: Messages, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: ids.views.updateNotice,
    title: { type: 'plain_text', text: m.updates.noticeTitle },
    close: { type: 'plain_text', text: m.updates.close },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } }],
  };
}
