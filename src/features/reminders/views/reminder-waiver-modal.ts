import type { ModalView } from '@slack/types';
import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { ids } from '../contract.js';
import type { PairLabel } from '../reminder-responses.js';

export const WAIVER_REASON_MAX = 500;

const frame = (m: Messages, blocks: ModalView['blocks'], submit: boolean, metadata = ''): ModalView => ({
  type: 'modal',
  callback_id: ids.views.reminderWaiver,
  title: { type: 'plain_text', text: m.reminders.waiverTitle },
  close: { type: 'plain_text', text: m.reminders.waiverCancel },
  ...(submit ? { submit: { type: 'plain_text', text: m.reminders.waiverSubmit } } : {}),
  private_metadata: metadata,
  blocks,
});

/** A refusal where no reply can go: the user clicked, so the answer belongs in the modal. */
export function waiverRefusalModal(m: Messages, text: string): ModalView {
  return frame(m, [{ type: 'section', text: { type: 'mrkdwn', text } }], false);
}

/** "Ikke aktuelt denne perioden": asks why; the pair travels in private_metadata and is checked again on submit. */
export function waiverModal(m: Messages, lang: Lang, pair: PairLabel, metadata: string): ModalView {
  const t = m.reminders;
  const measure = t.measure(pair.measureNumber, titleIn(lang, pair)).slice(0, 500);
  return frame(
    m,
    [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: t.waiverIntro(measure, lang === 'nb' ? pair.agencyNameNb : pair.agencyNameEn) },
      },
      {
        type: 'input',
        block_id: ids.blocks.reminders.reason,
        label: { type: 'plain_text', text: t.waiverLabel },
        element: {
          type: 'plain_text_input',
          action_id: ids.actions.reminders.reason,
          multiline: true,
          max_length: WAIVER_REASON_MAX,
          placeholder: { type: 'plain_text', text: t.waiverPlaceholder },
        },
      },
    ],
    true,
    metadata,
  );
}
