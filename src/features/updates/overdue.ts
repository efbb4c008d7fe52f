import type { Deps } from '../../kernel/deps.js';
import { type Reporter, seesWholePlan } from '../../kernel/people/permissions.js';
import { dueSettingsFrom, loadDueStates } from '../plan/index.js';

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
  const [measures, agencies] = await Promise.all([
    prisma.measure.findMany({
      where: { id: { in: [...new Set(dues.map((d) => d.measureId))] } },
      select: { id: true, number: true, titleNb: true, titleEn: true },
    }),
    prisma.agency.findMany({
      where: { id: { in: [...new Set(dues.map((d) => d.agencyId))] } },
      select: { id: true, code: true },
    }),
  ]);
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
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
