import type { Subcommand } from '../../../kernel/commands/subcommand.js';
import { reportableAgencyIds } from '../../../kernel/people/permissions.js';
import { findMeasureByNumber } from '../../plan/index.js';
import { openUpdateModal } from './open-update-modal.js';
import { measureNumberArg, noSuchMeasure } from './subcommand-args.js';

/** `/tiltak oppdater <nr>`: answers bad input in the channel, and opens the modal otherwise. */
export const updateSubcommand: Subcommand = {
  key: 'update',
  names: ['oppdater', 'update'],
  usage: (m) => m.tiltak.updateUsage,
  summary: (m) => m.tiltak.updateSummary,
  async run(ctx) {
    const usage = ctx.m.tiltak.updateUsage;
    const parsed = measureNumberArg(ctx.m, ctx.args, usage);
    if (!parsed.ok) return ctx.reply({ text: parsed.text });
    const measure = await findMeasureByNumber(ctx.deps.prisma, parsed.value.number);
    if (measure === null) return ctx.reply({ text: noSuchMeasure(ctx.m, parsed.value.typed, usage) });
    if (reportableAgencyIds(ctx.person, measure.agencies).length === 0)
      return ctx.reply({ text: ctx.m.updates.refusals.not_allowed });
    await openUpdateModal({
      deps: ctx.deps,
      client: ctx.client,
      triggerId: ctx.triggerId,
      person: ctx.person,
      measureNumber: parsed.value.number,
      source: 'command',
    });
  },
};
