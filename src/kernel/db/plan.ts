import type { Plan, PrismaClient } from '../../generated/prisma/client.js';

/** Tiltak serves one plan, stored as the row with this id; every reader asks through findPlan. */
export const PLAN_ID = 1;

export function findPlan(prisma: Pick<PrismaClient, 'plan'>): Promise<Plan | null> {
  return prisma.plan.findUnique({ where: { id: PLAN_ID } });
}
