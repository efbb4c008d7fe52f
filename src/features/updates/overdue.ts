import type { Deps } from '../../kernel/deps.js';
import { type Reporter, seesWholePlan } from '../../kernel/people/permissions.js';
import { dueSettingsFrom, loadDueStates, loadMeasureStatuses } from '../plan/index.js';

export interface OverduePair {
  measure: { id: number; number: number; titleNb: string; titleEn: string };
  agency: { id: number; code: string };
  dueDay: string;
  overdueWorkingDays: number;
  mayUpdate: boolean;
}

/** Overdue pairs, most overdue first: the viewer's agency's, or all of them for coordinators. */
export async function loadOverdue(deps: Deps, viewer: Reporter): Promise<OverduePair[]> {
  const { prisma, config, clock, reference } = deps;
  const whole = seesWholePlan(viewer);
  if (!whole && viewer.agencyId === null) return [];
  const filter = whole || viewer.agencyId === null ? {} : { agencyIds: [viewer.agencyId] };
  const dues = (await loadDueStates(prisma, dueSettingsFrom(config), clock.now(), filter, reference)).filter(
    (d) => d.overdueWorkingDays > 0,
  );
  if (dues.length === 0) return [];
  // The plan's structure is kept in memory: the measures' and agencies' names cost no query when the cache is live.
  const statuses = await loadMeasureStatuses(
    prisma,
    { measureIds: [...new Set(dues.map((d) => d.measureId))] },
    reference,
  );
  const measureById = new Map(statuses.map((s) => [s.measure.id, s.measure]));
  const agencyById = new Map(
    statuses.flatMap((s) => s.agencies).map((a) => [a.agencyId, { id: a.agencyId, code: a.code }]),
  );
  return dues
    .flatMap((d) => {
      const measure = measureById.get(d.measureId);
      const agency = agencyById.get(d.agencyId);
      if (measure === undefined || agency === undefined) return [];
      // Every pair is a responsibility, so a coordinator, or the agency's own people, may update it.
      return [
        {
          measure,
          agency,
          dueDay: d.dueDay,
          overdueWorkingDays: d.overdueWorkingDays,
          mayUpdate: whole || d.agencyId === viewer.agencyId,
        },
      ];
    })
    .sort(
      (a, b) =>
        b.overdueWorkingDays - a.overdueWorkingDays ||
        a.measure.number - b.measure.number ||
        a.agency.code.localeCompare(b.agency.code),
    );
}
