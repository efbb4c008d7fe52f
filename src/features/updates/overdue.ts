import type { Deps } from '../../kernel/deps.js';
import { type Reporter, seesWholePlan } from '../../kernel/people/permissions.js';
import { dueSettingsFrom, dueStatesFrom, loadDueFacts } from '../plan/index.js';

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
  const settings = dueSettingsFrom(config);
  const at = clock.now();
  // The facts name each pair's measure and agency already: no second read for them.
  const facts = await loadDueFacts(prisma, at, settings.timeZone, filter, reference);
  const dues = dueStatesFrom(facts, settings, at);
  return facts.pairs
    .flatMap((pair, i) => {
      const due = dues[i];
      if (due === undefined || due.overdueWorkingDays === 0) return [];
      // Every pair is a responsibility, so a coordinator, or the agency's own people, may update it.
      return [
        {
          measure: { id: pair.measureId, number: pair.number, titleNb: pair.titleNb, titleEn: pair.titleEn },
          agency: { id: pair.agencyId, code: pair.agencyCode },
          dueDay: due.dueDay,
          overdueWorkingDays: due.overdueWorkingDays,
          mayUpdate: whole || pair.agencyId === viewer.agencyId,
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
