import type { Deps } from '../../../deps.js';
import { loadOverdue } from '../../../services/overdue.js';
import { seesWholePlan } from '../../../services/permissions.js';
import type { PersonWithAgency } from '../../../services/people.js';
import { quote } from '../../../views/measure-format.js';
import { overdueMessage } from '../../../views/overdue-list.js';
import type { Reply, Subcommand } from '../../subcommands/types.js';
import { viewLocale } from '../view-locale.js';
import { withUsage } from './args.js';

export async function renderOverdue(deps: Deps, person: PersonWithAgency, page: number): Promise<Reply> {
  const loc = viewLocale(deps, person.language);
  const whole = seesWholePlan(person);
  if (!whole && person.agencyId === null) return { text: loc.m.measureViews.noAgencyOverdue };
  return overdueMessage(loc, await loadOverdue(deps, person), whole, page);
}

export const overdueSubcommand: Subcommand = {
  key: 'overdue',
  names: ['forfalt', 'overdue'],
  usage: (m) => m.tiltak.overdueUsage,
  summary: (m) => m.tiltak.overdueSummary,
  async run(ctx) {
    if (ctx.args.length > 0) return ctx.reply({ text: withUsage(ctx.m, ctx.m.tiltak.unexpectedWords(quote(ctx.args.join(' '))), ctx.m.tiltak.overdueUsage) });
    await ctx.reply(await renderOverdue(ctx.deps, ctx.person, 0));
  },
};
