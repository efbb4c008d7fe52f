import type { KnownBlock, ModalView } from '@slack/types';
import type { Agency } from '../../../generated/prisma/client.js';
import type { Reply } from '../../../kernel/commands/subcommand.js';
import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { nameIn } from '../../../kernel/i18n/localized.js';
import { escapeMrkdwn } from '../../../kernel/text/format.js';
import { AGENCY_KINDS } from '../choices.js';
import { encodeForm, encodeRow, ids } from '../contract.js';
import { NAME_LIMIT } from '../form-values.js';
import { formView, option, selectInput, textInput } from './notice.js';

/** Room for the header and the button under a message's 50 blocks. */
const LIST_MAX = 45;

export function agencyListReply(m: Messages, lang: Lang, agencies: readonly Agency[]): Reply {
  const lines = agencies.map((a) => {
    const lead = a.teamLeadSlackId === null ? m.admin.agencies.teamLeadNone : `<@${a.teamLeadSlackId}>`;
    return `*${escapeMrkdwn(a.code)}* · ${escapeMrkdwn(nameIn(lang, a))} · ${m.admin.kinds[a.kind]} · ${lead}`;
  });
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: m.admin.agencies.title } },
    ...agencies.slice(0, LIST_MAX).map(
      (a, i): KnownBlock => ({
        type: 'section',
        text: { type: 'mrkdwn', text: lines[i] as string },
        accessory: {
          type: 'button',
          action_id: ids.actions.admin.agencyEdit,
          text: { type: 'plain_text', text: m.admin.edit },
          value: encodeRow(a.id),
        },
      }),
    ),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          style: 'primary',
          action_id: ids.actions.admin.agencyNew,
          text: { type: 'plain_text', text: m.admin.agencies.add },
          value: 'new',
        },
      ],
    },
  ];
  if (agencies.length === 0)
    blocks.splice(1, 0, { type: 'section', text: { type: 'mrkdwn', text: m.admin.agencies.none } });
  return { text: [m.admin.agencies.title, ...lines].join('\n'), blocks };
}

/** Adds (agency null) or edits an agency. */
export function agencyModal(m: Messages, agency: Agency | null): ModalView {
  const b = ids.blocks.agency;
  const a = m.admin.agencies;
  const blocks: KnownBlock[] = [
    textInput(b.code, a.code, agency?.code ?? null, { max: 16, hint: a.codeHint }),
    textInput(b.nameNb, a.nameNb, agency?.nameNb ?? null, { max: NAME_LIMIT }),
    textInput(b.nameEn, a.nameEn, agency?.nameEn ?? null, { max: NAME_LIMIT }),
    selectInput(
      b.kind,
      a.kind,
      AGENCY_KINDS.map((k) => option(m.admin.kinds[k], k)),
      agency?.kind ?? null,
    ),
    {
      type: 'input',
      block_id: b.teamLead,
      optional: true,
      label: { type: 'plain_text', text: a.teamLead },
      element: {
        type: 'users_select',
        action_id: ids.actions.admin.input,
        ...(agency?.teamLeadSlackId ? { initial_user: agency.teamLeadSlackId } : {}),
      },
    },
  ];
  return formView(
    m,
    ids.views.agencyModal,
    agency === null ? a.modalNew : a.modalEdit,
    encodeForm({ id: agency?.id ?? 0 }),
    blocks,
  );
}
