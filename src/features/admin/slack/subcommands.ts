import type { ModalView } from '@slack/types';
import type { Subcommand, SubcommandContext } from '../../../kernel/commands/subcommand.js';
import { messages } from '../../../kernel/i18n/index.js';
import { seesWholePlan } from '../../../kernel/people/permissions.js';
import { failureLang, failureText } from '../../../kernel/slack/failure-text.js';
import { openLoadingModal, replaceLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { quote, viewLocale } from '../../../kernel/text/format.js';
import { areaChoices, readAreaArg } from '../../../kernel/text/typed-area.js';
import { parseUserRef } from '../../../kernel/text/typed-user.js';
import { readWholeNumber } from '../../../kernel/text/whole-number.js';
import { MAX_MEASURE_NUMBER } from '../../plan/index.js';
import { findAgencyByCode, listAgencies } from '../agencies.js';
import { findAreaByNumber, listAreas } from '../areas.js';
import { type LogFilter, loadLogPage } from '../audit-log.js';
import { ids } from '../contract.js';
import { loadMeasureForm } from '../measures.js';
import { findPersonRow, listPeople } from '../people.js';
import { agencyListReply, agencyModal } from '../views/agencies.js';
import { areaModal } from '../views/area-modal.js';
import { adminHelp } from '../views/help.js';
import { logReply } from '../views/log.js';
import { measureModal } from '../views/measure-modal.js';
import { adminNoticeView } from '../views/notice.js';
import { peopleListReply, personModal } from '../views/people.js';
import { slackDirectory } from './directory.js';

const NEW_WORDS = new Set(['ny', 'nytt', 'new']);

/** Refused before a word of theirs is read: anyone not an active coordinator or admin. */
function forAdministrators(subcommand: Subcommand): Subcommand {
  return {
    ...subcommand,
    run: (ctx) => (seesWholePlan(ctx.person) ? subcommand.run(ctx) : ctx.reply({ text: ctx.m.admin.refused })),
  };
}

/** Opens the loading modal with the command's trigger first, then builds the real view. */
async function openModal(ctx: SubcommandContext, build: () => Promise<ModalView>): Promise<void> {
  const modal = await openLoadingModal(ctx.client, ctx.triggerId, ids.views.notice);
  if (modal === null) return;
  await replaceLoadingModal(ctx.client, modal, build, (error) =>
    adminNoticeView(
      messages(failureLang(ctx.deps, ctx.userId, ctx.lang)),
      failureText(ctx.deps, ctx.userId, error, ctx.lang),
    ),
  );
}

const agencies: Subcommand = {
  key: 'admin-agencies',
  names: ['etater', 'agencies'],
  usage: (m) => m.admin.usage.agencies,
  summary: (m) => m.admin.summary.agencies,
  async run(ctx) {
    const [word] = ctx.args;
    if (word === undefined) return ctx.reply(agencyListReply(ctx.m, ctx.lang, await listAgencies(ctx.deps.prisma)));
    if (NEW_WORDS.has(word.toLowerCase())) return openModal(ctx, async () => agencyModal(ctx.m, null));
    await openModal(ctx, async () => {
      const agency = await findAgencyByCode(ctx.deps.prisma, word);
      return agency === null
        ? adminNoticeView(ctx.m, ctx.m.admin.agencies.unknown(quote(word)))
        : agencyModal(ctx.m, agency);
    });
  },
};

const people: Subcommand = {
  key: 'admin-people',
  names: ['personer', 'people'],
  usage: (m) => m.admin.usage.people,
  summary: (m) => m.admin.summary.people,
  async run(ctx) {
    const [word] = ctx.args;
    const { prisma } = ctx.deps;
    if (word === undefined) return ctx.reply(peopleListReply(ctx.m, await listPeople(prisma)));
    const isNew = NEW_WORDS.has(word.toLowerCase());
    const ref = isNew ? null : parseUserRef(word);
    const email = !isNew && ref === null && word.includes('@') ? word : null;
    if (!isNew && ref?.kind !== 'id' && email === null)
      return ctx.reply({ text: ctx.m.common.usage(ctx.m.admin.usage.people) });
    await openModal(ctx, async () => {
      const agencies = await listAgencies(prisma);
      let slackId = ref?.kind === 'id' ? ref.slackId : null;
      if (email !== null) {
        const found = await slackDirectory(ctx.client).byEmail(email);
        if (found === null) return adminNoticeView(ctx.m, ctx.m.admin.errors.emailUnknown);
        slackId = found.slackId;
      }
      const person = slackId === null ? null : await findPersonRow(prisma, { slackId });
      return personModal(ctx.m, ctx.lang, { person, pickedUser: slackId, agencies });
    });
  },
};

const measure: Subcommand = {
  key: 'admin-measure',
  names: ['tiltak', 'measure'],
  usage: (m) => m.admin.usage.measure,
  summary: (m) => m.admin.summary.measure,
  async run(ctx) {
    const [word] = ctx.args;
    const isNew = word !== undefined && NEW_WORDS.has(word.toLowerCase());
    const read = readWholeNumber(word, { min: 1, max: MAX_MEASURE_NUMBER });
    if (!isNew && !read.ok) return ctx.reply({ text: ctx.m.admin.measures.usageHint });
    await openModal(ctx, async () => {
      const form = await loadMeasureForm(ctx.deps.prisma, read.ok ? read.value : null);
      if (read.ok && form.measure === null)
        return adminNoticeView(ctx.m, ctx.m.admin.measures.unknown(quote(word ?? '')));
      return measureModal(ctx.m, ctx.lang, form);
    });
  },
};

const area: Subcommand = {
  key: 'admin-area',
  names: ['område', 'omrade', 'area'],
  usage: (m) => m.admin.usage.area,
  summary: (m) => m.admin.summary.area,
  async run(ctx) {
    const arg = readAreaArg(ctx.args);
    if (arg.kind !== 'number') return ctx.reply({ text: ctx.m.admin.areas.usageHint });
    await openModal(ctx, async () => {
      const found = await findAreaByNumber(ctx.deps.prisma, arg.number);
      if (found !== null) return areaModal(ctx.m, found);
      const choices = areaChoices(ctx.lang, await listAreas(ctx.deps.prisma));
      return adminNoticeView(ctx.m, ctx.m.admin.areas.unknown(quote(arg.given), choices));
    });
  },
};

/** `logg`, `logg tiltak 5`, `logg person @x`: the filter, or null when the words name none. */
function readLogFilter(args: readonly string[]): LogFilter | null {
  const [word, value] = args;
  if (word === undefined) return { kind: 'all' };
  const lower = word.toLowerCase();
  if (lower === 'tiltak' || lower === 'measure') {
    const read = readWholeNumber(value, { min: 1, max: MAX_MEASURE_NUMBER });
    return read.ok && args.length === 2 ? { kind: 'measure', number: read.value } : null;
  }
  if (lower === 'person') {
    const ref = value === undefined ? null : parseUserRef(value);
    return ref?.kind === 'id' && args.length === 2 ? { kind: 'person', slackId: ref.slackId } : null;
  }
  return null;
}

const log: Subcommand = {
  key: 'admin-log',
  names: ['logg', 'log'],
  usage: (m) => m.admin.usage.log,
  summary: (m) => m.admin.summary.log,
  async run(ctx) {
    const filter = readLogFilter(ctx.args);
    if (filter === null) return ctx.reply({ text: ctx.m.admin.log.usageHint });
    await ctx.reply(await renderLog(ctx, filter, 0));
  },
};

/** A page of the log for a filter; the page buttons render the next one the same way. */
export async function renderLog(ctx: Pick<SubcommandContext, 'deps' | 'lang' | 'm'>, filter: LogFilter, page: number) {
  const loaded = await loadLogPage(ctx.deps.prisma, filter, page);
  const t = ctx.m.admin.log;
  if (loaded === null)
    return {
      text:
        filter.kind === 'person'
          ? ctx.m.admin.people.unknown(`<@${filter.slackId}>`)
          : ctx.m.admin.measures.unknown(filter.kind === 'measure' ? String(filter.number) : ''),
    };
  const heading =
    filter.kind === 'all'
      ? t.title
      : t.filtered(filter.kind === 'measure' ? t.ofMeasure(filter.number) : `<@${filter.slackId}>`);
  const value = filter.kind === 'all' ? {} : filter.kind === 'measure' ? { m: filter.number } : { u: filter.slackId };
  return logReply(viewLocale(ctx.deps, ctx.lang), loaded, value, heading);
}

/**
 * /tiltak-admin's own sub-commands, in the order the help lists them. Another
 * feature's admin sub-commands join them in commands/tiltak-admin.ts.
 */
export function adminSubcommands(): Subcommand[] {
  return [agencies, people, measure, area, log].map(forAdministrators);
}

/** The help, over whatever the command's registry holds; refused like every other sub-command. */
export function adminHelpSubcommand(registry: () => readonly Subcommand[]): Subcommand {
  return forAdministrators({
    key: 'help',
    names: ['hjelp', 'help'],
    usage: (m) => m.admin.usage.help,
    summary: (m) => m.admin.summary.help,
    run: (ctx) => ctx.reply(adminHelp(ctx.m, registry())),
  });
}
