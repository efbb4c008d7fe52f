import type { AuditLog, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { SlackUserId } from '../../kernel/slack/slack-user-id.js';

const LOG_PAGE_SIZE = 10;

export type LogFilter =
  | { kind: 'all' }
  | { kind: 'measure'; number: number }
  | { kind: 'person'; slackId: SlackUserId };

export interface LogPage {
  entries: AuditLog[];
  page: number;
  pages: number;
}

/**
 * One page of the audit log, newest first. For a measure: its own changes and
 * every record about it (updates, waivers, snoozes carry its id); for a
 * person: what they did and what was done to their row. Null when the filter
 * names a measure or person the plan does not have.
 */
export async function loadLogPage(prisma: PrismaClient, filter: LogFilter, page: number): Promise<LogPage | null> {
  const where = await whereOf(prisma, filter);
  if (where === null) return null;
  const total = await prisma.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / LOG_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const entries = await prisma.auditLog.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: current * LOG_PAGE_SIZE,
    take: LOG_PAGE_SIZE,
  });
  return { entries, page: current, pages };
}

async function whereOf(prisma: PrismaClient, filter: LogFilter): Promise<Prisma.AuditLogWhereInput | null> {
  switch (filter.kind) {
    case 'all':
      return {};
    case 'measure': {
      const measure = await prisma.measure.findUnique({ where: { number: filter.number }, select: { id: true } });
      if (measure === null) return null;
      return {
        OR: [
          { entity: 'Measure', entityId: String(measure.id) },
          { after: { path: ['measureId'], equals: measure.id } },
          { before: { path: ['measureId'], equals: measure.id } },
        ],
      };
    }
    case 'person': {
      const person = await prisma.person.findUnique({ where: { slackId: filter.slackId }, select: { id: true } });
      if (person === null) return null;
      return { OR: [{ actor: filter.slackId }, { entity: 'Person', entityId: String(person.id) }] };
    }
  }
}
