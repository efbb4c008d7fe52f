import type { Subcommand } from '../../../kernel/commands/subcommand.js';
import { viewLocale } from '../../../kernel/text/format.js';
import { loadMeasureCard } from '../measure-card.js';
import { measureCardMessage } from '../views/measure-card.js';
import { measureNumberArg, noSuchMeasure } from './subcommand-args.js';

/** `/tiltak <nr>`: the dispatcher hands over every word, the number first. */
export const cardSubcommand: Subcommand = {
  key: 'number',
  names: [],
  usage: (m) => m.tiltak.numberUsage,
  summary: (m) => m.tiltak.numberSummary,
  async run(ctx) {
    const usage = ctx.m.tiltak.numberUsage;
    const parsed = measureNumberArg(ctx.m, ctx.args, usage);
    if (!parsed.ok) return ctx.reply({ text: parsed.text });
    const card = await loadMeasureCard(ctx.deps, ctx.person, parsed.value.number);
    if (card === null) return ctx.reply({ text: noSuchMeasure(ctx.m, parsed.value.typed, usage) });
    await ctx.reply(measureCardMessage(viewLocale(ctx.deps, ctx.lang), card));
  },
};
