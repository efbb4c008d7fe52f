import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { dayOf, localDay } from '../../kernel/calendar/calendar.js';
import { PLAN_ID } from '../../kernel/db/plan.js';
import type { ReferenceCache } from '../../kernel/db/reference-cache.js';
import { queryRows } from '../../kernel/db/rows.js';
import type { PairFacts, PlanFacts, RoundFacts } from './due.js';

export interface PairRow extends PairFacts {
  role: 'LEAD' | 'PARTNER';
  number: number;
  titleNb: string;
  titleEn: string;
  agencyCode: string;
  agencyNameNb: string;
  agencyNameEn: string;
}

export interface DueFacts {
  plan: PlanFacts | null;
  pairs: PairRow[];
  roundsNewestFirst: RoundFacts[];
}

export interface PairFilter {
  measureIds?: number[];
  agencyIds?: number[];
  focusAreaId?: number;
}

// Built once: a zod schema compiles itself on first use, which a schema made per call would pay every time.
const planRow = z.object({ startDate: z.date(), endDate: z.date(), defaultCadenceDays: z.number() });
const pairRow = z.object({
  measureId: z.number(),
  agencyId: z.number(),
  role: z.enum(['LEAD', 'PARTNER']),
  number: z.number(),
  titleNb: z.string(),
  titleEn: z.string(),
  focusAreaId: z.number().nullable(),
  cadenceDays: z.number().nullable(),
  agencyCode: z.string(),
  agencyNameNb: z.string(),
  agencyNameEn: z.string(),
  updatedAt: z.date().nullable(),
  waivedAt: z.date().nullable(),
  status: z.string().nullable(),
});
const roundRow = z.object({
  id: z.number(),
  focusAreaId: z.number().nullable(),
  openedAt: z.date(),
  deadline: z.date(),
  closedAt: z.date().nullable(),
});

const newestRow = z.object({ newest: z.date().nullable() });

/** Every table a due fact is read from: a commit to any of them drops the kept facts. */
const DUE_TABLES = ['Plan', 'Measure', 'MeasureAgency', 'Agency', 'Update', 'PeriodWaiver', 'ReportingRound'] as const;
/** Later than any row: the whole plan's facts with nothing left out for being newer than `at`. */
const END_OF_TIME = new Date('9999-12-31T00:00:00Z');

/** The whole plan's facts with no instant applied, and the newest report among them. */
interface KeptFacts {
  facts: DueFacts;
  newestReportAt: Date | null;
}

/**
 * Everything the due function reads, as it stood at `at` (rows created later
 * are ignored, so a simulation may hold its whole future in the database).
 * Three queries, whatever the number of pairs: each pair's report facts are
 * index look-ups beside it, so a filtered load reads only its own pairs.
 *
 * With a reference cache, the whole plan's facts are kept until a commit to
 * one of their tables, and a request picks its pairs from them: none of the
 * three queries. They serve only an `at` no earlier than their newest
 * report, where leaving out later rows leaves out nothing; a simulated or
 * skewed clock before it reads from the database as before.
 */
export async function loadDueFacts(
  prisma: PrismaClient,
  at: Date,
  timeZone: string,
  filter: PairFilter = {},
  reference?: ReferenceCache,
): Promise<DueFacts> {
  if (reference?.keeping) {
    const kept = await reference.get(`due-facts:${timeZone}`, DUE_TABLES, () => readWholePlan(prisma, timeZone));
    if (kept.newestReportAt === null || kept.newestReportAt <= at) return factsAt(kept.facts, at, filter);
  }
  return readDueFacts(prisma, at, timeZone, filter);
}

async function readWholePlan(prisma: PrismaClient, timeZone: string): Promise<KeptFacts> {
  const [facts, [newest]] = await Promise.all([
    readDueFacts(prisma, END_OF_TIME, timeZone, {}),
    queryRows(
      prisma,
      newestRow,
      `SELECT greatest((SELECT max("createdAt") FROM "Update"), (SELECT max("createdAt") FROM "PeriodWaiver")) AS newest`,
    ),
  ]);
  return { facts, newestReportAt: newest?.newest ?? null };
}

/** What readDueFacts(at, filter) returns, from the whole plan's facts read with nothing left out. */
function factsAt(whole: DueFacts, at: Date, filter: PairFilter): DueFacts {
  const measures = filter.measureIds === undefined ? null : new Set(filter.measureIds);
  const agencies = filter.agencyIds === undefined ? null : new Set(filter.agencyIds);
  return {
    plan: whole.plan,
    pairs: whole.pairs.filter(
      (p) =>
        (measures === null || measures.has(p.measureId)) &&
        (agencies === null || agencies.has(p.agencyId)) &&
        (filter.focusAreaId === undefined || p.focusAreaId === filter.focusAreaId),
    ),
    roundsNewestFirst: whole.roundsNewestFirst
      .filter((r) => r.openedAt <= at)
      .map((r) => (r.closedAt !== null && r.closedAt > at ? { ...r, closedAt: null } : r)),
  };
}

async function readDueFacts(prisma: PrismaClient, at: Date, timeZone: string, filter: PairFilter): Promise<DueFacts> {
  const [plans, pairs, rounds] = await Promise.all([
    queryRows(prisma, planRow, `SELECT "startDate", "endDate", "defaultCadenceDays" FROM "Plan" WHERE id = ${PLAN_ID}`),
    queryRows(
      prisma,
      pairRow,
      `SELECT ma."measureId", ma."agencyId", ma.role::text AS role, m.number, m."titleNb", m."titleEn", m."focusAreaId", m."cadenceDays",
              a.code AS "agencyCode", a."nameNb" AS "agencyNameNb", a."nameEn" AS "agencyNameEn", r."updatedAt", r.status,
              (SELECT max(w."createdAt") FROM "PeriodWaiver" w
                WHERE w."measureId" = ma."measureId" AND w."agencyId" = ma."agencyId" AND w."createdAt" <= $4) AS "waivedAt"
       FROM "MeasureAgency" ma JOIN "Measure" m ON m.id = ma."measureId" JOIN "Agency" a ON a.id = ma."agencyId"
       LEFT JOIN LATERAL (
         SELECT max(u."createdAt") FILTER (WHERE ${NEW_REPORT_SQL}) AS "updatedAt",
                (array_agg(u.status::text ORDER BY u."createdAt" DESC, u.id DESC))[1] AS status
         FROM "Update" u WHERE u."measureId" = ma."measureId" AND u."agencyId" = ma."agencyId" AND u."createdAt" <= $4
       ) r ON true
       WHERE m."archivedAt" IS NULL
         AND ($1::int[] IS NULL OR ma."measureId" = ANY($1::int[])) AND ($2::int[] IS NULL OR ma."agencyId" = ANY($2::int[]))
         AND ($3::int IS NULL OR m."focusAreaId" = $3::int)
       ORDER BY m.number, ma.role, a.code`,
      filter.measureIds ?? null,
      filter.agencyIds ?? null,
      filter.focusAreaId ?? null,
      at,
    ),
    queryRows(
      prisma,
      roundRow,
      `SELECT id, "focusAreaId", "openedAt", deadline, "closedAt" FROM "ReportingRound" WHERE "openedAt" <= $1 ORDER BY "openedAt" DESC, id DESC`,
      at,
    ),
  ]);
  const plan = plans[0];
  return {
    plan: plan === undefined ? null : planFactsOf(plan),
    pairs: pairs.map(({ updatedAt, waivedAt, status, ...p }) => ({
      ...p,
      lastUpdateAt: updatedAt,
      lastWaivedAt: waivedAt,
      settled: isSettled(status),
    })),
    roundsNewestFirst: rounds.map((r) => roundFactsOf(r, at, timeZone)),
  };
}

/**
 * A report is a new update series, whose first row is version 1: an edit does
 * not restart the clock. SQL over the "Update" row `u`, for every reader of a
 * pair's last report.
 */
export const NEW_REPORT_SQL = 'u.version = 1';

/** A pair whose latest status is COMPLETED or CANCELLED has nothing more to report. */
export function isSettled(latestStatus: string | null): boolean {
  return latestStatus === 'COMPLETED' || latestStatus === 'CANCELLED';
}

export function planFactsOf(plan: { startDate: Date; endDate: Date; defaultCadenceDays: number }): PlanFacts {
  return { startDay: dayOf(plan.startDate), endDay: dayOf(plan.endDate), defaultCadenceDays: plan.defaultCadenceDays };
}

/** A round as it stood at `at`: a closing after `at` has not happened yet. */
export function roundFactsOf(
  round: { id: number; focusAreaId: number | null; openedAt: Date; deadline: Date; closedAt: Date | null },
  at: Date,
  timeZone: string,
): RoundFacts {
  return {
    id: round.id,
    focusAreaId: round.focusAreaId,
    openedAt: round.openedAt,
    deadlineDay: localDay(round.deadline, timeZone),
    closedAt: round.closedAt !== null && round.closedAt <= at ? round.closedAt : null,
  };
}
