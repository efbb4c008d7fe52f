import type { PrismaClient } from '../../generated/prisma/client.js';
import { addDays, mondayOfIsoWeek } from '../../kernel/calendar/calendar.js';
import type { Config } from '../../kernel/config.js';
import type { RolledStatus } from '../../kernel/status.js';
import { dueSettingsFrom, dueStatesFrom } from '../plan/index.js';
import { latestVersions } from '../updates/index.js';
import { countByStatus } from './counts.js';
import { loadDigestContext } from './load-digest-context.js';
import { loadStatusHistory } from './load-status-history.js';
import { loadWeekUpdates } from './load-week-updates.js';
import type { Digest, DigestMeasure, DigestPeriod, DigestUpdate, OverdueAgency } from './model.js';
import { weekPeriod, weeksUpTo } from './schedule.js';

export const CHART_WEEKS = 8;

const rolledOnly = (statuses: readonly RolledStatus[]) => statuses.map((rolled) => ({ rolled }));

/**
 * Gathers one focus area's digest for a period. Three statements, side by
 * side, whatever the size of the plan: the area with the plan and its rounds,
 * its measures' status at each chart week's end with each pair's due facts,
 * and the period's updates with their agency and author.
 */
export async function buildDigest(
  prisma: PrismaClient,
  config: Config,
  areaId: number,
  period: DigestPeriod,
): Promise<Digest> {
  const weeks = weeksUpTo(period.week, CHART_WEEKS);
  const asOf = weeks.map((w) => (w === period.week ? period.to : weekPeriod(w, config.TZ_PLAN).to));
  const [context, history, rows] = await Promise.all([
    loadDigestContext(prisma, areaId, period.to, config.TZ_PLAN),
    loadStatusHistory(prisma, areaId, asOf),
    loadWeekUpdates(prisma, areaId, period),
  ]);
  const { area, plan } = context;
  // The history's last instant is the period's end: its pairs are the due function's facts then.
  const due = dueStatesFrom(
    { plan, pairs: history.pairs, roundsNewestFirst: context.roundsNewestFirst },
    dueSettingsFrom(config),
    period.to,
  );
  const planStart = plan?.startDay ?? null;
  const currentRolled = history.rolled.at(-1) ?? [];
  const previousRolled = history.rolled.at(-2) ?? [];
  const current = history.measures.map((measure, i) => ({ measure, rolled: currentRolled[i] ?? 'NO_REPORT' }));

  const overdueByMeasure = new Map<number, OverdueAgency[]>();
  due.forEach((pair, i) => {
    if (pair.overdueWorkingDays <= 0) return;
    const list = overdueByMeasure.get(pair.measureId) ?? [];
    list.push({ code: history.pairs[i]?.code ?? String(pair.agencyId), overdueWorkingDays: pair.overdueWorkingDays });
    overdueByMeasure.set(pair.measureId, list);
  });

  // The week shows each report once, as last written.
  const latestOfSeries = latestVersions(rows);
  const updatesByMeasure = new Map<number, DigestUpdate[]>();
  for (const row of latestOfSeries) {
    const list = updatesByMeasure.get(row.measureId) ?? [];
    list.push({
      id: row.id,
      agencyCode: row.agencyCode,
      agencyNameNb: row.agencyNameNb,
      agencyNameEn: row.agencyNameEn,
      authorName: row.authorName,
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
    area,
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
