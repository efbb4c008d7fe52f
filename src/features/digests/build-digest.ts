import type { PrismaClient } from '../../generated/prisma/client.js';
import { addDays, dayOf, mondayOfIsoWeek } from '../../kernel/calendar/calendar.js';
import type { Config } from '../../kernel/config.js';
import { findPlan } from '../../kernel/db/plan.js';
import type { RolledStatus } from '../../kernel/status.js';
import { dueSettingsFrom, loadDueStates } from '../plan/index.js';
import { latestVersions } from '../updates/index.js';
import { countByStatus } from './counts.js';
import { loadStatusHistory } from './load-status-history.js';
import type { Digest, DigestMeasure, DigestPeriod, DigestUpdate, OverdueAgency } from './model.js';
import { weekPeriod, weeksUpTo } from './schedule.js';

export const CHART_WEEKS = 8;

const rolledOnly = (statuses: readonly RolledStatus[]) => statuses.map((rolled) => ({ rolled }));

/**
 * Gathers one focus area's digest for a period. The number of queries is
 * fixed, and they run side by side: the area, the plan, its measures' status
 * at each chart week's end (two), the period's updates (three, with the
 * agency and the author), and the area's due states (three), whatever the
 * size of the plan.
 */
export async function buildDigest(
  prisma: PrismaClient,
  config: Config,
  areaId: number,
  period: DigestPeriod,
): Promise<Digest> {
  const weeks = weeksUpTo(period.week, CHART_WEEKS);
  const asOf = weeks.map((w) => (w === period.week ? period.to : weekPeriod(w, config.TZ_PLAN).to));
  const settings = dueSettingsFrom(config);
  const [area, plan, history, rows, due] = await Promise.all([
    prisma.focusArea.findUniqueOrThrow({ where: { id: areaId } }),
    findPlan(prisma),
    loadStatusHistory(prisma, areaId, asOf),
    prisma.update.findMany({
      where: { measure: { focusAreaId: areaId }, createdAt: { gt: period.from, lte: period.to } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { agency: { select: { code: true, nameNb: true, nameEn: true } }, author: { select: { name: true } } },
    }),
    loadDueStates(prisma, settings, period.to, { focusAreaId: areaId }),
  ]);
  const planStart = plan ? dayOf(plan.startDate) : null;
  const currentRolled = history.rolled.at(-1) ?? [];
  const previousRolled = history.rolled.at(-2) ?? [];
  const current = history.measures.map((measure, i) => ({ measure, rolled: currentRolled[i] ?? 'NO_REPORT' }));

  const overdueByMeasure = new Map<number, OverdueAgency[]>();
  for (const pair of due) {
    if (pair.overdueWorkingDays <= 0) continue;
    const list = overdueByMeasure.get(pair.measureId) ?? [];
    list.push({
      code: history.agencyCodes.get(pair.agencyId) ?? String(pair.agencyId),
      overdueWorkingDays: pair.overdueWorkingDays,
    });
    overdueByMeasure.set(pair.measureId, list);
  }

  // The week shows each report once, as last written.
  const latestOfSeries = latestVersions(rows);
  const updatesByMeasure = new Map<number, DigestUpdate[]>();
  for (const row of latestOfSeries) {
    const list = updatesByMeasure.get(row.measureId) ?? [];
    list.push({
      id: row.id,
      agencyCode: row.agency.code,
      agencyNameNb: row.agency.nameNb,
      agencyNameEn: row.agency.nameEn,
      authorName: row.author.name,
      onBehalf: row.onBehalf,
      status: row.status,
      progress: row.progress,
      done: row.done,
      challenges: row.challenges,
      version: row.version,
      createdAt: row.createdAt,
    });
    updatesByMeasure.set(row.measureId, list);
  }

  const before = new Map(history.measures.map((m, i) => [m.id, previousRolled[i] ?? 'NO_REPORT']));
  const changed: DigestMeasure[] = [];
  const quiet: Digest['quiet'] = [];
  for (const s of current) {
    const updates = (updatesByMeasure.get(s.measure.id) ?? []).sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id,
    );
    const was = before.get(s.measure.id) ?? 'NO_REPORT';
    const overdue = overdueByMeasure.get(s.measure.id) ?? [];
    if (updates.length > 0 || was !== s.rolled) {
      changed.push({
        number: s.measure.number,
        titleNb: s.measure.titleNb,
        titleEn: s.measure.titleEn,
        before: was,
        after: s.rolled,
        updates,
        overdue,
      });
    } else {
      quiet.push({ number: s.measure.number, status: s.rolled, overdue });
    }
  }

  return {
    area: { id: area.id, number: area.number, titleNb: area.titleNb, titleEn: area.titleEn, channel: area.channel },
    period,
    counts: countByStatus(current),
    previousCounts: countByStatus(rolledOnly(previousRolled)),
    measureCount: current.length,
    updateCount: latestOfSeries.length,
    overduePairs: [...overdueByMeasure.values()].reduce((n, list) => n + list.length, 0),
    changed,
    quiet,
    // The chart starts with the plan: weeks before it would only show empty bars.
    history: weeks
      .map((week, i) => ({ week, counts: countByStatus(rolledOnly(history.rolled[i] ?? [])) }))
      .filter(
        ({ week }) => week === period.week || planStart === null || mondayOfIsoWeek(week) >= addDays(planStart, -6),
      ),
  };
}
