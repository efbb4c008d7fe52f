import { z } from 'zod';
import type { FocusArea, Plan, PrismaClient } from '../../../generated/prisma/client.js';
import { addDays, isoWeek, localDay } from '../../../kernel/calendar/calendar.js';
import { queryRows } from '../../../kernel/db/rows.js';
import { UNTIL_CHANGED } from '../../../kernel/jobs/job.js';
import { areaSchedule, dueAt } from '../schedule.js';

/** Holidays can push a week's digest days into the weeks after it: look back this many weeks. */
const WEEKS_BACK = 3;

/**
 * The earliest instant after `at` at which a focus area's next weekly digest
 * falls due, or a recorded row (a retry, a digest waiting for an invitation,
 * a lease) wants another attempt. A change of schedule or of the plan comes
 * through the change feed. One query.
 */
export async function digestNextDueAt(
  prisma: PrismaClient,
  plan: Plan,
  areas: readonly FocusArea[],
  at: Date,
  timeZone: string,
): Promise<Date> {
  const rows = await queryRows(
    prisma,
    z.object({ next: z.date().nullable() }),
    `SELECT min("nextAttemptAt") AS next FROM "DigestLedger" WHERE state IN ('PENDING', 'RETRY', 'SENDING')`,
  );
  let next = rows[0]?.next ?? null;
  const today = localDay(at, timeZone);
  for (const area of areas) {
    const schedule = areaSchedule(plan, area);
    for (let back = WEEKS_BACK; back >= 0; back--) {
      const due = dueAt(isoWeek(addDays(today, -7 * back)), schedule, timeZone);
      if (due > at && (next === null || due < next)) next = due;
    }
  }
  return next ?? UNTIL_CHANGED;
}
