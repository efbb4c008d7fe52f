import type { KnownBlock, ModalView } from '@slack/types';
import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { nameIn, titleIn } from '../../../kernel/i18n/localized.js';
import { NONE } from '../choices.js';
import { encodeForm, encodeRow, ids } from '../contract.js';
import { DESCRIPTION_LIMIT, NAME_LIMIT } from '../form-values.js';
import type { MeasureForm } from '../measures.js';
import { formView, option, selectInput, textInput } from './notice.js';

/** Adds or edits a measure; an existing one can be archived (or restored), or deleted while it has no updates. */
export function measureModal(m: Messages, lang: Lang, form: MeasureForm): ModalView {
  const b = ids.blocks.measure;
  const t = m.admin.measures;
  const { measure } = form;
  const lead = measure?.agencies.find((a) => a.role === 'LEAD')?.agencyId ?? null;
  const partners = new Set(measure?.agencies.filter((a) => a.role === 'PARTNER').map((a) => a.agencyId) ?? []);
  const agencyOptions = form.agencies.slice(0, 99).map((a) => option(`${a.code} · ${nameIn(lang, a)}`, String(a.id)));
  const blocks: KnownBlock[] = [];
  if (measure === null)
    blocks.push(textInput(b.number, t.number, form.nextNumber === null ? null : String(form.nextNumber), { max: 7 }));
  else if (measure.archivedAt !== null)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.archived }] });
  blocks.push(
    textInput(b.titleNb, t.titleNb, measure?.titleNb ?? null, { max: NAME_LIMIT }),
    textInput(b.titleEn, t.titleEn, measure?.titleEn ?? null, { max: NAME_LIMIT }),
    textInput(b.description, t.description, measure?.description ?? null, {
      optional: true,
      multiline: true,
      max: DESCRIPTION_LIMIT,
    }),
    selectInput(
      b.area,
      t.area,
      [option(t.noArea, NONE), ...form.areas.map((a) => option(`${a.number} · ${titleIn(lang, a)}`, String(a.id)))],
      String(measure?.focusAreaId ?? NONE),
    ),
    selectInput(b.lead, t.lead, [option(t.noLead, NONE), ...agencyOptions.slice(0, 98)], String(lead ?? NONE)),
    {
      type: 'input',
      block_id: b.partners,
      optional: true,
      label: { type: 'plain_text', text: t.partners },
      element: {
        type: 'multi_static_select',
        action_id: ids.actions.admin.input,
        options: agencyOptions,
        ...(partners.size === 0 ? {} : { initial_options: agencyOptions.filter((o) => partners.has(Number(o.value))) }),
      },
    },
    textInput(b.cadence, t.cadence, measure?.cadenceDays == null ? null : String(measure.cadenceDays), {
      optional: true,
      max: 3,
      hint: t.cadenceHint,
    }),
    {
      type: 'input',
      block_id: b.deadline,
      optional: true,
      label: { type: 'plain_text', text: t.deadline },
      element: {
        type: 'datepicker',
        action_id: ids.actions.admin.input,
        ...(measure?.deadline ? { initial_date: measure.deadline.toISOString().slice(0, 10) } : {}),
      },
    },
  );
  if (measure !== null) {
    const archived = measure.archivedAt !== null;
    const value = encodeRow(measure.id);
    blocks.push({
      type: 'actions',
      block_id: b.actions,
      elements: [
        archived
          ? {
              type: 'button',
              action_id: ids.actions.admin.measureUnarchive,
              text: { type: 'plain_text', text: t.unarchive },
              value,
            }
          : {
              type: 'button',
              action_id: ids.actions.admin.measureArchive,
              text: { type: 'plain_text', text: t.archive },
              value,
              confirm: {
                title: { type: 'plain_text', text: t.archive },
                text: { type: 'plain_text', text: t.archiveConfirm(measure.number) },
                confirm: { type: 'plain_text', text: t.archive },
                deny: { type: 'plain_text', text: m.admin.cancel },
              },
            },
        // A measure with updates offers no delete: its reports are records.
        ...(measure._count.updates > 0
          ? []
          : [
              {
                type: 'button' as const,
                style: 'danger' as const,
                action_id: ids.actions.admin.measureDelete,
                text: { type: 'plain_text' as const, text: t.delete },
                value,
                confirm: {
                  title: { type: 'plain_text' as const, text: t.delete },
                  text: { type: 'plain_text' as const, text: t.deleteConfirm(measure.number) },
                  confirm: { type: 'plain_text' as const, text: t.delete },
                  deny: { type: 'plain_text' as const, text: m.admin.cancel },
                  style: 'danger' as const,
                },
              },
            ]),
      ],
    });
  }
  const title = measure === null ? t.modalNew : t.modalEdit(measure.number);
  return formView(m, ids.views.measureModal, title, encodeForm({ id: measure?.id ?? 0 }), blocks);
}
