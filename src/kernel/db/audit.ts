import type { Prisma, Update } from '../../generated/prisma/client.js';
import { dayOf } from '../calendar/calendar.js';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue | null;
  at: Date;
}

/** Writes inside the caller's transaction, so a record and its audit line stand or fall together. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: auditRow(entry) });
}

/** Several audit lines in one statement, e.g. one per row a bulk change touched. */
export async function writeAudits(tx: Prisma.TransactionClient, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await tx.auditLog.createMany({ data: entries.map(auditRow) });
}

function auditRow(entry: AuditEntry): Prisma.AuditLogCreateManyInput {
  return {
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    createdAt: entry.at,
    ...(entry.before === null ? {} : { before: entry.before }),
    ...(entry.after === null ? {} : { after: entry.after }),
  };
}

/** An update as JSON: BigInt and dates become strings so the audit log can hold them. */
export function updateSnapshot(update: Update): Prisma.InputJsonObject {
  return {
    id: update.id,
    seriesId: update.seriesId,
    version: update.version,
    measureId: update.measureId,
    agencyId: update.agencyId,
    authorId: update.authorId,
    onBehalf: update.onBehalf,
    status: update.status,
    progress: update.progress,
    done: update.done,
    challenges: update.challenges,
    nextSteps: update.nextSteps,
    spendNok: update.spendNok === null ? null : update.spendNok.toString(),
    periodDate: dayOf(update.periodDate),
    createdAt: update.createdAt.toISOString(),
  };
}
