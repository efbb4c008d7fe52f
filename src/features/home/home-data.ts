import type { Deps } from '../../kernel/deps.js';
import type { PersonWithAgency } from '../../kernel/people/people.js';
import { seesWholePlan } from '../../kernel/people/permissions.js';
import { loadMeasureRows, type MeasureRow } from '../updates/index.js';
import { type AreaOverview, loadPlanOverview } from './plan-overview.js';

export interface HomeData {
  name: string;
  /** The measures of the user's agency; empty without one. */
  mine: MeasureRow[];
  /** For coordinators and admins: the plan by focus area. */
  overview: AreaOverview[] | null;
}

export async function loadHomeData(deps: Deps, person: PersonWithAgency): Promise<HomeData> {
  const whole = seesWholePlan(person);
  const [mine, all] = await Promise.all([
    person.agencyId === null
      ? Promise.resolve([])
      : loadMeasureRows(deps, person, { kind: 'agency', agencyId: person.agencyId }),
    whole ? loadMeasureRows(deps, person, { kind: 'all' }) : Promise.resolve(null),
  ]);
  const overview = all === null ? null : await loadPlanOverview(deps.prisma, all);
  return { name: person.name, mine, overview };
}
