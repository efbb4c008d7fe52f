import type { Reply, Subcommand } from '../../../kernel/commands/subcommand.js';
import type { Deps } from '../../../kernel/deps.js';
import type { PersonWithAgency } from '../../../kernel/people/people.js';
import { seesWholePlan } from '../../../kernel/people/permissions.js';
import { quote, viewLocale } from '../../../kernel/text/format.js';
import { loadOverdue } from '../overdue.js';
import { overdueMessage } from '../views/overdue-list.js';
import { withUsage } from './subcommand-args.js';

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
    if (ctx.args.length > 0)
      return ctx.reply({
        text: withUsage(ctx.m, ctx.m.tiltak.unexpectedWords(quote(ctx.args.join(' '))), ctx.m.tiltak.overdueUsage),
      });
    await ctx.reply(await renderOverdue(ctx.deps, ctx.person, 0));
  },
};
