import { z } from 'zod';
import type { PrismaClient } from '../../../generated/prisma/client.js';
import { dayOf, localDay } from '../../../kernel/calendar/calendar.js';
import { queryRows } from '../../../kernel/db/rows.js';
import { type DueFacts, loadDueFacts } from '../../plan/index.js';
import { Directory } from '../ladder-routing.js';

export interface SnoozeFacts {
  id: number;
  measureId: number;
  agencyId: number;
  slackId: string;
  createdAt: Date;
  until: Date;
}

/** A recipient that Slack refused for good, not yet reported to the coordinators. */
export interface FailureFacts {
  measureId: number;
  agencyId: number;
  recipient: string;
  code: string;
}

export interface ReminderState extends DueFacts {
  directory: Directory;
  /** The latest snooze per pair and person. */
  snoozes: SnoozeFacts[];
  /** For snoozers: when they were last reminded of a period, keyed remindedKey(). */
  remindedAt: Map<string, Date>;
  failures: FailureFacts[];
}

export const remindedKey = (measureId: number, agencyId: number, recipient: string, period: string) =>
  `${measureId}:${agencyId}:${recipient}:${period}`;

/** Snoozes older than this cannot matter: their period has long been reminded again or reported. */
const SNOOZE_HORIZON = "interval '60 days'";

/** The database as the planner sees it at `at`: ten queries, whatever the size of the plan. */
export async function loadReminderState(prisma: PrismaClient, timeZone: string, at: Date): Promise<ReminderState> {
  const today = localDay(at, timeZone);
  const [facts, people, agencies, absences, snoozes, reminded, failures] = await Promise.all([
    loadDueFacts(prisma, at, timeZone),
    queryRows(
      prisma,
      z.object({
        slackId: z.string(),
        name: z.string(),
        agencyId: z.number().nullable(),
        role: z.enum(['CONTACT', 'TEAM_LEAD', 'COORDINATOR', 'ADMIN']),
        language: z.enum(['nb', 'en']),
      }),
      `SELECT "slackId", name, "agencyId", role::text AS role, language::text AS language FROM "Person" WHERE active ORDER BY id`,
    ),
    queryRows(
      prisma,
      z.object({ id: z.number(), teamLeadSlackId: z.string().nullable() }),
      `SELECT id, "teamLeadSlackId" FROM "Agency"`,
    ),
    queryRows(
      prisma,
      z.object({ slackId: z.string(), toDate: z.date(), substituteSlackId: z.string().nullable() }),
      `SELECT DISTINCT ON (p.id) p."slackId", a."toDate", a."substituteSlackId"
       FROM "Absence" a JOIN "Person" p ON p.id = a."personId"
       WHERE a."createdAt" <= $1 AND (a."endedAt" IS NULL OR a."endedAt" > $1) AND a."fromDate" <= $2::date AND a."toDate" >= $2::date
       ORDER BY p.id, a."createdAt" DESC`,
      at,
      today,
    ),
    queryRows(
      prisma,
      z.object({
        id: z.number(),
        measureId: z.number(),
        agencyId: z.number(),
        slackId: z.string(),
        createdAt: z.date(),
        until: z.date(),
      }),
      `SELECT DISTINCT ON ("measureId", "agencyId", "slackId") id, "measureId", "agencyId", "slackId", "createdAt", until
       FROM "Snooze" WHERE "createdAt" <= $1 AND until > $1::timestamp - ${SNOOZE_HORIZON}
       ORDER BY "measureId", "agencyId", "slackId", "createdAt" DESC, id DESC`,
      at,
    ),
    queryRows(
      prisma,
      z.object({
        measureId: z.number(),
        agencyId: z.number(),
        recipient: z.string(),
        period: z.string(),
        lastAt: z.date(),
      }),
      `SELECT l."measureId", l."agencyId", l.recipient, split_part(l.period, '~', 1) AS period, max(l."createdAt") AS "lastAt"
       FROM "ReminderLedger" l
       JOIN (SELECT DISTINCT "measureId", "agencyId", "slackId" FROM "Snooze"
             WHERE "createdAt" <= $1 AND until > $1::timestamp - ${SNOOZE_HORIZON}) s
         ON s."measureId" = l."measureId" AND s."agencyId" = l."agencyId" AND s."slackId" = l.recipient
       WHERE l.step BETWEEN 1 AND 3 AND l."createdAt" <= $1
       GROUP BY 1, 2, 3, 4`,
      at,
    ),
    queryRows(
      prisma,
      z.object({ measureId: z.number(), agencyId: z.number(), recipient: z.string(), code: z.string() }),
      `SELECT DISTINCT ON (f.recipient, f."lastError") f."measureId", f."agencyId", f.recipient, f."lastError" AS code
       FROM "ReminderLedger" f
       WHERE f.state = 'FAILED' AND f.step <> 5 AND f."lastError" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM "ReminderLedger" n WHERE n.step = 5 AND n.period = 'f:' || f.recipient || ':' || f."lastError")
       ORDER BY f.recipient, f."lastError", f.id`,
    ),
  ]);
  const leads = new Map(agencies.map((a) => [a.id, a.teamLeadSlackId]));
  const away = absences.map((a) => ({
    slackId: a.slackId,
    toDay: dayOf(a.toDate),
    substituteSlackId: a.substituteSlackId,
  }));
  return {
    ...facts,
    directory: new Directory(people, leads, away),
    snoozes,
    remindedAt: new Map(reminded.map((r) => [remindedKey(r.measureId, r.agencyId, r.recipient, r.period), r.lastAt])),
    failures,
  };
}
