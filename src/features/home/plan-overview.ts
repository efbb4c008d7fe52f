import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { queryRows, statusColumn } from '../../kernel/db/rows.js';
import type { RolledStatus, Status } from '../../kernel/status.js';
import type { MeasureRow } from '../updates/index.js';

interface RecentUpdate {
  createdAt: Date;
  status: Status;
  measureNumber: number;
  agencyCode: string;
  version: number;
}

export interface AreaOverview {
  /** Null for measures not yet placed in a focus area. */
  area: { id: number; number: number; titleNb: string; titleEn: string } | null;
  measures: number;
  counts: Partial<Record<RolledStatus, number>>;
  overdue: number;
  recent: RecentUpdate[];
}

const RECENT_PER_AREA = 5;

/** Per focus area: measures by rolled-up status, how many are overdue, and the latest updates. */
export async function loadPlanOverview(prisma: PrismaClient, rows: readonly MeasureRow[]): Promise<AreaOverview[]> {
  const [areas, recent] = await Promise.all([
    prisma.focusArea.findMany({
      orderBy: { number: 'asc' },
      select: { id: true, number: true, titleNb: true, titleEn: true },
    }),
    recentPerArea(prisma),
  ]);
  const overview = new Map<number | null, AreaOverview>(areas.map((area) => [area.id, empty(area)]));
  for (const row of rows) {
    const key = row.status.measure.focusAreaId;
    let entry = overview.get(key);
    if (entry === undefined) {
      entry = empty(null);
      overview.set(key, entry);
    }
    entry.measures++;
    entry.counts[row.status.rolled] = (entry.counts[row.status.rolled] ?? 0) + 1;
    if (row.overdueWorkingDays > 0) entry.overdue++;
  }
  for (const r of recent) overview.get(r.focusAreaId)?.recent.push(r);
  return [...overview.values()];
}

function empty(area: AreaOverview['area']): AreaOverview {
  return { area, measures: 0, counts: {}, overdue: 0, recent: [] };
}

const recentRow = z.object({
  createdAt: z.date(),
  status: statusColumn,
  measureNumber: z.number().int(),
  agencyCode: z.string(),
  version: z.number().int(),
  focusAreaId: z.number().int().nullable(),
});

/** One query: the newest versions only (an edit replaces its original), five per focus area. */
async function recentPerArea(prisma: PrismaClient): Promise<(RecentUpdate & { focusAreaId: number | null })[]> {
  return queryRows(
    prisma,
    recentRow,
    Prisma.sql`
    SELECT "createdAt", status, "measureNumber", "agencyCode", version, "focusAreaId" FROM (
      SELECT u."createdAt", u.status::text AS status, m.number AS "measureNumber", a.code AS "agencyCode", u.version, m."focusAreaId",
             ROW_NUMBER() OVER (PARTITION BY m."focusAreaId" ORDER BY u."createdAt" DESC, u.id DESC) AS rank
      FROM "Update" u
      JOIN "Measure" m ON m.id = u."measureId"
      JOIN "Agency" a ON a.id = u."agencyId"
      WHERE NOT EXISTS (SELECT 1 FROM "Update" n WHERE n."seriesId" = u."seriesId" AND n.version > u.version)
    ) ranked
    WHERE rank <= ${RECENT_PER_AREA}
    ORDER BY "focusAreaId", rank`,
  );
}
