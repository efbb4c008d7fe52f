import type { PrismaClient, ReportingRound } from '../../generated/prisma/client.js';
import { atLocalTime, dayOf, type LocalDay, localDay } from '../../kernel/calendar/calendar.js';
import { writeAudit } from '../../kernel/db/audit.js';
import { findPlan } from '../../kernel/db/plan.js';
import type { SlackUserId } from '../../kernel/slack/slack-user-id.js';
import { lastReportedAt, loadDueFacts } from '../plan/index.js';

export interface RoundScope {
  /** null: the whole plan. */
  area: { id: number; number: number; titleNb: string; titleEn: string } | null;
}

export type OpenRoundResult =
  | { ok: true; round: ReportingRound; measures: number; agencies: number }
  | { ok: false; reason: 'past' }
  | { ok: false; reason: 'after_plan'; planEnd: LocalDay }
  | { ok: false; reason: 'overlap'; open: ReportingRound };

/** A deadline is the whole of its day: a report written late that evening is in time. */
const deadlineInstant = (day: LocalDay, timeZone: string) =>
  new Date(atLocalTime(day, '23:59', timeZone).getTime() + 59_999);

/** Open: not closed by hand and its deadline day not over. */
function isOpen(round: ReportingRound, at: Date): boolean {
  return round.closedAt === null && round.deadline >= at && round.openedAt <= at;
}

const overlaps = (a: number | null, b: number | null) => a === null || b === null || a === b;

/**
 * Opens a round for the whole plan or one focus area. Two open rounds may not
 * cover the same measure: which deadline would apply would be a guess.
 */
export async function openRound(
  prisma: PrismaClient,
  args: { deadlineDay: LocalDay; scope: RoundScope; actor: SlackUserId; at: Date; timeZone: string },
): Promise<OpenRoundResult> {
  const { at, timeZone } = args;
  if (args.deadlineDay < localDay(at, timeZone)) return { ok: false, reason: 'past' };
  const plan = await findPlan(prisma);
  const planEnd = plan ? dayOf(plan.endDate) : undefined;
  if (planEnd !== undefined && args.deadlineDay > planEnd) return { ok: false, reason: 'after_plan', planEnd };
  const areaId = args.scope.area?.id ?? null;
  return prisma.$transaction(async (tx) => {
    const open = (
      await tx.reportingRound.findMany({
        where: { closedAt: null, deadline: { gte: at } },
        orderBy: { openedAt: 'desc' },
      })
    ).find((r) => overlaps(r.focusAreaId, areaId));
    if (open !== undefined) return { ok: false as const, reason: 'overlap' as const, open };
    const round = await tx.reportingRound.create({
      data: {
        deadline: deadlineInstant(args.deadlineDay, timeZone),
        focusAreaId: areaId,
        openedBy: args.actor,
        openedAt: at,
      },
    });
    await writeAudit(tx, {
      actor: args.actor,
      action: 'round.open',
      entity: 'ReportingRound',
      entityId: String(round.id),
      before: null,
      after: { deadline: args.deadlineDay, focusAreaId: areaId },
      at,
    });
    const pairs = await tx.measureAgency.findMany({
      where: areaId === null ? {} : { measure: { focusAreaId: areaId } },
      select: { measureId: true, agencyId: true },
    });
    return {
      ok: true as const,
      round,
      measures: new Set(pairs.map((p) => p.measureId)).size,
      agencies: new Set(pairs.map((p) => p.agencyId)).size,
    };
  });
}

/** Closes the open round that covers the scope; the pairs go back to their cadence. */
export async function closeRound(
  prisma: PrismaClient,
  args: { scope: RoundScope; actor: SlackUserId; at: Date },
): Promise<ReportingRound | null> {
  const areaId = args.scope.area?.id ?? null;
  return prisma.$transaction(async (tx) => {
    const open = (
      await tx.reportingRound.findMany({
        where: { closedAt: null, deadline: { gte: args.at } },
        orderBy: { openedAt: 'desc' },
      })
    ).find((r) => r.focusAreaId === areaId || args.scope.area === null);
    if (open === undefined) return null;
    const closed = await tx.reportingRound.update({
      where: { id: open.id },
      data: { closedAt: args.at, closedBy: args.actor },
    });
    await writeAudit(tx, {
      actor: args.actor,
      action: 'round.close',
      entity: 'ReportingRound',
      entityId: String(open.id),
      before: { closedAt: null },
      after: { closedAt: args.at.toISOString() },
      at: args.at,
    });
    return closed;
  });
}

export interface RoundProgress {
  round: ReportingRound;
  open: boolean;
  measures: number;
  reported: number;
  /** Measures still missing a report from some agency, with those agencies' codes. */
  missing: Array<{ number: number; agencies: string[] }>;
}

/**
 * How far the latest round for the scope has come: a measure counts as
 * reported when every responsible agency has reported (or said "ikke
 * aktuelt") since the round opened, or has completed or cancelled it.
 */
export async function roundProgress(
  prisma: PrismaClient,
  args: { scope: RoundScope; at: Date; timeZone: string },
): Promise<RoundProgress | null> {
  const areaId = args.scope.area?.id ?? null;
  const round = await prisma.reportingRound.findFirst({
    where: {
      openedAt: { lte: args.at },
      ...(areaId === null ? {} : { OR: [{ focusAreaId: areaId }, { focusAreaId: null }] }),
    },
    orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
  });
  if (round === null) return null;
  const facts = await loadDueFacts(prisma, args.at, args.timeZone);
  const byMeasure = new Map<number, { number: number; missing: string[] }>();
  for (const pair of facts.pairs) {
    if (round.focusAreaId !== null && pair.focusAreaId !== round.focusAreaId) continue;
    if (areaId !== null && pair.focusAreaId !== areaId) continue;
    const entry = byMeasure.get(pair.measureId) ?? { number: pair.number, missing: [] };
    const last = lastReportedAt(pair);
    if (!pair.settled && (last === null || last < round.openedAt)) entry.missing.push(pair.agencyCode);
    byMeasure.set(pair.measureId, entry);
  }
  const missing = [...byMeasure.values()]
    .filter((m) => m.missing.length > 0)
    .map((m) => ({ number: m.number, agencies: m.missing }));
  return {
    round,
    open: isOpen(round, args.at),
    measures: byMeasure.size,
    reported: byMeasure.size - missing.length,
    missing,
  };
}
