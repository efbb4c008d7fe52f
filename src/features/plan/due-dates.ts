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
  focusAreaId?: number;
}

/**
 * Everything the due function reads, as it stood at `at` (rows created later
 * are ignored, so a simulation may hold its whole future in the database).
 * Three queries, whatever the number of pairs: each pair's report facts are
 * index look-ups beside it, so a filtered load reads only its own pairs.
 */
export async function loadDueFacts(
  prisma: PrismaClient,
  at: Date,
  timeZone: string,
  filter: PairFilter = {},
): Promise<DueFacts> {
  const [plans, pairs, rounds] = await Promise.all([
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
        updatedAt: z.date().nullable(),
        waivedAt: z.date().nullable(),
        status: z.string().nullable(),
      }),
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

/** Each pair's due state at `at`, in the order given, from facts already read. */
export function dueStatesFrom(
  facts: { plan: PlanFacts | null; pairs: readonly PairFacts[]; roundsNewestFirst: readonly RoundFacts[] },
  settings: DueSettings,
  at: Date,
): PairDue[] {
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
