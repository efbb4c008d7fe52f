import { z } from 'zod';
import type { PrismaClient } from '../../../generated/prisma/client.js';
import { queryRows } from '../../../kernel/db/rows.js';
import type { LadderSettings } from '../../plan/index.js';
import { nextReminderInstant } from '../ladder.js';

/**
 * The earliest instant after `at` at which the ladder can have something new
 * to send, given the database as it stands: every step, summary and snooze
 * end falls on a reminder instant, so the next one bounds them all; a
 * recorded row waits for its own nextAttemptAt (a retry, a lease, a snooze);
 * and a row dated after `at` (a round set to open later, a simulation's
 * future) counts from its date. Writes made after this are the change feed's
 * business. One query, whatever the size of the plan.
 */
export async function remindersNextDueAt(prisma: PrismaClient, s: LadderSettings, at: Date): Promise<Date> {
  const rows = await queryRows(
    prisma,
    z.object({ next: z.date().nullable() }),
    `SELECT least(
       (SELECT min("nextAttemptAt") FROM "ReminderLedger" WHERE state IN ('PENDING', 'RETRY', 'SENDING')),
       (SELECT min("createdAt") FROM "Update" WHERE "createdAt" > $1),
       (SELECT min("createdAt") FROM "PeriodWaiver" WHERE "createdAt" > $1),
       (SELECT min("createdAt") FROM "Snooze" WHERE "createdAt" > $1),
       (SELECT min("createdAt") FROM "Absence" WHERE "createdAt" > $1),
       (SELECT min("endedAt") FROM "Absence" WHERE "endedAt" > $1),
       (SELECT min("openedAt") FROM "ReportingRound" WHERE "openedAt" > $1),
       (SELECT min("closedAt") FROM "ReportingRound" WHERE "closedAt" > $1)
     ) AS next`,
    at,
  );
  const ladder = nextReminderInstant(at, s);
  const next = rows[0]?.next ?? null;
  return next !== null && next < ladder ? next : ladder;
}
