import type { Plan, PrismaClient } from '../../generated/prisma/client.js';
import type { ReferenceCache } from './reference-cache.js';

/** Tiltak serves one plan, stored as the row with this id; every reader asks through findPlan. */
export const PLAN_ID = 1;

/** With a reference cache, the row is kept until a commit to Plan: an import or an admin's change. */
export function findPlan(prisma: Pick<PrismaClient, 'plan'>, reference?: ReferenceCache): Promise<Plan | null> {
  const read = () => prisma.plan.findUnique({ where: { id: PLAN_ID } });
  return reference === undefined ? read() : reference.get('plan', ['Plan'], read);
}
