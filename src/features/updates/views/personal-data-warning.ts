import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import type { Messages } from '../../../kernel/i18n/index.js';
import { clip } from '../../../kernel/text/format.js';
import type { PersonalDataFinding } from '../../../kernel/text/personal-data.js';
import { ids, SEND_ANYWAY_VALUE } from '../contract.js';
import type { TextField } from '../personal-data.js';

const block = ids.blocks.updates;
const BLOCK_OF: Record<TextField, string> = {
  done: block.done,
  challenges: block.challenges,
  nextSteps: block.nextSteps,
};

/** What a submission held for each input, as read from view.state.values. */
export type SubmittedValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null | undefined;
      selected_date?: string | null | undefined;
      selected_option?: { value: string } | null | undefined;
    }
  >
>;

/** One error per field that holds an e-mail address or phone number, naming what was found. */
export function contactWarnings(
  m: Messages,
  findings: Partial<Record<TextField, PersonalDataFinding[]>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, found] of Object.entries(findings) as [TextField, PersonalDataFinding[]][]) {
    const kinds = [...new Set(found.map((f) => (f.kind === 'email' ? m.privacy.kind.email : m.privacy.kind.phone)))];
    const matches = found.map((f) => `«${f.match}»`).join(', ');
    out[BLOCK_OF[field]] = clip(m.privacy.contactWarning(kinds.join(' / '), matches), 2000);
  }
  return out;
}

/**
 * The update form again, with what the user typed kept, a warning above and a
 * «send anyway» checkbox below: a second «Send» with it ticked stores the update.
 */
export function withSendAnyway(m: Messages, form: ModalView, submitted: SubmittedValues): ModalView {
  const kept = form.blocks
    .filter((b) => b.block_id !== block.personalDataWarning && b.block_id !== block.sendAnyway)
    .map((b) => (isInput(b) ? keepTyped(b, submitted) : b));
  const warning: KnownBlock = {
    type: 'section',
    block_id: block.personalDataWarning,
    text: { type: 'mrkdwn', text: m.privacy.warningIntro },
  };
  const checkbox: InputBlock = {
    type: 'input',
    block_id: block.sendAnyway,
    optional: true,
    label: { type: 'plain_text', text: m.privacy.sendAnywayLabel },
    element: {
      type: 'checkboxes',
      action_id: ids.actions.updates.input,
      options: [{ text: { type: 'plain_text', text: m.privacy.sendAnyway }, value: SEND_ANYWAY_VALUE }],
    },
  };
  return { ...form, blocks: [warning, ...kept, checkbox] };
}

function isInput(b: ModalView['blocks'][number]): b is InputBlock {
  return b.type === 'input';
}

function keepTyped(input: InputBlock, submitted: SubmittedValues): InputBlock {
  const el = input.element;
  const state = input.block_id === undefined ? undefined : submitted[input.block_id]?.[el.action_id ?? ''];
  if (state === undefined) return input;
  switch (el.type) {
    case 'plain_text_input':
    case 'number_input': {
      const { initial_value: _old, ...rest } = el;
      return { ...input, element: state.value ? { ...rest, initial_value: state.value } : rest };
    }
    case 'datepicker':
      return state.selected_date ? { ...input, element: { ...el, initial_date: state.selected_date } } : input;
    case 'static_select': {
      const option = el.options?.find((o) => o.value === state.selected_option?.value);
      return option ? { ...input, element: { ...el, initial_option: option } } : input;
    }
    default:
      return input;
  }
}
