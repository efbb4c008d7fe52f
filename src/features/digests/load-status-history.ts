import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { queryRows } from '../../kernel/db/rows.js';
import { type RolledStatus, rollUp, type Status } from '../../kernel/status.js';

interface AreaMeasure {
  id: number;
  number: number;
  titleNb: string;
  titleEn: string;
}

export interface StatusHistory {
  /** The area's measures (archived ones left out), by number. */
  measures: AreaMeasure[];
  /** Per instant asked for, each measure's rolled-up status then, in the order of `measures`. */
  rolled: RolledStatus[][];
  agencyCodes: Map<number, string>;
}

const pairRow = z.object({
  measureId: z.number(),
  agencyId: z.number(),
  code: z.string(),
  status: z.enum(['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'DELAYED', 'COMPLETED', 'CANCELLED']).nullable(),
  createdAt: z.date().nullable(),
  id: z.number().nullable(),
});

/**
 * A focus area's measures with their rolled-up status at each of `instants`
 * (ascending): two queries, whatever the size of the area or the number of
 * instants. Per pair, the last update before the first instant and every one
 * between the first and the last are read, and the status at each instant
 * is worked out here, as loadMeasureStatuses would take it (newest by
 * createdAt, then id).
 */
export async function loadStatusHistory(
  prisma: PrismaClient,
  focusAreaId: number,
  instants: readonly Date[],
): Promise<StatusHistory> {
  const first = instants[0];
  const last = instants.at(-1);
  if (first === undefined || last === undefined) return { measures: [], rolled: [], agencyCodes: new Map() };
  const [measures, rows] = await Promise.all([
    queryRows(
      prisma,
      z.object({ id: z.number(), number: z.number(), titleNb: z.string(), titleEn: z.string() }),
      `SELECT id, number, "titleNb", "titleEn" FROM "Measure" WHERE "focusAreaId" = $1 AND "archivedAt" IS NULL ORDER BY number`,
      focusAreaId,
    ),
    queryRows(
      prisma,
      pairRow,
      `SELECT ma."measureId", ma."agencyId", a.code, u.status::text AS status, u."createdAt", u.id
       FROM "MeasureAgency" ma
       JOIN "Measure" m ON m.id = ma."measureId" AND m."focusAreaId" = $1 AND m."archivedAt" IS NULL
       JOIN "Agency" a ON a.id = ma."agencyId"
       LEFT JOIN LATERAL (
         (SELECT status, "createdAt", id FROM "Update"
          WHERE "measureId" = ma."measureId" AND "agencyId" = ma."agencyId" AND "createdAt" <= $2
          ORDER BY "createdAt" DESC, id DESC LIMIT 1)
         UNION ALL
         (SELECT status, "createdAt", id FROM "Update"
          WHERE "measureId" = ma."measureId" AND "agencyId" = ma."agencyId" AND "createdAt" > $2 AND "createdAt" <= $3)
       ) u ON true`,
      focusAreaId,
      first,
      last,
    ),
  ]);
  const agencyCodes = new Map<number, string>();
  // Per measure, per agency: its updates in the window, oldest first.
  const byMeasure = new Map<number, Map<number, z.infer<typeof pairRow>[]>>();
  for (const row of rows) {
    agencyCodes.set(row.agencyId, row.code);
    const agencies = byMeasure.get(row.measureId) ?? new Map<number, z.infer<typeof pairRow>[]>();
    byMeasure.set(row.measureId, agencies);
    const list = agencies.get(row.agencyId) ?? [];
    agencies.set(row.agencyId, list);
    if (row.createdAt !== null) list.push(row);
  }
  for (const agencies of byMeasure.values())
    for (const list of agencies.values())
      list.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) || (a.id ?? 0) - (b.id ?? 0));
  const statusAt = (list: readonly z.infer<typeof pairRow>[], instant: Date): Status | null => {
    let found: Status | null = null;
    for (const row of list) {
      if (row.createdAt === null || row.createdAt > instant) break;
      found = row.status;
    }
    return found;
  };
  const rolled = instants.map((instant) =>
    measures.map((m) => rollUp([...(byMeasure.get(m.id)?.values() ?? [])].map((list) => statusAt(list, instant)))),
  );
  return { measures, rolled, agencyCodes };
}
