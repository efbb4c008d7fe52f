import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { dayOf, type LocalDay, localDay } from '../../kernel/calendar/calendar.js';
import type { Config } from '../../kernel/config.js';
import { PLAN_ID } from '../../kernel/db/plan.js';
import { queryRows } from '../../kernel/db/rows.js';
import {
  dueState,
  lastReportedAt,
  overdueWorkingDays,
  type PairFacts,
  type PlanFacts,
  type RoundFacts,
  roundFor,
} from './due.js';

/** When pairs fall due, and the steps of the reminder ladder; dueSettingsFrom says where each comes from. */
export interface LadderSettings {
  timeZone: string;
  /** Local 'HH:MM' at which reminders go out, on working days. */
  reminderTime: string;
  /** Step 1: working days before the due day. */
  dueSoonDays: number;
  /** Step 2: working days after the due day. */
  overdueDays: number;
  /** Step 3: working days overdue before the team lead hears. */
  teamLeadDays: number;
  /** Step 4: working days overdue before the coordinators' weekly summary lists the pair. */
  coordinatorDays: number;
  /** ISO weekday (1 = Monday) of the weekly summary. */
  summaryWeekday: number;
}

export type DueSettings = LadderSettings;

export function dueSettingsFrom(config: Config): DueSettings {
  return {
    timeZone: config.TZ_PLAN,
    reminderTime: config.REMINDER_TIME,
    dueSoonDays: config.REMINDER_DUE_SOON_DAYS,
    overdueDays: config.REMINDER_OVERDUE_DAYS,
    teamLeadDays: config.ESCALATE_TEAM_LEAD_DAYS,
    coordinatorDays: config.ESCALATE_COORDINATOR_DAYS,
    summaryWeekday: config.ESCALATE_SUMMARY_WEEKDAY,
  };
}

export interface PairDue {
  measureId: number;
  agencyId: number;
  dueDay: LocalDay;
  /** 0 when not overdue, and always 0 for a closed pair. */
  overdueWorkingDays: number;
  lastReportedAt: Date | null;
  roundId: number | null;
  /** Beyond the fixed interface: what the ladder keys its messages on, and whether a report is expected at all. */
  period: string;
  closed: boolean;
}

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
}

/**
 * Everything the due function reads, as it stood at `at` (rows created later
 * are ignored, so a simulation may hold its whole future in the database).
 * Four queries, whatever the number of pairs.
 */
export async function loadDueFacts(
  prisma: PrismaClient,
  at: Date,
  timeZone: string,
  filter: PairFilter = {},
): Promise<DueFacts> {
  const measureIds = filter.measureIds ?? null;
  const agencyIds = filter.agencyIds ?? null;
  const [plans, pairs, reports, rounds] = await Promise.all([
    queryRows(
      prisma,
      z.object({ startDate: z.date(), endDate: z.date(), defaultCadenceDays: z.number() }),
      `SELECT "startDate", "endDate", "defaultCadenceDays" FROM "Plan" WHERE id = ${PLAN_ID}`,
    ),
    queryRows(
      prisma,
      z.object({
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
      }),
      `SELECT ma."measureId", ma."agencyId", ma.role::text AS role, m.number, m."titleNb", m."titleEn", m."focusAreaId", m."cadenceDays",
              a.code AS "agencyCode", a."nameNb" AS "agencyNameNb", a."nameEn" AS "agencyNameEn"
       FROM "MeasureAgency" ma JOIN "Measure" m ON m.id = ma."measureId" JOIN "Agency" a ON a.id = ma."agencyId"
       WHERE m."archivedAt" IS NULL
         AND ($1::int[] IS NULL OR ma."measureId" = ANY($1::int[])) AND ($2::int[] IS NULL OR ma."agencyId" = ANY($2::int[]))
       ORDER BY m.number, ma.role, a.code`,
      measureIds,
      agencyIds,
    ),
    // A report is a new update series: an edit does not restart the clock.
    queryRows(
      prisma,
      z.object({
        measureId: z.number(),
        agencyId: z.number(),
        updatedAt: z.date().nullable(),
        waivedAt: z.date().nullable(),
        status: z.string().nullable(),
      }),
      `WITH series AS (
         SELECT "measureId", "agencyId", min("createdAt") AS first FROM "Update"
         WHERE "createdAt" <= $1 GROUP BY "measureId", "agencyId", "seriesId"),
       updated AS (SELECT "measureId", "agencyId", max(first) AS at FROM series GROUP BY "measureId", "agencyId"),
       waived AS (
         SELECT "measureId", "agencyId", max("createdAt") AS at FROM "PeriodWaiver" WHERE "createdAt" <= $1 GROUP BY "measureId", "agencyId"),
       latest AS (
         SELECT DISTINCT ON ("measureId", "agencyId") "measureId", "agencyId", status::text AS status FROM "Update"
         WHERE "createdAt" <= $1 ORDER BY "measureId", "agencyId", "createdAt" DESC, id DESC)
       SELECT coalesce(u."measureId", w."measureId") AS "measureId", coalesce(u."agencyId", w."agencyId") AS "agencyId",
              u.at AS "updatedAt", w.at AS "waivedAt", l.status
       FROM updated u FULL JOIN waived w ON w."measureId" = u."measureId" AND w."agencyId" = u."agencyId"
       LEFT JOIN latest l ON l."measureId" = u."measureId" AND l."agencyId" = u."agencyId"`,
      at,
    ),
    queryRows(
      prisma,
      z.object({
        id: z.number(),
        focusAreaId: z.number().nullable(),
        openedAt: z.date(),
        deadline: z.date(),
        closedAt: z.date().nullable(),
      }),
      `SELECT id, "focusAreaId", "openedAt", deadline, "closedAt" FROM "ReportingRound" WHERE "openedAt" <= $1 ORDER BY "openedAt" DESC, id DESC`,
      at,
    ),
  ]);
  const plan = plans[0];
  const byPair = new Map(reports.map((r) => [`${r.measureId}:${r.agencyId}`, r]));
  return {
    plan:
      plan === undefined
        ? null
        : {
            startDay: dayOf(plan.startDate),
            endDay: dayOf(plan.endDate),
            defaultCadenceDays: plan.defaultCadenceDays,
          },
    pairs: pairs.map((p) => {
      const report = byPair.get(`${p.measureId}:${p.agencyId}`);
      return {
        ...p,
        lastUpdateAt: report?.updatedAt ?? null,
        lastWaivedAt: report?.waivedAt ?? null,
        settled: report?.status === 'COMPLETED' || report?.status === 'CANCELLED',
      };
    }),
    roundsNewestFirst: rounds.map((r) => ({
      id: r.id,
      focusAreaId: r.focusAreaId,
      openedAt: r.openedAt,
      deadlineDay: localDay(r.deadline, timeZone),
      closedAt: r.closedAt !== null && r.closedAt <= at ? r.closedAt : null,
    })),
  };
}

/** Every responsible pair's due state at `at`, in measure order. */
export async function loadDueStates(
  prisma: PrismaClient,
  settings: DueSettings,
  at: Date,
  filter?: PairFilter,
): Promise<PairDue[]> {
  const facts = await loadDueFacts(prisma, at, settings.timeZone, filter);
  return dueStatesFrom(facts, settings, at);
}

function dueStatesFrom(facts: DueFacts, settings: DueSettings, at: Date): PairDue[] {
  const { plan } = facts;
  if (plan === null) return [];
  const today = localDay(at, settings.timeZone);
  return facts.pairs.map((pair) => {
    const due = dueState(pair, roundFor(pair, facts.roundsNewestFirst, at), plan, settings.timeZone, at);
    return {
      measureId: pair.measureId,
      agencyId: pair.agencyId,
      dueDay: due.dueDay,
      overdueWorkingDays: due.closed ? 0 : overdueWorkingDays(due.dueDay, today),
      lastReportedAt: lastReportedAt(pair),
      roundId: due.roundId,
      period: due.period,
      closed: due.closed,
    };
  });
}
