import type { Reply, Subcommand, SubcommandContext } from '../../../kernel/commands/subcommand.js';
import type { Deps } from '../../../kernel/deps.js';
import type { PersonWithAgency } from '../../../kernel/people/people.js';
import { agencyName, quote, viewLocale } from '../../../kernel/text/format.js';
import { loadMeasureRows } from '../measure-rows.js';
import { myMeasuresMessage } from '../views/measure-lists.js';
import { withUsage } from './subcommand-args.js';

/** The user's agency's measures, one page. */
export async function renderMine(deps: Deps, person: PersonWithAgency, page: number): Promise<Reply> {
  const loc = viewLocale(deps, person.language);
  if (person.agencyId === null || person.agency === null) return { text: loc.m.measureViews.mineNoAgency };
  const rows = await loadMeasureRows(deps, person, { kind: 'agency', agencyId: person.agencyId });
  return myMeasuresMessage(loc, agencyName(loc.lang, person.agency), rows, page);
}

async function run(ctx: SubcommandContext, usage: string): Promise<void> {
  if (ctx.args.length > 0)
    return ctx.reply({ text: withUsage(ctx.m, ctx.m.tiltak.unexpectedWords(quote(ctx.args.join(' '))), usage) });
  await ctx.reply(await renderMine(ctx.deps, ctx.person, 0));
}

export const defaultSubcommand: Subcommand = {
  key: 'default',
  names: [],
  usage: (m) => m.tiltak.defaultUsage,
  summary: (m) => m.tiltak.defaultSummary,
  run: (ctx) => run(ctx, ctx.m.tiltak.defaultUsage),
};

export const mineSubcommand: Subcommand = {
  key: 'mine',
  names: ['mine'],
  usage: (m) => m.tiltak.mineUsage,
  summary: (m) => m.tiltak.mineSummary,
  run: (ctx) => run(ctx, ctx.m.tiltak.mineUsage),
};
