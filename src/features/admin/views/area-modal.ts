import type { KnownBlock, ModalView } from '@slack/types';
import type { FocusArea } from '../../../generated/prisma/client.js';
import type { Messages } from '../../../kernel/i18n/index.js';
import { NONE as PLAN_DEFAULT } from '../choices.js';
import { encodeForm, ids } from '../contract.js';
import { NAME_LIMIT } from '../form-values.js';
import { formView, option, selectInput, textInput } from './notice.js';

export function areaModal(m: Messages, area: FocusArea): ModalView {
  const b = ids.blocks.area;
  const t = m.admin.areas;
  const blocks: KnownBlock[] = [
    textInput(b.titleNb, t.titleNb, area.titleNb, { max: NAME_LIMIT }),
    textInput(b.titleEn, t.titleEn, area.titleEn, { max: NAME_LIMIT }),
    {
      type: 'input',
      block_id: b.channel,
      optional: true,
      label: { type: 'plain_text', text: t.channel },
      element: {
        type: 'conversations_select',
        action_id: ids.actions.admin.input,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(area.channel === null ? {} : { initial_conversation: area.channel }),
      },
    },
    selectInput(
      b.weekday,
      t.weekday,
      [option(t.planDefault, PLAN_DEFAULT), ...t.weekdays.map((day, i) => option(day, String(i + 1)))],
      String(area.digestWeekday ?? PLAN_DEFAULT),
    ),
    textInput(b.time, t.time, area.digestTime, { optional: true, max: 5, hint: t.timeHint }),
  ];
  return formView(m, ids.views.areaModal, t.modalEdit(area.number), encodeForm({ id: area.id }), blocks);
}
