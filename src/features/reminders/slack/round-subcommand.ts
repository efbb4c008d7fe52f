import { localDay } from '../../../kernel/calendar/calendar.js';
import { coordinatorsOnly } from '../../../kernel/commands/coordinators-only.js';
import type { Subcommand, SubcommandContext } from '../../../kernel/commands/subcommand.js';
import { titleIn } from '../../../kernel/i18n/localized.js';
import { formatDueDay } from '../../../kernel/text/dates.js';
import { quote } from '../../../kernel/text/format.js';
import { areaChoices, readAreaArg } from '../../../kernel/text/typed-area.js';
import { parseDay } from '../../../kernel/text/typed-day.js';
import { focusAreaById, focusAreaByNumber, focusAreas } from '../../plan/index.js';
import { closeRound, openRound, type RoundScope, roundProgress } from '../rounds.js';

const MAX_MISSING_LISTED = 40;

/** Sends what a tick of the reminders job would send at `at`: a new round's notices go out at once. */
export type SendReminders = (ctx: SubcommandContext, at: Date) => Promise<unknown>;

/**
 * `/rapport runde <frist> [område <n>]`, `runde status [område <n>]`, `runde lukk [område <n>]`: coordinators only.
 * The reminders job is passed in, since a listener runs no job itself.
 */
export function roundSubcommand(sendReminders: SendReminders): Subcommand {
  return coordinatorsOnly({
    key: 'round',
    names: ['runde', 'round'],
    usage: (m) => m.reminderCommands.roundUsage,
    summary: (m) => m.reminderCommands.roundSummary,
    run: (ctx) => run(ctx, sendReminders),
  });
}

type ScopeRead = { ok: true; scope: RoundScope } | { ok: false };

/** Reads an optional area (`område 2`, `area 2`, `2`); answers the user itself when it cannot. */
async function readScope(ctx: SubcommandContext, words: string[]): Promise<ScopeRead> {
  const t = ctx.m.reminderCommands;
  const read = readAreaArg(words);
  if (read.kind === 'none' && read.rest.length === 0) return { ok: true, scope: { area: null } };
  const fits = read.kind === 'number' && read.rest.length === 0;
  const area = fits ? await focusAreaByNumber(ctx.deps.prisma, read.number) : null;
  if (area !== null) return { ok: true, scope: { area } };
  const given = read.kind === 'none' || (read.kind === 'number' && read.rest.length > 0) ? words.join(' ') : read.given;
  const areas = await focusAreas(ctx.deps.prisma);
  await ctx.reply({ text: t.roundNoArea(quote(given || '?'), areaChoices(ctx.lang, areas)) });
  return { ok: false };
}

function scopeText(ctx: SubcommandContext, scope: RoundScope): string {
  const t = ctx.m.reminderCommands;
  return scope.area === null ? t.roundWholePlan : t.roundArea(scope.area.number, titleIn(ctx.lang, scope.area));
}

async function run(ctx: SubcommandContext, sendReminders: SendReminders): Promise<void> {
  const t = ctx.m.reminderCommands;
  const [first, ...rest] = ctx.args;
  if (first === undefined) return ctx.reply({ text: ctx.m.common.usage(t.roundUsage) });
  const word = first.toLowerCase();
  const read = await readScope(ctx, rest);
  if (!read.ok) return;
  if (word === 'status') return status(ctx, read.scope);
  if (word === 'lukk' || word === 'close') return close(ctx, read.scope);
  return open(ctx, first, read.scope, sendReminders);
}

async function open(
  ctx: SubcommandContext,
  given: string,
  scope: RoundScope,
  sendReminders: SendReminders,
): Promise<void> {
  const t = ctx.m.reminderCommands;
  const { prisma, clock, config } = ctx.deps;
  const now = clock.now();
  const day = parseDay(given, localDay(now, config.TZ_PLAN));
  if (day === null) return ctx.reply({ text: `${t.roundBadDate(quote(given))}\n${ctx.m.common.usage(t.roundUsage)}` });
  const result = await openRound(prisma, {
    deadlineDay: day,
    scope,
    actor: ctx.userId,
    at: now,
    timeZone: config.TZ_PLAN,
  });
  if (!result.ok) {
    if (result.reason === 'past') return ctx.reply({ text: t.roundPast });
    if (result.reason === 'after_plan')
      return ctx.reply({ text: t.roundAfterPlan(formatDueDay(result.planEnd, ctx.lang)) });
    const openScope =
      result.open.focusAreaId === null
        ? t.roundWholePlan
        : scopeText(ctx, { area: await focusAreaById(prisma, result.open.focusAreaId) });
    return ctx.reply({
      text: t.roundOverlap(formatDueDay(localDay(result.open.deadline, config.TZ_PLAN), ctx.lang), openScope),
    });
  }
  await ctx.reply({
    text: t.roundOpened(scopeText(ctx, scope), formatDueDay(day, ctx.lang), result.measures, result.agencies),
  });
  // The contacts hear now rather than at the next tick, also on an instance that runs no scheduler;
  // the ledger keeps a scheduler elsewhere from sending the same notices again. The round is open
  // whatever happens here, and what is not sent now the scheduler sends, so a failure is only logged.
  try {
    await sendReminders(ctx, now);
  } catch (error) {
    ctx.log.warn({ err: error }, 'round opened; its notices are left to the scheduler');
  }
}

async function close(ctx: SubcommandContext, scope: RoundScope): Promise<void> {
  const t = ctx.m.reminderCommands;
  const closed = await closeRound(ctx.deps.prisma, { scope, actor: ctx.userId, at: ctx.deps.clock.now() });
  if (closed === null) return ctx.reply({ text: t.roundNoneOpen });
  const area = await focusAreaById(ctx.deps.prisma, closed.focusAreaId);
  return ctx.reply({
    text: t.roundClosed(
      scopeText(ctx, { area }),
      formatDueDay(localDay(closed.deadline, ctx.deps.config.TZ_PLAN), ctx.lang),
    ),
  });
}

async function status(ctx: SubcommandContext, scope: RoundScope): Promise<void> {
  const t = ctx.m.reminderCommands;
  const { prisma, clock, config } = ctx.deps;
  const progress = await roundProgress(prisma, { scope, at: clock.now(), timeZone: config.TZ_PLAN });
  if (progress === null) return ctx.reply({ text: t.roundNone });
  const { round } = progress;
  const area = await focusAreaById(prisma, round.focusAreaId);
  const lines = [
    t.roundStatusHead(
      scopeText(ctx, { area }),
      formatDueDay(localDay(round.deadline, config.TZ_PLAN), ctx.lang),
      progress.open,
    ),
    t.roundProgress(progress.reported, progress.measures, progress.missing.length),
    ...progress.missing.slice(0, MAX_MISSING_LISTED).map((x) => t.roundMissing(x.number, x.agencies.join(', '))),
  ];
  if (progress.missing.length > MAX_MISSING_LISTED)
    lines.push(t.roundMissingMore(progress.missing.length - MAX_MISSING_LISTED));
  const text = lines.join('\n');
  return ctx.reply({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }] });
}
