import { z } from 'zod';
import type { PrismaClient } from '../../../generated/prisma/client.js';
import { queryRows } from '../../../kernel/db/rows.js';
import { type Delivery, tripleOf } from './reminders-plan.js';

/** Which of the candidates' (pair, step, period) triples already have rows, for anyone: one query. */
export async function recordedTriples(prisma: PrismaClient, candidates: readonly Delivery[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const rows = await queryRows(
    prisma,
    z.object({ measureId: z.number().int(), agencyId: z.number().int(), step: z.number().int(), period: z.string() }),
    `SELECT DISTINCT l."measureId", l."agencyId", l.step, l.period FROM "ReminderLedger" l
     WHERE (l."measureId", l."agencyId", l.step, l.period) IN (SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[]))`,
    candidates.map((c) => c.measureId),
    candidates.map((c) => c.agencyId),
    candidates.map((c) => c.step),
    candidates.map((c) => c.period),
  );
  return new Set(
    rows.map((r) =>
      tripleOf({ measureId: r.measureId, agencyId: r.agencyId, step: r.step as Delivery['step'], period: r.period }),
    ),
  );
}

/**
 * Records the intent to send before anything is sent: one INSERT for all,
 * and a key that exists already (another instance, a retried tick) is left
 * alone. Returns how many rows are new.
 */
export async function recordIntents(prisma: PrismaClient, deliveries: readonly Delivery[], at: Date): Promise<number> {
  if (deliveries.length === 0) return 0;
  const rows = deliveries.map((d) => ({
    key: d.key,
    measureId: d.measureId,
    agencyId: d.agencyId,
    step: d.step,
    period: d.period,
    recipient: d.recipient,
    notBefore: d.notBefore.toISOString(),
  }));
  return prisma.$executeRawUnsafe(
    `INSERT INTO "ReminderLedger" (key, "measureId", "agencyId", step, period, recipient, state, attempts, "nextAttemptAt", "createdAt")
     SELECT r.key, r."measureId", r."agencyId", r.step, r.period, r.recipient, 'PENDING', 0, r."notBefore"::timestamptz AT TIME ZONE 'UTC', $2
     FROM jsonb_to_recordset($1::jsonb) AS r(key text, "measureId" int, "agencyId" int, step int, period text, recipient text, "notBefore" text)
     ON CONFLICT (key) DO NOTHING`,
    JSON.stringify(rows),
    at,
  );
}

/** Rows a send attempt is due for at `at` (for --dry-run, which claims nothing). */
export async function dueRows(
  prisma: PrismaClient,
  at: Date,
): Promise<{ key: string; attempts: number; state: string }[]> {
  return queryRows(
    prisma,
    z.object({ key: z.string(), attempts: z.number().int(), state: z.string() }),
    `SELECT key, attempts, state::text AS state FROM "ReminderLedger"
     WHERE state IN ('PENDING', 'RETRY', 'SENDING') AND "nextAttemptAt" <= $1 ORDER BY "nextAttemptAt", id LIMIT 500`,
    at,
  );
}

/** The earliest instant a recorded row waits for (a retry, a lease, a snooze), or null. */
export async function nextAttemptAt(prisma: PrismaClient): Promise<Date | null> {
  const rows = await queryRows(
    prisma,
    z.object({ next: z.date().nullable() }),
    `SELECT min("nextAttemptAt") AS next FROM "ReminderLedger" WHERE state IN ('PENDING', 'RETRY', 'SENDING')`,
  );
  return rows[0]?.next ?? null;
}
