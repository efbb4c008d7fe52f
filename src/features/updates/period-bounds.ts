import { dayOf, localDay } from '../../kernel/calendar/calendar.js';
import { findPlan } from '../../kernel/db/plan.js';
import type { Deps } from '../../kernel/deps.js';
import type { PeriodBounds } from './update-draft.js';

/** The days a report may cover: the plan's first day up to today, or the plan's last day if it has ended. */
export async function periodBounds(
  deps: Pick<Deps, 'prisma' | 'clock' | 'config' | 'reference'>,
): Promise<PeriodBounds & { today: string }> {
  const today = localDay(deps.clock.now(), deps.config.TZ_PLAN);
  const plan = await findPlan(deps.prisma, deps.reference);
  if (plan === null) return { earliest: '1900-01-01', latest: today, today };
  const end = dayOf(plan.endDate);
  return { earliest: dayOf(plan.startDate), latest: end < today ? end : today, today };
}
