import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allJobs } from '../../src/jobs.js';
import { ManualClock } from '../../src/kernel/clock.js';
import { CHANGES_CHANNEL, type RunningChangeFeed, startChangeFeed } from '../../src/kernel/db/change-feed.js';
import type { Deps } from '../../src/kernel/deps.js';
import { createTicker, runJobs, type Scheduler } from '../../src/kernel/jobs/scheduler.js';
import { usesPostgres } from '../support/test-database.js';
import { type CountingDatabase, openCountingDatabase } from './digest-counting-db.js';
import { type DigestRig, startDigestRig } from './digest-support.js';

/**
 * Issue 11: a scheduler tick with nothing due costs no query at all, while
 * the full run it skips costs the same number of queries however large the
 * plan. The change feed is the real one, fed by the database's triggers, so
 * a job that wrote (or only seemed to) on every run would show up here.
 */
const FULL_RUN_QUERIES = 22;

/** Sunday night in the bundled test plan's year: no reminder hour and no digest hour. */
const QUIET = Date.parse('2004-03-14T03:17:00+01:00');
const minute = (n: number) => new Date(QUIET + n * 60_000);

let db: CountingDatabase;
let rig: DigestRig;
let feed: RunningChangeFeed;
let clock: ManualClock;
let ticker: Scheduler;
let settled: string[] = [];
beforeAll(async () => {
  db = await openCountingDatabase();
  rig = await startDigestRig({}, db);
  feed = await startChangeFeed(db.listen, db.schema, rig.deps.logger);
  feed.subscribe((table) => settled.push(table));
  clock = new ManualClock(minute(0));
  const deps: Deps = { ...rig.deps, clock, changes: feed };
  ticker = createTicker(deps, rig.slack, allJobs());
}, 120_000);
afterAll(async () => {
  await ticker?.stop();
  await feed?.close();
  await rig?.stop();
});

/**
 * Waits until every notification committed so far has reached the feed: a
 * listener gets them in commit order, so a marker sent now arrives after
 * them. The marker names a table neither job reads.
 */
async function settle(): Promise<void> {
  settled = [];
  await db.runner.session((c) => c.exec(`SELECT pg_notify('${CHANGES_CHANNEL}', '${db.schema}.SeenRequest')`));
  for (let i = 0; i < 500 && !settled.includes('SeenRequest'); i++) await new Promise((r) => setTimeout(r, 10));
  expect(settled).toContain('SeenRequest');
}

async function counted(work: () => Promise<unknown>): Promise<{ queries: number; slackCalls: number }> {
  const calls = rig.fake.calls.length;
  db.resetCount();
  await work();
  return { queries: db.queries(), slackCalls: rig.fake.calls.length - calls };
}

const tickAt = (at: Date) =>
  counted(async () => {
    clock.set(at);
    await ticker.tick();
    await settle();
  });

/** 500 more measures with a lead and a partner each (1,000 pairs), each with a report a week old. */
async function growPlan(): Promise<void> {
  await db.runner.session(async (c) => {
    await c.exec(`
      INSERT INTO "Measure" (number, "focusAreaId", "titleNb", "titleEn")
        SELECT 1000 + n, (SELECT min(id) FROM "FocusArea"), 'Tiltak ' || n, 'Measure ' || n FROM generate_series(1, 500) n;
      INSERT INTO "MeasureAgency" ("measureId", "agencyId", role)
        SELECT m.id, a.id, 'LEAD' FROM "Measure" m, "Agency" a WHERE m.number > 1000 AND a.code = 'JD';
      INSERT INTO "MeasureAgency" ("measureId", "agencyId", role)
        SELECT m.id, a.id, 'PARTNER' FROM "Measure" m, "Agency" a WHERE m.number > 1000 AND a.code = 'BFD';
      INSERT INTO "Update" ("seriesId", version, "measureId", "agencyId", "authorId", status, done, "periodDate", "createdAt")
        SELECT 'grow-' || ma."measureId" || '-' || ma."agencyId", 1, ma."measureId", ma."agencyId", (SELECT min(id) FROM "Person"), 'ON_TRACK', 'x', '2004-03-08', timestamp '2004-03-08 10:00'
        FROM "MeasureAgency" ma JOIN "Measure" m ON m.id = ma."measureId" WHERE m.number > 1000;
    `);
  });
  await settle();
}

describe(`a scheduler tick with nothing due on ${usesPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('costs no query, on a small plan and on one of 1,000 more pairs, and the full run costs the same on both', async () => {
    // The tick at start runs every job in full (catch-up) and may write down what is due on Monday;
    // its writes reach the feed, so the next tick runs once more, and finds nothing to write.
    const start = await tickAt(minute(0));
    expect(start.queries).toBeGreaterThan(0);
    await tickAt(minute(1));
    const small = await tickAt(minute(2));
    expect(small).toEqual({ queries: 0, slackCalls: 0 });
    const smallFull = await counted(() => runJobs(rig.deps, rig.slack, allJobs(), minute(2)));

    await growPlan();
    const afterWrite = await tickAt(minute(3));
    expect(afterWrite.queries).toBeGreaterThan(0);
    expect(afterWrite.slackCalls).toBe(0);
    const large = await tickAt(minute(4));
    expect(large).toEqual({ queries: 0, slackCalls: 0 });
    const largeFull = await counted(() => runJobs(rig.deps, rig.slack, allJobs(), minute(4)));

    expect(largeFull.queries).toBe(smallFull.queries);
    expect(smallFull.queries).toBeLessThanOrEqual(FULL_RUN_QUERIES);
  }, 120_000);
});
