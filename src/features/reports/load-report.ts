import type { PrismaClient } from '../../generated/prisma/client.js';
import { addDays, atLocalTime, dayOf, type LocalDay } from '../../kernel/calendar/calendar.js';
import { findPlan } from '../../kernel/db/plan.js';
import { countByStatus } from '../digests/index.js';
import { focusAreas, loadMeasureStatuses, type MeasureStatus } from '../plan/index.js';
import { latestVersions } from '../updates/index.js';
import type { ReportArea, ReportData, ReportEntry, ReportMeasure, VersionRow } from './model.js';

export interface ReportRequest {
  from: LocalDay;
  to: LocalDay;
  timeZone: string;
  generatedAt: Date;
}

/**
 * The status report for a period, as of its last day: statuses then, and
 * what each agency reported within it. A fixed number of queries (plan,
 * areas, statuses, the period's versions with their names, waivers).
 */
export async function loadReport(prisma: PrismaClient, request: ReportRequest): Promise<ReportData | null> {
  const plan = await findPlan(prisma);
  if (plan === null) return null;
  const start = atLocalTime(request.from, '00:00', request.timeZone);
  const end = atLocalTime(addDays(request.to, 1), '00:00', request.timeZone);
  const [areas, statuses, rows, waivers] = await Promise.all([
    focusAreas(prisma),
    loadMeasureStatuses(prisma, { asOf: new Date(end.getTime() - 1), includeArchived: true }),
    prisma.update.findMany({
      where: { createdAt: { gte: start, lt: end } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: {
        measure: { select: { number: true, titleNb: true, focusArea: { select: { number: true } } } },
        agency: { select: { code: true, nameNb: true, nameEn: true } },
        author: { select: { name: true, slackId: true } },
      },
    }),
    prisma.periodWaiver.findMany({
      where: { createdAt: { gte: start, lt: end } },
      select: { measureId: true, agencyId: true },
    }),
  ]);

  const versions: VersionRow[] = rows.map((r) => ({
    id: r.id,
    seriesId: r.seriesId,
    version: r.version,
    createdAt: r.createdAt,
    periodDate: r.periodDate,
    focusArea: r.measure.focusArea?.number ?? null,
    measure: r.measure.number,
    measureTitleNb: r.measure.titleNb,
    agencyCode: r.agency.code,
    agencyNameNb: r.agency.nameNb,
    authorName: r.author.name,
    authorSlackId: r.author.slackId,
    onBehalf: r.onBehalf,
    status: r.status,
    progress: r.progress,
    done: r.done,
    challenges: r.challenges,
    nextSteps: r.nextSteps,
    spendNok: r.spendNok,
  }));

  // The report quotes each series once, as last written in the period.
  const entries = new Map<number, ReportEntry[]>();
  for (const r of latestVersions(rows).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)) {
    const list = entries.get(r.measureId) ?? [];
    list.push({
      agencyCode: r.agency.code,
      agencyNameNb: r.agency.nameNb,
      agencyNameEn: r.agency.nameEn,
      authorName: r.author.name,
      onBehalf: r.onBehalf,
      status: r.status,
      progress: r.progress,
      done: r.done,
      challenges: r.challenges,
      createdAt: r.createdAt,
    });
    entries.set(r.measureId, list);
  }
  const waived = new Set(waivers.map((w) => w.measureId));

  const toMeasure = (s: MeasureStatus): ReportMeasure => {
    const own = entries.get(s.measure.id) ?? [];
    return {
      number: s.measure.number,
      titleNb: s.measure.titleNb,
      titleEn: s.measure.titleEn,
      agencies: s.agencies.map((a) => ({ code: a.code, nameNb: a.nameNb, nameEn: a.nameEn, role: a.role })),
      rolled: s.rolled,
      entries: own,
      waivedOnly: own.length === 0 && waived.has(s.measure.id),
      reported: own.length > 0 || waived.has(s.measure.id),
    };
  };
  const reportAreas: ReportArea[] = areas.map((a) => ({
    number: a.number,
    titleNb: a.titleNb,
    titleEn: a.titleEn,
    measures: statuses.filter((s) => s.measure.focusAreaId === a.id).map(toMeasure),
  }));
  const unplaced = statuses.filter((s) => s.measure.focusAreaId === null);
  if (unplaced.length > 0)
    reportAreas.push({ number: null, titleNb: '', titleEn: '', measures: unplaced.map(toMeasure) });

  return {
    plan: {
      titleNb: plan.titleNb,
      titleEn: plan.titleEn,
      startDate: dayOf(plan.startDate),
      endDate: dayOf(plan.endDate),
      budgetNok: plan.budgetNok,
    },
    from: request.from,
    to: request.to,
    generatedAt: request.generatedAt,
    areas: reportAreas,
    counts: countByStatus(statuses),
    measureCount: statuses.length,
    areaCount: areas.length,
    agencyCount: new Set(statuses.flatMap((s) => s.agencies.map((a) => a.agencyId))).size,
    updateCount: rows.length,
    versions,
  };
}
