import { localDay } from '../../../kernel/calendar/calendar.js';
import type { Subcommand, SubcommandContext } from '../../../kernel/commands/subcommand.js';
import type { SlackUserId } from '../../../kernel/slack/slack-user-id.js';
import { formatDueDay, mention } from '../../../kernel/text/dates.js';
import { quote } from '../../../kernel/text/format.js';
import { parseDay } from '../../../kernel/text/typed-day.js';
import { parseUserRef } from '../../../kernel/text/typed-user.js';
import { currentAbsence, endAbsence, registerAbsence } from '../absences.js';
import { findSubstitute, teamLeadOf } from '../substitute.js';

const MAX_DAYS = 366;
const END_WORDS = ['av', 'off', 'slutt', 'end'];

/** `/tiltak fravær <fra> <til> [@stedfortreder]`, `fravær av`, and `fravær` alone to see what is registered. */
export function absenceSubcommand(): Subcommand {
  return {
    key: 'absence',
    names: ['fravær', 'fravaer', 'away'],
    usage: (m) => m.reminderCommands.absenceUsage,
    summary: (m) => m.reminderCommands.absenceSummary,
    run,
  };
}

async function run(ctx: SubcommandContext): Promise<void> {
  const t = ctx.m.reminderCommands;
  const { prisma, clock, config } = ctx.deps;
  const now = clock.now();
  const today = localDay(now, config.TZ_PLAN);
  const day = (d: string) => formatDueDay(d, ctx.lang);
  const [first, second, third, ...rest] = ctx.args;
  if (first === undefined) {
    const current = await currentAbsence(prisma, ctx.person.id, today);
    const text =
      current === null
        ? t.absenceNone
        : t.absenceCurrent(
            day(current.fromDay),
            day(current.toDay),
            current.substituteSlackId ? mention(current.substituteSlackId) : '',
          );
    return ctx.reply({ text: `${text}\n${ctx.m.common.usage(t.absenceUsage)}` });
  }
  if (second === undefined && END_WORDS.includes(first.toLowerCase())) {
    const ended = await endAbsence(prisma, { personId: ctx.person.id, actor: ctx.userId, today, at: now });
    return ctx.reply({ text: ended > 0 ? t.absenceEnded : t.absenceNone });
  }
  if (second === undefined || rest.length > 0) return ctx.reply({ text: ctx.m.common.usage(t.absenceUsage) });
  const from = parseDay(first, today);
  if (from === null) return ctx.reply({ text: t.absenceBadDate(quote(first)) });
  const to = parseDay(second, today);
  if (to === null) return ctx.reply({ text: t.absenceBadDate(quote(second)) });
  if (to < from) return ctx.reply({ text: t.absenceOrder });
  if (to < today) return ctx.reply({ text: t.absencePast });
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_DAYS)
    return ctx.reply({ text: t.absenceTooLong(MAX_DAYS) });
  let substitute: SlackUserId | null = null;
  if (third !== undefined) {
    const ref = parseUserRef(third);
    const found = ref === null ? { kind: 'none' as const } : await findSubstitute(prisma, ref);
    if (found.kind === 'none') return ctx.reply({ text: t.absenceUnknownSubstitute(quote(third)) });
    if (found.kind === 'many') return ctx.reply({ text: t.absenceAmbiguous(quote(third), found.names.join(', ')) });
    if (found.slackId === ctx.person.slackId) return ctx.reply({ text: t.absenceSelf });
    substitute = found.slackId;
  }
  await registerAbsence(prisma, {
    personId: ctx.person.id,
    actor: ctx.userId,
    fromDay: from,
    toDay: to,
    substituteSlackId: substitute,
    today,
    at: now,
  });
  const lead = substitute === null ? await teamLeadOf(prisma, ctx.person) : null;
  const routing =
    substitute !== null
      ? t.absenceToSubstitute(mention(substitute))
      : lead !== null
        ? t.absenceToTeamLead(mention(lead))
        : t.absenceToNobody;
  return ctx.reply({ text: `${t.absenceSaved(day(from), day(to))} ${routing}` });
}
