import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { queryRows, statusColumn } from '../../kernel/db/rows.js';
import { type RolledStatus, rollUp, type Status } from '../../kernel/status.js';
import { isSettled, type PairFacts, reportFactsSql } from '../plan/index.js';

interface AreaMeasure {
  id: number;
  number: number;
  titleNb: string;
  titleEn: string;
}

/** A responsible agency on one of the area's measures, as the due function sees it at the last instant. */
interface AreaPair extends PairFacts {
  code: string;
}

export interface StatusHistory {
  /** The area's measures (archived ones left out), by number. */
  measures: AreaMeasure[];
  /** Per instant asked for, each measure's rolled-up status then, in the order of `measures`. */
  rolled: RolledStatus[][];
  /** The measures' pairs, by measure number, then role, then agency code: the order the digest lists them in. */
  pairs: AreaPair[];
}

const historyRow = z.object({
  measureId: z.number(),
  number: z.number(),
  titleNb: z.string(),
  titleEn: z.string(),
  cadenceDays: z.number().nullable(),
  agencyId: z.number().nullable(),
  code: z.string().nullable(),
  updatedAt: z.date().nullable(),
  waivedAt: z.date().nullable(),
  status: statusColumn.nullable(),
  createdAt: z.date().nullable(),
});
type HistoryRow = z.infer<typeof historyRow>;

/**
 * A focus area's measures with their rolled-up status at each of `instants`
 * (ascending), and each pair's due facts at the last one, in one statement
 * whatever the size of the area or the number of instants. Per pair, the last
 * update before the first instant and every one up to the last are read,
 * oldest first (by createdAt, then id, as loadMeasureStatuses takes the
 * newest), and the status at each instant is found in one pass over them.
 */
export async function loadStatusHistory(
  prisma: PrismaClient,
  focusAreaId: number,
  instants: readonly Date[],
): Promise<StatusHistory> {
  const first = instants[0];
  const last = instants.at(-1);
  if (first === undefined || last === undefined) return { measures: [], rolled: [], pairs: [] };
  const rows = await queryRows(
    prisma,
    historyRow,
    `SELECT m.id AS "measureId", m.number, m."titleNb", m."titleEn", m."cadenceDays", ma."agencyId", a.code,
            f."updatedAt", f."waivedAt", u.status::text AS status, u."createdAt"
     FROM "Measure" m
     LEFT JOIN "MeasureAgency" ma ON ma."measureId" = m.id
     LEFT JOIN "Agency" a ON a.id = ma."agencyId"
     LEFT JOIN LATERAL (${reportFactsSql('$3')}) f ON true
     LEFT JOIN LATERAL (
       (SELECT status, "createdAt", id FROM "Update"
        WHERE "measureId" = ma."measureId" AND "agencyId" = ma."agencyId" AND "createdAt" <= $2
        ORDER BY "createdAt" DESC, id DESC LIMIT 1)
       UNION ALL
       (SELECT status, "createdAt", id FROM "Update"
        WHERE "measureId" = ma."measureId" AND "agencyId" = ma."agencyId" AND "createdAt" > $2 AND "createdAt" <= $3)
     ) u ON true
     WHERE m."focusAreaId" = $1 AND m."archivedAt" IS NULL
     ORDER BY m.number, ma.role, a.code, u."createdAt", u.id`,
    focusAreaId,
    first,
    last,
  );
  const times = instants.map((instant) => instant.getTime());
  const measures: AreaMeasure[] = [];
  const rolled: RolledStatus[][] = instants.map(() => []);
  const pairs: AreaPair[] = [];
  let i = 0;
  while (i < rows.length) {
    const measure = rows[i] as HistoryRow;
    measures.push({
      id: measure.measureId,
      number: measure.number,
      titleNb: measure.titleNb,
      titleEn: measure.titleEn,
    });
    // Per instant, each of the measure's pairs' status then (null: not reported yet).
    const latest: (Status | null)[][] = instants.map(() => []);
    while (i < rows.length && (rows[i] as HistoryRow).measureId === measure.measureId) {
      const pair = rows[i] as HistoryRow;
      let status: Status | null = null;
      let k = 0;
      for (; i < rows.length; i++) {
        const row = rows[i] as HistoryRow;
        if (row.measureId !== pair.measureId || row.agencyId !== pair.agencyId) break;
        if (row.createdAt === null) continue;
        for (const at = row.createdAt.getTime(); k < times.length && (times[k] as number) < at; k++)
          latest[k]?.push(status);
        status = row.status;
      }
      if (pair.agencyId === null || pair.code === null) continue; // a measure no agency is responsible for
      for (; k < times.length; k++) latest[k]?.push(status);
      pairs.push({
        measureId: pair.measureId,
        agencyId: pair.agencyId,
        code: pair.code,
        focusAreaId,
        cadenceDays: pair.cadenceDays,
        lastUpdateAt: pair.updatedAt,
        lastWaivedAt: pair.waivedAt,
        settled: isSettled(status),
      });
    }
    for (const [k, statuses] of latest.entries()) rolled[k]?.push(rollUp(statuses));
  }
  return { measures, rolled, pairs };
}
