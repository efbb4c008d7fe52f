import type { Subcommand } from '../../../kernel/commands/subcommand.js';
import { messages } from '../../../kernel/i18n/index.js';
import { ids } from '../contract.js';
import { openUpdateModal } from './open-update-modal.js';
import { measureNumberArg } from './subcommand-args.js';

/**
 * `/tiltak oppdater <nr>`: answers a malformed number in the channel, and
 * otherwise opens the modal before any lookup; a measure that does not exist,
 * or that the user may not report on, is said in the modal.
 */
export const updateSubcommand: Subcommand = {
  key: 'update',
  names: ['oppdater', 'update'],
  usage: (m) => m.tiltak.updateUsage,
  summary: (m) => m.tiltak.updateSummary,
  modalFor: (args) => (measureNumberArg(messages('nb'), args, '').ok ? ids.views.updateNotice : null),
  async run(ctx) {
    const usage = ctx.m.tiltak.updateUsage;
    const parsed = measureNumberArg(ctx.m, ctx.args, usage);
    if (!parsed.ok) return ctx.reply({ text: parsed.text });
    await openUpdateModal({
      deps: ctx.deps,
      client: ctx.client,
      triggerId: ctx.triggerId,
      person: ctx.person,
      measureNumber: parsed.value.number,
      measureTyped: parsed.value.typed,
      source: 'command',
      opened: ctx.modal,
    });
  },
};
