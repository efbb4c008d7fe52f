import { Prisma, type PrismaClient, type Update } from '../../generated/prisma/client.js';
import type { ResponsibilityRole } from '../../generated/prisma/enums.js';
import type { ReferenceCache } from '../../kernel/db/reference-cache.js';
import { queryRows, updateRow } from '../../kernel/db/rows.js';
import { type RolledStatus, rollUp } from '../../kernel/status.js';
import { MEASURE_TABLES } from './measures.js';

export interface AgencyStatus {
  agencyId: number;
  code: string;
  nameNb: string;
  nameEn: string;
  role: ResponsibilityRole;
  latest: Update | null;
}

export interface MeasureStatus {
  measure: { id: number; number: number; titleNb: string; titleEn: string; focusAreaId: number | null };
  agencies: AgencyStatus[];
  rolled: RolledStatus;
}

export interface MeasureStatusFilter {
  measureIds?: number[];
  focusAreaId?: number;
  /** Only updates created at or before this instant count; default: all of them. */
  asOf?: Date;
  /** Archived measures are left out of lists and digests unless named by id; the report keeps them. */
  includeArchived?: boolean;
}

/**
 * Every measure's responsible agencies with each one's latest update, and the
 * rolled-up status, in a fixed number of queries whatever the size of the plan: the measures
 * (with their agencies) and one DISTINCT ON over the updates.
 */
export async function loadMeasureStatuses(
  prisma: PrismaClient,
  filter: MeasureStatusFilter = {},
  reference?: ReferenceCache,
): Promise<MeasureStatus[]> {
  const measures =
    reference === undefined
      ? await readMeasures(prisma, filter)
      : pickMeasures(await reference.get('measures:all', MEASURE_TABLES, () => readMeasures(prisma, ALL)), filter);
  // Over the whole plan one query without a list is cheaper; an archived measure's rows are fetched and unused.
  const wholePlan = filter.measureIds === undefined && filter.focusAreaId === undefined;
  // Kept, the whole plan's latest updates serve any list of measures until the next commit to Update.
  const latest =
    reference !== undefined && filter.asOf === undefined
      ? await reference.get('updates:latest', ['Update'], () => latestUpdates(prisma, 'all'))
      : await latestUpdates(prisma, wholePlan ? 'all' : measures.map((m) => m.id), filter.asOf);
  return measures.map(({ agencies, archivedAt: _archivedAt, ...measure }) => {
    const rows: AgencyStatus[] = agencies
      .map(({ role, agency }) => ({
        agencyId: agency.id,
        code: agency.code,
        nameNb: agency.nameNb,
        nameEn: agency.nameEn,
        role,
        latest: latest.get(pairKey(measure.id, agency.id)) ?? null,
      }))
      .sort((a, b) => (a.role === b.role ? a.code.localeCompare(b.code) : a.role === 'LEAD' ? -1 : 1));
    return { measure, agencies: rows, rolled: rollUp(rows.map((r) => r.latest?.status ?? null)) };
  });
}

const ALL: MeasureStatusFilter = { includeArchived: true };

/** The measures a filter names, with their agencies, by number. */
function readMeasures(prisma: PrismaClient, filter: MeasureStatusFilter) {
  const where: Prisma.MeasureWhereInput = {};
  if (filter.measureIds !== undefined) where.id = { in: filter.measureIds };
  if (filter.focusAreaId !== undefined) where.focusAreaId = filter.focusAreaId;
  if (filter.measureIds === undefined && filter.includeArchived !== true) where.archivedAt = null;
  return prisma.measure.findMany({
    where,
    orderBy: { number: 'asc' },
    select: {
      id: true,
      number: true,
      titleNb: true,
      titleEn: true,
      focusAreaId: true,
      archivedAt: true,
      agencies: { select: { role: true, agency: { select: { id: true, code: true, nameNb: true, nameEn: true } } } },
    },
  });
}

type MeasureRow = Awaited<ReturnType<typeof readMeasures>>[number];

/** What readMeasures(filter) would return, picked from every measure of the plan. */
function pickMeasures(all: readonly MeasureRow[], filter: MeasureStatusFilter): MeasureRow[] {
  const ids = filter.measureIds === undefined ? null : new Set(filter.measureIds);
  return all.filter(
    (m) =>
      (ids === null || ids.has(m.id)) &&
      (filter.focusAreaId === undefined || m.focusAreaId === filter.focusAreaId) &&
      (ids !== null || filter.includeArchived === true || m.archivedAt === null),
  );
}

export const pairKey = (measureId: number, agencyId: number): string => `${measureId}:${agencyId}`;

/** The newest row per (measure, agency), ties on createdAt broken by id. */
async function latestUpdates(
  prisma: PrismaClient,
  measureIds: number[] | 'all',
  asOf?: Date,
): Promise<Map<string, Update>> {
  if (measureIds !== 'all' && measureIds.length === 0) return new Map();
  // The whole plan needs no id list, which keeps big plans under the bind-parameter limit.
  const conditions = [
    measureIds === 'all' ? Prisma.sql`TRUE` : Prisma.sql`"measureId" IN (${Prisma.join(measureIds)})`,
    asOf === undefined ? Prisma.sql`TRUE` : Prisma.sql`"createdAt" <= ${asOf}`,
  ];
  const rows: Update[] = await queryRows(
    prisma,
    updateRow,
    Prisma.sql`
    SELECT DISTINCT ON ("measureId", "agencyId") *
    FROM "Update"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY "measureId", "agencyId", "createdAt" DESC, "id" DESC`,
  );
  return new Map(rows.map((u) => [pairKey(u.measureId, u.agencyId), u]));
}
