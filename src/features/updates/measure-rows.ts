import { type LocalDay, localDay } from '../../kernel/calendar/calendar.js';
import type { Deps } from '../../kernel/deps.js';
import { type Reporter, reportableAgencyIds } from '../../kernel/people/permissions.js';
import {
  dueSettingsFrom,
  loadDueStates,
  loadMeasureStatuses,
  type MeasureStatus,
  measuresOfAgency,
  type PairDue,
  pairKey,
} from '../plan/index.js';

/** One measure as a list shows it: status with breakdown, last update, next due date, update rights. */
export interface MeasureRow {
  status: MeasureStatus;
  /** The agency the row speaks for (the viewer's own), or null for the measure as a whole. */
  agencyId: number | null;
  lastUpdateDay: LocalDay | null;
  /** Null when nothing more is due (the agency is done, or the plan is over). */
  nextDueDay: LocalDay | null;
  overdueWorkingDays: number;
  /** The agencies the viewer may report for; empty means no update button. */
  reportable: number[];
}

export type RowScope = { kind: 'agency'; agencyId: number } | { kind: 'all'; focusAreaId?: number };

/** A bounded number of queries for any plan: the measures, their latest updates and the due states. */
export async function loadMeasureRows(deps: Deps, viewer: Reporter, scope: RowScope): Promise<MeasureRow[]> {
  const { prisma, config, clock, reference } = deps;
  const at = clock.now();
  let statuses: MeasureStatus[];
  let dues: PairDue[];
  if (scope.kind === 'agency') {
    const measureIds = (await measuresOfAgency(prisma, scope.agencyId, reference)).map((m) => m.id);
    if (measureIds.length === 0) return [];
    [statuses, dues] = await Promise.all([
      loadMeasureStatuses(prisma, { measureIds }, reference),
      loadDueStates(prisma, dueSettingsFrom(config), at, { measureIds, agencyIds: [scope.agencyId] }, reference),
    ]);
  } else {
    statuses = await loadMeasureStatuses(
      prisma,
      scope.focusAreaId === undefined ? {} : { focusAreaId: scope.focusAreaId },
      reference,
    );
    const filter = scope.focusAreaId === undefined ? {} : { measureIds: statuses.map((s) => s.measure.id) };
    dues = statuses.length === 0 ? [] : await loadDueStates(prisma, dueSettingsFrom(config), at, filter, reference);
  }
  const dueByPair = new Map(dues.map((d) => [pairKey(d.measureId, d.agencyId), d]));
  const agencyId = scope.kind === 'agency' ? scope.agencyId : null;
  return statuses.map((status) => {
    const pairs = status.agencies.filter((a) => agencyId === null || a.agencyId === agencyId);
    const pairDues = pairs
      .map((a) => dueByPair.get(pairKey(status.measure.id, a.agencyId)))
      .filter((d) => d !== undefined);
    const open = pairDues
      .filter((d) => !d.closed)
      .map((d) => d.dueDay)
      .sort();
    const lastAt = pairs.reduce<Date | null>(
      (max, a) => (a.latest !== null && (max === null || a.latest.createdAt > max) ? a.latest.createdAt : max),
      null,
    );
    return {
      status,
      agencyId,
      lastUpdateDay: lastAt === null ? null : localDay(lastAt, config.TZ_PLAN),
      nextDueDay: open[0] ?? null,
      overdueWorkingDays: Math.max(0, ...pairDues.map((d) => d.overdueWorkingDays)),
      reportable: reportableAgencyIds(viewer, status.agencies),
    };
  });
}
