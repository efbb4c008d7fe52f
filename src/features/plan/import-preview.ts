import type { PrismaClient } from '../../generated/prisma/client.js';
import { findPlan } from '../../kernel/db/plan.js';
import { exportPlan } from './export-plan.js';
import { checkPlanText } from './import-plan.js';
import { type PlanChanges, planChanges } from './plan-changes.js';
import { planFileSchema } from './plan-file.js';
import type { LookupEmail } from './resolve-people.js';

export type ImportPreview = { ok: true; changes: PlanChanges } | { ok: false; errors: string[] };

/** What importing this text would change, checked exactly as the import checks it; nothing is written. */
export async function previewPlanImport(
  prisma: PrismaClient,
  text: string,
  lookupEmail: LookupEmail | null,
): Promise<ImportPreview> {
  const checked = await checkPlanText(text, lookupEmail);
  if (!checked.ok) return checked;
  const current = (await findPlan(prisma)) === null ? null : planFileSchema.parse(await exportPlan(prisma));
  return { ok: true, changes: planChanges(current, checked.plan) };
}
