import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { dayOf } from '../../../kernel/calendar/calendar.js';
import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { STATUS_EMOJI, STATUSES, type Status } from '../../../kernel/status.js';
import {
  agencyName,
  clip,
  clipMrkdwn,
  escapeMrkdwn,
  formatDay,
  formatInstant,
  formatKroner,
  measureTitle,
  type ViewLocale,
} from '../../../kernel/text/format.js';
import { ids } from '../contract.js';
import { TEXT_LIMIT } from '../update-draft.js';
import type { AgencyChoice, UpdateForm } from '../update-form.js';

const block = ids.blocks.updates;
const input = ids.actions.updates.input;
const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** The update modal: pre-filled from the agency's latest update, or from the version being edited. */
export function updateModalView(loc: ViewLocale, form: UpdateForm, privateMetadata: string): ModalView {
  const { m, lang } = loc;
  const t = m.updates;
  const editing = form.baseVersion > 0;
  const prefill = form.prefill;
  const blocks: KnownBlock[] = [measureBlock(m, lang, form), agencyBlock(m, lang, form)];
  if (editing && prefill !== null) {
    blocks.push(context(t.editing(formatInstant(loc, prefill.createdAt), prefill.version)));
  } else if (prefill !== null) {
    blocks.push(context(t.previousDone(formatInstant(loc, prefill.createdAt), clipMrkdwn(prefill.done, 300))));
  }
  blocks.push(
    statusInput(m, prefill?.status),
    {
      type: 'input',
      block_id: block.progress,
      optional: true,
      label: plain(t.progressLabel),
      hint: plain(t.progressHint),
      element: {
        type: 'number_input',
        action_id: input,
        is_decimal_allowed: false,
        min_value: '0',
        max_value: '100',
        ...(prefill?.progress == null ? {} : { initial_value: String(prefill.progress) }),
      },
    },
    textInput(block.done, t.doneLabel, t.doneHint(TEXT_LIMIT), false, editing ? prefill?.done : undefined),
    textInput(block.challenges, t.challengesLabel, t.challengesHint(TEXT_LIMIT), true, prefill?.challenges),
    textInput(block.nextSteps, t.nextStepsLabel, t.nextStepsHint(TEXT_LIMIT), true, prefill?.nextSteps),
    {
      type: 'input',
      block_id: block.spend,
      optional: true,
      label: plain(t.spendLabel),
      hint: plain(t.spendHint),
      element: {
        type: 'plain_text_input',
        action_id: input,
        max_length: 30,
        ...(prefill?.spendNok == null
          ? {}
          : { initial_value: formatKroner(lang, prefill.spendNok).replace(/\u00a0/gu, ' ') }),
      },
    },
    {
      type: 'input',
      block_id: block.periodDate,
      label: plain(t.periodLabel),
      hint: plain(t.periodHint(formatDay(m, lang, form.bounds.earliest), formatDay(m, lang, form.bounds.latest))),
      element: {
        type: 'datepicker',
        action_id: input,
        initial_date: editing && prefill !== null ? dayOf(prefill.periodDate) : clampDay(form),
      },
    },
  );
  return {
    type: 'modal',
    callback_id: ids.views.updateModal,
    private_metadata: privateMetadata,
    title: plain(editing ? t.editTitle : t.modalTitle),
    submit: plain(t.submit),
    close: plain(t.cancel),
    blocks,
  };
}

function measureBlock(m: Messages, lang: Lang, form: UpdateForm): KnownBlock {
  const label = (ref: UpdateForm['measure']) => clip(`${ref.number} · ${measureTitle(lang, ref)}`, 75);
  if (form.measureChoices.length === 0) {
    return {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: m.updates.measureFixed(form.measure.number, clipMrkdwn(measureTitle(lang, form.measure), 2500)),
      },
    };
  }
  const options = form.measureChoices.map((ref) => ({ text: plain(label(ref)), value: String(ref.id) }));
  const selected = options.find((o) => o.value === String(form.measure.id));
  return {
    type: 'input',
    block_id: ids.blocks.updates.measure,
    dispatch_action: true,
    label: plain(m.updates.measureLabel),
    element: {
      type: 'static_select',
      action_id: ids.actions.updates.pickMeasure,
      options,
      ...(selected ? { initial_option: selected } : {}),
    },
  };
}

function agencyBlock(m: Messages, lang: Lang, form: UpdateForm): KnownBlock {
  const label = (a: AgencyChoice) =>
    clip(`${a.code} – ${agencyName(lang, a)} (${a.role === 'LEAD' ? m.updates.lead : m.updates.partner})`, 75);
  if (form.agencyChoices.length === 0) {
    return context(m.updates.agencyFixed(escapeMrkdwn(agencyName(lang, form.agency)), form.agency.code));
  }
  const options = form.agencyChoices.map((a) => ({ text: plain(label(a)), value: String(a.id) }));
  const selected = options.find((o) => o.value === String(form.agency.id));
  return {
    type: 'input',
    block_id: ids.blocks.updates.agency,
    dispatch_action: true,
    label: plain(m.updates.agencyLabel),
    hint: plain(m.updates.agencyHint),
    element: {
      type: 'static_select',
      action_id: ids.actions.updates.pickAgency,
      options,
      ...(selected ? { initial_option: selected } : {}),
    },
  };
}

function statusInput(m: Messages, current: Status | undefined): InputBlock {
  const options: PlainTextOption[] = STATUSES.map((s) => ({
    text: plain(`${STATUS_EMOJI[s]} ${m.status[s]}`),
    value: s,
  }));
  const selected = options.find((o) => o.value === current);
  return {
    type: 'input',
    block_id: block.status,
    label: plain(m.updates.statusLabel),
    element: {
      type: 'static_select',
      action_id: input,
      placeholder: plain(m.updates.statusPlaceholder),
      options,
      ...(selected ? { initial_option: selected } : {}),
    },
  };
}

function textInput(
  blockId: string,
  label: string,
  hint: string,
  optional: boolean,
  initial: string | null | undefined,
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: 'plain_text_input',
      action_id: input,
      multiline: true,
      max_length: TEXT_LIMIT,
      ...(initial ? { initial_value: initial } : {}),
    },
  };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, 3000) }] };
}

/** Today, or the plan's last day once it has ended: the default period a report covers. */
function clampDay(form: UpdateForm): string {
  return form.today > form.bounds.latest ? form.bounds.latest : form.today;
}
