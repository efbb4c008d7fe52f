import type { KnownBlock, ModalView } from '@slack/types';
import type { Agency, Person } from '../../../generated/prisma/client.js';
import type { Reply } from '../../../kernel/commands/subcommand.js';
import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { nameIn } from '../../../kernel/i18n/localized.js';
import { escapeMrkdwn } from '../../../kernel/text/format.js';
import { NONE as NO_AGENCY, ROLES } from '../choices.js';
import { encodeForm, encodeRow, ids } from '../contract.js';
import { NAME_LIMIT } from '../form-values.js';
import { formView, option, selectInput, textInput } from './notice.js';

const LIST_MAX = 45;

type PersonRow = Person & { agency: Agency | null };

function describe(m: Messages, p: PersonRow): string {
  const parts = [`*${escapeMrkdwn(p.name)}* <@${p.slackId}>`, p.agency?.code ?? '–', m.admin.roles[p.role]];
  if (!p.active) parts.push(`_${m.admin.people.inactive}_`);
  return parts.join(' · ');
}

export function peopleListReply(m: Messages, people: readonly PersonRow[]): Reply {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: m.admin.people.title } },
    ...people.slice(0, LIST_MAX).map(
      (p): KnownBlock => ({
        type: 'section',
        text: { type: 'mrkdwn', text: describe(m, p) },
        accessory: {
          type: 'button',
          action_id: ids.actions.admin.personEdit,
          text: { type: 'plain_text', text: m.admin.edit },
          value: encodeRow(p.id),
        },
      }),
    ),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          style: 'primary',
          action_id: ids.actions.admin.personNew,
          text: { type: 'plain_text', text: m.admin.people.add },
          value: 'new',
        },
      ],
    },
  ];
  if (people.length === 0)
    blocks.splice(1, 0, { type: 'section', text: { type: 'mrkdwn', text: m.admin.people.none } });
  return { text: [m.admin.people.title, ...people.map((p) => describe(m, p))].join('\n'), blocks };
}

export interface PersonModalData {
  /** The person edited; null for a new link, which may come with the user already picked. */
  person: PersonRow | null;
  pickedUser: string | null;
  agencies: readonly Agency[];
}

/** Registers (person null) or edits a person; an active person being edited can be removed from here. */
export function personModal(m: Messages, lang: Lang, data: PersonModalData): ModalView {
  const b = ids.blocks.person;
  const p = m.admin.people;
  const { person } = data;
  const blocks: KnownBlock[] = [];
  if (person === null) {
    blocks.push(
      {
        type: 'input',
        block_id: b.user,
        optional: true,
        label: { type: 'plain_text', text: p.user },
        element: {
          type: 'users_select',
          action_id: ids.actions.admin.input,
          ...(data.pickedUser === null ? {} : { initial_user: data.pickedUser }),
        },
      },
      textInput(b.email, p.email, null, { optional: true, max: 254, hint: p.emailHint }),
    );
  } else {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: describe(m, person) } });
  }
  blocks.push(
    textInput(b.name, p.name, person?.name ?? null, { optional: true, max: NAME_LIMIT, hint: p.nameHint }),
    selectInput(
      b.agency,
      p.agency,
      [
        option(p.noAgency, NO_AGENCY),
        ...data.agencies.slice(0, 99).map((a) => option(`${a.code} · ${nameIn(lang, a)}`, String(a.id))),
      ],
      person === null ? null : String(person.agencyId ?? NO_AGENCY),
    ),
    selectInput(
      b.role,
      p.role,
      ROLES.map((r) => option(m.admin.roles[r], r)),
      person?.role ?? 'CONTACT',
    ),
  );
  if (person?.active === true)
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          style: 'danger',
          action_id: ids.actions.admin.personRemove,
          text: { type: 'plain_text', text: p.remove },
          value: encodeRow(person.id),
          confirm: {
            title: { type: 'plain_text', text: p.remove },
            text: { type: 'plain_text', text: p.removeConfirm(person.name) },
            confirm: { type: 'plain_text', text: p.remove },
            deny: { type: 'plain_text', text: m.admin.cancel },
            style: 'danger',
          },
        },
      ],
    });
  return formView(
    m,
    ids.views.personModal,
    person === null ? p.modalNew : p.modalEdit,
    encodeForm({ id: person?.id ?? 0 }),
    blocks,
  );
}
