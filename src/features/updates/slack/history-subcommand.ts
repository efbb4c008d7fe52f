import type { Reply, Subcommand } from '../../../kernel/commands/subcommand.js';
import type { Deps } from '../../../kernel/deps.js';
import type { PersonWithAgency } from '../../../kernel/people/people.js';
import { viewLocale } from '../../../kernel/text/format.js';
import { findMeasureByNumber } from '../../plan/index.js';
import { loadHistoryPage } from '../update-history.js';
import { HISTORY_PAGE_SIZE, historyMessage } from '../views/update-history.js';
import { measureNumberArg, noSuchMeasure } from './subcommand-args.js';

/** One page of a measure's history; null when there is no such measure. */
export async function renderHistory(
  deps: Deps,
  person: PersonWithAgency,
  measureNumber: number,
  page: number,
): Promise<Reply | null> {
  const measure = await findMeasureByNumber(deps.prisma, measureNumber, deps.reference);
  if (measure === null) return null;
  const history = await loadHistoryPage(deps.prisma, measure.id, page, HISTORY_PAGE_SIZE);
  return historyMessage(viewLocale(deps, person.language), measure.number, history);
}

export const historySubcommand: Subcommand = {
  key: 'history',
  names: ['historikk', 'history'],
  usage: (m) => m.tiltak.historyUsage,
  summary: (m) => m.tiltak.historySummary,
  async run(ctx) {
    const usage = ctx.m.tiltak.historyUsage;
    const parsed = measureNumberArg(ctx.m, ctx.args, usage);
    if (!parsed.ok) return ctx.reply({ text: parsed.text });
    const reply = await renderHistory(ctx.deps, ctx.person, parsed.value.number, 0);
    await ctx.reply(reply ?? { text: noSuchMeasure(ctx.m, parsed.value.typed, usage) });
  },
};
