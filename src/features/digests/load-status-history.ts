import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { queryUniformRows, statusColumn } from '../../kernel/db/rows.js';
import { type RolledStatus, rollUp, type Status } from '../../kernel/status.js';
import { isSettled, NEW_REPORT_SQL, type PairFacts } from '../plan/index.js';

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

const pairRow = z.object({
  measureId: z.number(),
  number: z.number(),
  titleNb: z.string(),
  titleEn: z.string(),
  cadenceDays: z.number().nullable(),
  agencyId: z.number().nullable(),
  code: z.string().nullable(),
  updatedAt: z.date().nullable(),
  waivedAt: z.date().nullable(),
  /** The pair's updates that set its status at one of the instants, oldest first: [epoch milliseconds, status]. */
  updates: z.array(z.tuple([z.number(), statusColumn])).nullable(),
});

/**
 * A focus area's measures with their rolled-up status at each of `instants`
 * (ascending), and each pair's due facts at the last one: one statement,
 * one row per pair, whatever the size of the area or the number of instants.
 * Per pair, the last update before the first instant and every one up to the
 * last are read, oldest first (by createdAt, then id, as loadMeasureStatuses
 * takes the newest), and the status at each instant is found in one pass.
 */
export async function loadStatusHistory(
  prisma: PrismaClient,
  focusAreaId: number,
  instants: readonly Date[],
): Promise<StatusHistory> {
  const first = instants[0];
  const last = instants.at(-1);
  if (first === undefined || last === undefined) return { measures: [], rolled: [], pairs: [] };
  // Inner joins from the pairs let the planner start from the area's measures; the few measures no agency is
  // responsible for come from a second branch, rather than outer-joining every pair of the plan first. The
  // area's waivers are grouped once: a sub-select per pair costs a scan's start-up each, which on a thousand
  // pairs outweighed the rest of the statement.
  const rows = await queryUniformRows(
    prisma,
    pairRow,
    `SELECT m.id AS "measureId", m.number, m."titleNb", m."titleEn", m."cadenceDays", ma."agencyId", a.code, ma.role,
            (SELECT max(u."createdAt") FROM "Update" u
              WHERE u."measureId" = ma."measureId" AND u."agencyId" = ma."agencyId"
                AND ${NEW_REPORT_SQL} AND u."createdAt" <= $3
            ) AS "updatedAt",
            w."waivedAt", h.updates
     FROM "Measure" m
     JOIN "MeasureAgency" ma ON ma."measureId" = m.id
     JOIN "Agency" a ON a.id = ma."agencyId"
     LEFT JOIN (SELECT "measureId", "agencyId", max("createdAt") AS "waivedAt" FROM "PeriodWaiver"
                WHERE "createdAt" <= $3 AND "measureId" IN (SELECT id FROM "Measure" WHERE "focusAreaId" = $1)
                GROUP BY "measureId", "agencyId") w
       ON w."measureId" = ma."measureId" AND w."agencyId" = ma."agencyId"
     CROSS JOIN LATERAL (
       SELECT json_agg(json_build_array((extract(epoch FROM u."createdAt") * 1000)::bigint, u.status)
                       ORDER BY u."createdAt", u.id) AS updates
       FROM ((SELECT status, "createdAt", id FROM "Update"
              WHERE "measureId" = ma."measureId" AND "agencyId" = ma."agencyId" AND "createdAt" <= $2
              ORDER BY "createdAt" DESC, id DESC LIMIT 1)
             UNION ALL
             (SELECT status, "createdAt", id FROM "Update"
              WHERE "measureId" = ma."measureId" AND "agencyId" = ma."agencyId"
                AND "createdAt" > $2 AND "createdAt" <= $3)) u
     ) h
     WHERE m."focusAreaId" = $1 AND m."archivedAt" IS NULL
     UNION ALL
     SELECT m.id, m.number, m."titleNb", m."titleEn", m."cadenceDays", NULL, NULL, NULL, NULL, NULL, NULL
     FROM "Measure" m
     WHERE m."focusAreaId" = $1 AND m."archivedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "MeasureAgency" ma WHERE ma."measureId" = m.id)
     ORDER BY number, role, code`,
    focusAreaId,
    first,
    last,
  );
  const times = instants.map((instant) => instant.getTime());
  const measures: AreaMeasure[] = [];
  const rolled: RolledStatus[][] = instants.map(() => []);
  const pairs: AreaPair[] = [];
  // Per instant, the current measure's pairs' statuses then (null: not reported yet).
  let latest: (Status | null)[][] = [];
  const endMeasure = () => {
    for (const [k, statuses] of latest.entries()) rolled[k]?.push(rollUp(statuses));
  };
  for (const row of rows) {
    if (measures.at(-1)?.id !== row.measureId) {
      endMeasure();
      measures.push({ id: row.measureId, number: row.number, titleNb: row.titleNb, titleEn: row.titleEn });
      latest = instants.map(() => []);
    }
    if (row.agencyId === null || row.code === null) continue; // a measure no agency is responsible for
    let status: Status | null = null;
    let k = 0;
    for (const [at, next] of row.updates ?? []) {
      for (; k < times.length && (times[k] as number) < at; k++) latest[k]?.push(status);
      status = next;
    }
    for (; k < times.length; k++) latest[k]?.push(status);
    pairs.push({
      measureId: row.measureId,
      agencyId: row.agencyId,
      code: row.code,
      focusAreaId,
      cadenceDays: row.cadenceDays,
      lastUpdateAt: row.updatedAt,
      lastWaivedAt: row.waivedAt,
      settled: isSettled(status),
    });
  }
  endMeasure();
  return { measures, rolled, pairs };
}
