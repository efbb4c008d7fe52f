import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueSettingsFrom, loadDueStates } from '../../src/features/plan/due-dates.js';
import { recordedTriples } from '../../src/features/reminders/jobs/reminders-ledger.js';
import { evaluate } from '../../src/features/reminders/jobs/reminders-plan.js';
import { loadReminderState } from '../../src/features/reminders/jobs/reminders-state.js';
import { loadConfig } from '../../src/kernel/config.js';
import { usesPostgres } from '../support/test-database.js';
import { type CountingDatabase, openCountingDatabase } from './digest-counting-db.js';

const AT = new Date('2004-03-15T09:00:00+01:00');
let db: CountingDatabase;
let settings: ReturnType<typeof dueSettingsFrom>;

/**
 * A plan of `measures` measures, each with a lead and a partner agency (two
 * pairs), 40 agencies with two contacts and a team lead each, an update for
 * every pair, and some waivers, snoozes, absences and ledger rows: written
 * in a handful of set-based statements.
 */
async function buildPlan(measures: number): Promise<void> {
  await db.runner.session(async (c) => {
    await c.exec(
      `TRUNCATE "Plan", "FocusArea", "Agency", "Person", "Measure", "MeasureAgency", "Update", "PeriodWaiver", "Snooze", "Absence", "ReportingRound", "ReminderLedger" RESTART IDENTITY CASCADE`,
    );
    await c.exec(`
      INSERT INTO "Plan" (id, "titleNb", "titleEn", "startDate", "endDate", "updatedAt") VALUES (1, 'P', 'P', '2004-01-01', '2004-12-31', now());
      INSERT INTO "FocusArea" (number, "titleNb", "titleEn") SELECT n, 'A' || n, 'A' || n FROM generate_series(1, 4) n;
      INSERT INTO "Agency" (code, "nameNb", "nameEn", kind, "teamLeadSlackId") SELECT 'AG' || n, 'Etat ' || n, 'Agency ' || n, 'DIRECTORATE', 'ULEAD' || n FROM generate_series(1, 40) n;
      INSERT INTO "Person" ("slackId", name, "agencyId", role) SELECT 'UC' || n || 'A', 'Kontakt ' || n, n, 'CONTACT' FROM generate_series(1, 40) n;
      INSERT INTO "Person" ("slackId", name, "agencyId", role) SELECT 'UC' || n || 'B', 'Kontakt ' || n || 'b', n, 'CONTACT' FROM generate_series(1, 40) n;
      INSERT INTO "Person" ("slackId", name, "agencyId", role) SELECT 'ULEAD' || n, 'Leder ' || n, n, 'TEAM_LEAD' FROM generate_series(1, 40) n;
      INSERT INTO "Person" ("slackId", name, role) VALUES ('UKOORD', 'Koordinator', 'COORDINATOR');
      INSERT INTO "Measure" (number, "focusAreaId", "titleNb", "titleEn", "cadenceDays") SELECT n, 1 + n % 4, 'Tiltak ' || n, 'Measure ' || n, 7 + n % 30 FROM generate_series(1, ${measures}) n;
      INSERT INTO "MeasureAgency" ("measureId", "agencyId", role) SELECT n, 1 + n % 40, 'LEAD' FROM generate_series(1, ${measures}) n;
      INSERT INTO "MeasureAgency" ("measureId", "agencyId", role) SELECT n, 1 + (n + 7) % 40, 'PARTNER' FROM generate_series(1, ${measures}) n;
      INSERT INTO "Update" ("seriesId", version, "measureId", "agencyId", "authorId", status, done, "periodDate", "createdAt")
        SELECT 's' || ma."measureId" || '-' || ma."agencyId", 1, ma."measureId", ma."agencyId", 1, 'ON_TRACK', 'x', '2004-02-01', timestamp '2004-02-01 10:00' + (ma."measureId" % 20) * interval '1 day'
        FROM "MeasureAgency" ma;
      INSERT INTO "PeriodWaiver" ("measureId", "agencyId", "personId", reason, "createdAt")
        SELECT "measureId", "agencyId", 1, 'x', timestamp '2004-03-01 10:00' FROM "MeasureAgency" WHERE "measureId" % 10 = 0;
      INSERT INTO "Snooze" ("measureId", "agencyId", "slackId", until, "createdAt")
        SELECT "measureId", "agencyId", 'UC' || "agencyId" || 'A', timestamp '2004-03-16 08:00', timestamp '2004-03-15 07:00' FROM "MeasureAgency" WHERE "measureId" % 7 = 0;
      INSERT INTO "Absence" (id, "personId", "fromDate", "toDate", "substituteSlackId")
        SELECT gen_random_uuid(), id, '2004-03-10', '2004-03-20', NULL FROM "Person" WHERE role = 'CONTACT' AND id % 3 = 0;
      INSERT INTO "ReminderLedger" (key, "measureId", "agencyId", step, period, recipient, state, "createdAt")
        SELECT 'k' || "measureId" || '-' || "agencyId", "measureId", "agencyId", 1, 'd2004-03-01', 'UC1A', 'SENT', timestamp '2004-02-27 08:00' FROM "MeasureAgency" WHERE "measureId" % 5 = 0;
    `);
  });
}

async function countQueries<T>(work: () => Promise<T>): Promise<{ queries: number; result: T }> {
  db.resetCount();
  const result = await work();
  return { queries: db.queries(), result };
}

beforeAll(async () => {
  db = await openCountingDatabase();
  settings = dueSettingsFrom(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'x' }));
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe(`the due function at scale on ${usesPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('issues the same number of queries for 10,000 pairs as for 100', async () => {
    const measure = async (pairs: number) => {
      await buildPlan(pairs / 2);
      const due = await countQueries(() => loadDueStates(db.prisma, settings, AT));
      const plan = await countQueries(async () => {
        const state = await loadReminderState(db.prisma, settings.timeZone, AT);
        const candidates = evaluate(state, settings, AT);
        await recordedTriples(db.prisma, candidates);
        return candidates;
      });
      expect(due.result).toHaveLength(pairs);
      expect(plan.result.length).toBeGreaterThan(pairs / 20);
      return { due: due.queries, plan: plan.queries };
    };
    const small = await measure(100);
    const large = await measure(10_000);
    expect(large).toEqual(small);
    expect(small.due).toBeLessThanOrEqual(4);
    expect(small.plan).toBeLessThanOrEqual(12);
  }, 120_000);
});
