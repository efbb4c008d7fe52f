import type { Reply, Subcommand } from '../../../kernel/commands/subcommand.js';
import type { Deps } from '../../../kernel/deps.js';
import type { PersonWithAgency } from '../../../kernel/people/people.js';
import { measureTitle, quote, viewLocale } from '../../../kernel/text/format.js';
import { readAreaArg } from '../../../kernel/text/typed-area.js';
import { focusAreaByNumber } from '../../plan/index.js';
import { loadMeasureRows } from '../measure-rows.js';
import { measureListMessage } from '../views/measure-lists.js';
import { withUsage } from './subcommand-args.js';

/** All measures, or one focus area's (null: the area does not exist), one page. */
export async function renderList(
  deps: Deps,
  person: PersonWithAgency,
  areaNumber: number | null,
  page: number,
): Promise<Reply | null> {
  const loc = viewLocale(deps, person.language);
  let area = null;
  if (areaNumber !== null) {
    area = await focusAreaByNumber(deps.prisma, areaNumber);
    if (area === null) return null;
  }
  const rows = await loadMeasureRows(
    deps,
    person,
    area === null ? { kind: 'all' } : { kind: 'all', focusAreaId: area.id },
  );
  return measureListMessage(
    loc,
    area === null ? null : { number: area.number, title: measureTitle(loc.lang, area) },
    rows,
    page,
  );
}

export const listSubcommand: Subcommand = {
  key: 'list',
  names: ['liste', 'list'],
  usage: (m) => m.tiltak.listUsage,
  summary: (m) => m.tiltak.listSummary,
  async run(ctx) {
    const { m, args } = ctx;
    const usage = m.tiltak.listUsage;
    const area = readAreaArg(args);
    if (area.kind === 'none' && area.rest.length === 0)
      return ctx.reply((await renderList(ctx.deps, ctx.person, null, 0)) ?? { text: m.measureViews.listNone });
    if (area.kind === 'none' || (area.kind === 'number' && area.rest.length > 0))
      return ctx.reply({ text: withUsage(m, m.tiltak.unexpectedWords(quote(args.join(' '))), usage) });
    if (area.kind === 'bad' && area.given === '') return ctx.reply({ text: withUsage(m, m.tiltak.missingArea, usage) });
    const reply = area.kind === 'number' ? await renderList(ctx.deps, ctx.person, area.number, 0) : null;
    await ctx.reply(reply ?? { text: withUsage(m, m.tiltak.noSuchArea(quote(area.given)), usage) });
  },
};
