import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Messages } from '../../../kernel/i18n/index.js';
import { clip } from '../../../kernel/text/format.js';
import { ids } from '../contract.js';

/** A modal with one message and a close button: a refusal, a failure, or what a button did. */
export function adminNoticeView(m: Messages, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: ids.views.notice,
    title: { type: 'plain_text', text: m.admin.noticeTitle },
    close: { type: 'plain_text', text: m.admin.close },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } }],
  };
}

/** Slack allows 75 characters of option text. */
export function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text: clip(text, 75) }, value };
}

/** A form around its inputs, with Lagre/Avbryt in the user's language. */
export function formView(
  m: Messages,
  callbackId: string,
  title: string,
  privateMetadata: string,
  blocks: KnownBlock[],
): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: { type: 'plain_text', text: clip(title, 24) },
    submit: { type: 'plain_text', text: m.admin.save },
    close: { type: 'plain_text', text: m.admin.cancel },
    private_metadata: privateMetadata,
    blocks,
  };
}

/** A plain text input, the action_id every admin input shares. */
export function textInput(
  blockId: string,
  label: string,
  initial: string | null,
  opts: { optional?: boolean; multiline?: boolean; max?: number; hint?: string } = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: { type: 'plain_text', text: label },
    ...(opts.hint === undefined ? {} : { hint: { type: 'plain_text', text: opts.hint } }),
    element: {
      type: 'plain_text_input',
      action_id: ids.actions.admin.input,
      multiline: opts.multiline ?? false,
      ...(opts.max === undefined ? {} : { max_length: opts.max }),
      ...(initial === null || initial === '' ? {} : { initial_value: initial }),
    },
  };
}

/** A static select; `initial` must be the value of one of the options. */
export function selectInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  initial: string | null,
  optional = false,
): KnownBlock {
  const chosen = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'static_select',
      action_id: ids.actions.admin.input,
      options,
      ...(chosen === undefined ? {} : { initial_option: chosen }),
    },
  };
}
