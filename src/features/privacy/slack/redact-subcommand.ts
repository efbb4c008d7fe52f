import type { Subcommand } from '../../../kernel/commands/subcommand.js';
import { failureText } from '../../../kernel/slack/failure-text.js';
import { openLoadingModal, replaceLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { quote, viewLocale } from '../../../kernel/text/format.js';
import { readWholeNumber } from '../../../kernel/text/whole-number.js';
import { MAX_MEASURE_NUMBER } from '../../plan/index.js';
import { ids } from '../contract.js';
import { mayRedact } from '../redact-update.js';
import { listRedactable, loadRedactable } from '../redactable.js';
import { noticeModal, redactList, redactModal } from '../views/redact-views.js';

const MEASURE_WORDS = new Set(['tiltak', 'measure']);
/** Update ids are database ids: far above any measure number, but still small. */
const MAX_UPDATE_ID = 2_147_483_647;

/**
 * `/tiltak-admin sladd <oppdatering>` opens the redaction modal for one update
 * version; `sladd tiltak <nr>` lists a measure's versions with their numbers
 * and a button each. Admins only: a coordinator is told so, and nothing is read.
 */
export function redactSubcommand(): Subcommand {
  return {
    key: 'redact',
    names: ['sladd', 'redact'],
    usage: (m) => m.privacy.redact.usage,
    summary: (m) => m.privacy.redact.summary,
    async run(ctx) {
      const { m, args, deps } = ctx;
      const t = m.privacy.redact;
      if (!mayRedact(ctx.person)) return ctx.reply({ text: t.onlyAdmins });
      const loc = viewLocale(deps, ctx.lang);
      const [first, second, ...rest] = args;
      if (first !== undefined && MEASURE_WORDS.has(first) && second !== undefined && rest.length === 0) {
        const number = readWholeNumber(second.replace(/^#/u, ''), { min: 1, max: MAX_MEASURE_NUMBER });
        const rows = number.ok ? await listRedactable(deps.prisma, number.value) : null;
        if (!number.ok || rows === null) return ctx.reply({ text: t.noMeasure(quote(second)) });
        return ctx.reply(redactList(loc, number.value, rows));
      }
      if (first === undefined || second !== undefined) return ctx.reply({ text: t.badArgs });
      const id = readWholeNumber(first.replace(/^(nr\.?|no\.?|#)/iu, ''), { min: 1, max: MAX_UPDATE_ID });
      if (!id.ok) return ctx.reply({ text: t.badArgs });
      const modal = await openLoadingModal(ctx.client, ctx.triggerId, ids.views.redactModal);
      if (modal === null) return;
      await replaceLoadingModal(
        ctx.client,
        modal,
        async () => {
          const target = await loadRedactable(deps.prisma, id.value);
          return target === null ? noticeModal(m, t.noUpdate(quote(first))) : redactModal(loc, target);
        },
        (error) => noticeModal(m, failureText(deps, ctx.userId, error, ctx.lang)),
      );
    },
  };
}
