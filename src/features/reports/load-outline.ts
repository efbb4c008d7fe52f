import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { addDays, atLocalTime, dayOf, type LocalDay } from '../../kernel/calendar/calendar.js';
import { findPlan } from '../../kernel/db/plan.js';
import { queryRows } from '../../kernel/db/rows.js';
import { countByStatus } from '../digests/index.js';
import { focusAreas, loadMeasureStatuses, type MeasureStatus } from '../plan/index.js';
import type { ReportArea, ReportMeasure, ReportOutline } from './model.js';

export interface ReportRequest {
  from: LocalDay;
  to: LocalDay;
  timeZone: string;
  generatedAt: Date;
}

const measureCounts = z.object({
  measureId: z.number().int(),
  versions: z.number().int(),
  series: z.number().int(),
  maxId: z.number().int(),
});

/**
 * The status report's outline for a period, as of its last day: statuses
 * then, and how many versions and entries each measure has within it. A
 * fixed number of queries (plan, areas, statuses, counts, waivers) whose
 * rows grow with the plan; the period's rows are only counted here.
 */
export async function loadReportOutline(prisma: PrismaClient, request: ReportRequest): Promise<ReportOutline | null> {
  const plan = await findPlan(prisma);
  if (plan === null) return null;
  const start = atLocalTime(request.from, '00:00', request.timeZone);
  const end = atLocalTime(addDays(request.to, 1), '00:00', request.timeZone);
  const [areas, statuses, counted, waivers] = await Promise.all([
    focusAreas(prisma),
    loadMeasureStatuses(prisma, { asOf: new Date(end.getTime() - 1), includeArchived: true }),
    queryRows(
      prisma,
      measureCounts,
      Prisma.sql`
        SELECT "measureId", count(*)::int AS versions, count(DISTINCT "seriesId")::int AS series, max(id) AS "maxId"
        FROM "Update" WHERE "createdAt" >= ${start} AND "createdAt" < ${end}
        GROUP BY "measureId"`,
    ),
    prisma.periodWaiver.findMany({
      where: { createdAt: { gte: start, lt: end } },
      select: { measureId: true },
      distinct: ['measureId'],
    }),
  ]);
  const entries = new Map(counted.map((c) => [c.measureId, c.series]));
  const waived = new Set(waivers.map((w) => w.measureId));
  const toMeasure = (s: MeasureStatus): ReportMeasure => {
    const entryCount = entries.get(s.measure.id) ?? 0;
    return {
      id: s.measure.id,
      number: s.measure.number,
      titleNb: s.measure.titleNb,
      titleEn: s.measure.titleEn,
      agencies: s.agencies.map((a) => ({ code: a.code, nameNb: a.nameNb, nameEn: a.nameEn, role: a.role })),
      rolled: s.rolled,
      entryCount,
      waivedOnly: entryCount === 0 && waived.has(s.measure.id),
      reported: entryCount > 0 || waived.has(s.measure.id),
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
    window: { start, end, maxUpdateId: counted.reduce((max, c) => Math.max(max, c.maxId), 0) },
    areas: reportAreas,
    counts: countByStatus(statuses),
    measureCount: statuses.length,
    areaCount: areas.length,
    agencyCount: new Set(statuses.flatMap((s) => s.agencies.map((a) => a.agencyId))).size,
    updateCount: counted.reduce((sum, c) => sum + c.versions, 0),
  };
}
