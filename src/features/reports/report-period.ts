import type { PrismaClient } from '../../generated/prisma/client.js';
import { dayOf, type LocalDay, localDay } from '../../kernel/calendar/calendar.js';
import { findPlan } from '../../kernel/db/plan.js';

export interface ReportPeriod {
  from: LocalDay;
  to: LocalDay;
}

/** The days a report covers: what was asked for, else from the plan's first day up to today. Null without a plan. */
export async function reportPeriod(
  prisma: PrismaClient,
  asked: { from: LocalDay | null; to: LocalDay | null },
  now: Date,
  timeZone: string,
): Promise<ReportPeriod | null> {
  const plan = await findPlan(prisma);
  if (plan === null) return null;
  return { from: asked.from ?? dayOf(plan.startDate), to: asked.to ?? localDay(now, timeZone) };
}
