import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { WebClient } from '@slack/web-api';
import { buildDigest, digestJob, resolveDigestRequest } from '../../src/features/digests/index.js';
import { runReminders } from '../../src/features/reminders/index.js';
import { allJobs } from '../../src/jobs.js';
import { loadConfig } from '../../src/kernel/config.js';
import type { ChangeFeed } from '../../src/kernel/db/change-feed.js';
import type { Deps } from '../../src/kernel/deps.js';
import { createTicker } from '../../src/kernel/jobs/scheduler.js';
import { createLogger } from '../../src/kernel/logger.js';
import { FakeSlack } from '../../tests/rig/index.js';
import { ROOT } from '../latency/processes.js';
import { type CountingPostgres, openCountingPostgres } from './database.js';
import { idleLoop, type LoopFigures, loopDelayDuring } from './event-loop.js';
import { exportUnderLoad } from './export-under-load.js';
import { describeSize, ISSUE_SIZE, type ScalePlanSize, writeScalePlan } from './plan.js';

export interface ScaleRow {
  what: string;
  baseline: string;
  baselineMs: number | null;
  ms: number;
  queries: number | null;
  peakAboveIdleMb: number | null;
  target: string;
  met: boolean;
  note?: string;
}

export interface ScaleResult {
  plan: string;
  generateMs: number;
  rows: ScaleRow[];
}

export interface ScaleOptions {
  postgresUrl: string;
  updates: number;
  /** Which reports to build: csv, md, docx for the year, docx-month for June. */
  reports: string[];
  /** Formats of the year's `/rapport eksport` to run in the bot under 50 commands a second (none: skip). */
  exportsUnderLoad: string[];
}

/** A Monday at the reminder hour mid-plan, when the ladder has the most to weigh. */
const SWEEP_AT = new Date('2004-06-14T09:00:00+02:00');
/** A Sunday night: no reminder hour and no digest hour. */
const QUIET_AT = new Date('2004-06-13T03:17:00+02:00');
const DIGEST_WEEK = '2004-W24';
const REPORT_MB_ABOVE_IDLE = 300;

/**
 * Issue 11's scale figures on PostgreSQL: each piece of work against one raw
 * SQL query that fetches the rows it shows, in the same run. Sweep, digest
 * and tick run in this process with a Prisma client that counts statements;
 * each report runs in a child of its own, so its peak memory is its own.
 */
export async function runScale(options: ScaleOptions, log: (line: string) => void): Promise<ScaleResult> {
  const size: ScalePlanSize = { ...ISSUE_SIZE, updates: options.updates };
  const db = await openCountingPostgres(options.postgresUrl, `tiltak_bench_scale_${process.pid}`);
  const fake = await new FakeSlack().start();
  try {
    const generated = await timed(async () => {
      const client = await db.pool.connect();
      try {
        await writeScalePlan(client, size);
      } finally {
        client.release();
      }
    });
    log(`scale: ${describeSize(size)} written in ${Math.round(generated.ms)} ms`);
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench',
      SLACK_API_URL: fake.apiUrl,
      // Where the digest job posts: the plan's areas have no channel of their own.
      COORDINATOR_CHANNEL: 'C0BENCH',
    });
    const deps: Deps = { prisma: db.prisma, config, logger: createLogger('silent'), clock: { now: () => QUIET_AT } };
    const slack = new WebClient(config.SLACK_BOT_TOKEN, { slackApiUrl: fake.apiUrl });
    const rows: ScaleRow[] = [];

    const sweepRaw = await timed(() => db.pool.query(SWEEP_SQL, [SWEEP_AT]));
    const sweep = await counted(db, () => runReminders({ deps, slack, at: SWEEP_AT, dryRun: true }));
    rows.push({
      what: `Reminder sweep (dry run) at ${(size.measures * size.agenciesPerMeasure).toLocaleString('en')} pairs`,
      baseline: 'one SQL query: every pair with its latest update',
      baselineMs: sweepRaw.ms,
      ms: sweep.ms,
      queries: sweep.queries,
      peakAboveIdleMb: null,
      target: '< 1 s, flat query count',
      met: sweep.ms < 1_000,
    });
    log(`scale: sweep ${Math.round(sweep.ms)} ms, ${sweep.queries} queries; raw ${Math.round(sweepRaw.ms)} ms`);

    const request = await resolveDigestRequest(db.prisma, ['1', DIGEST_WEEK], SWEEP_AT, config.TZ_PLAN);
    if (request.kind !== 'ok') throw new Error(`digest request: ${request.kind}`);
    const digestRaw = await timed(() =>
      db.pool.query(DIGEST_SQL, [request.area.id, request.period.from, request.period.to]),
    );
    const digest = await counted(db, () => buildDigest(db.prisma, config, request.area.id, request.period));
    rows.push({
      what: `Weekly digest, one area (${size.measures / 10} measures), ${DIGEST_WEEK}`,
      baseline: "one SQL query: the area's pairs with their status at the week's end, and the week's updates",
      baselineMs: digestRaw.ms,
      ms: digest.ms,
      queries: digest.queries,
      peakAboveIdleMb: null,
      target: '≤ 2×, flat query count',
      met: digest.ms <= 2 * digestRaw.ms,
    });
    log(`scale: digest ${Math.round(digest.ms)} ms, ${digest.queries} queries; raw ${Math.round(digestRaw.ms)} ms`);

    // The bot's scheduler, with a change feed that reports nothing (nobody writes during the bench; the
    // triggers' side is pinned by tests/jobs/tick-queries.test.ts). Its first tick is the start's catch-up.
    const silent: ChangeFeed = { live: true, subscribe: () => () => undefined };
    // The plan dates its whole year of updates, and one that becomes visible between two ticks is a change:
    // the ticks go in the gap after the update following QUIET_AT (~5 minutes at 100,000 updates a year).
    const gap = await db.pool.query<{ at: Date }>(
      `SELECT min("createdAt") + interval '1 second' AS at FROM "Update" WHERE "createdAt" > $1`,
      [QUIET_AT],
    );
    const quietAt = gap.rows[0]?.at ?? QUIET_AT;
    const clock = { now: () => quietAt };
    const ticker = createTicker({ ...deps, clock, changes: silent }, slack, allJobs());
    await ticker.tick();
    const callsBefore = fake.calls.length;
    clock.now = () => new Date(quietAt.getTime() + 60_000);
    const tick = await counted(db, () => ticker.tick());
    await ticker.stop();
    rows.push({
      what: 'A scheduler tick with nothing due (Sunday night)',
      baseline: 'an empty function',
      baselineMs: null,
      ms: tick.ms,
      queries: tick.queries,
      peakAboveIdleMb: null,
      target: 'no database query',
      met: tick.queries === 0,
      note:
        fake.calls.length === callsBefore
          ? undefined
          : `${fake.calls.length - callsBefore} Slack calls: something was due after all`,
    });
    log(`scale: quiet tick ${Math.round(tick.ms)} ms, ${tick.queries} queries`);

    // Event-loop delay while small async acks flow: idle, during a sweep, and during the digest job posting
    // every area's digest (build, chart, thread) to the fake Slack.
    const idle = await idleLoop();
    const sweepLoop = await loopDelayDuring(() => runReminders({ deps, slack, at: SWEEP_AT, dryRun: true }));
    const digestLoop = await loopDelayDuring(() =>
      digestJob().run({ deps, slack, at: new Date('2004-06-14T08:00:00+02:00'), dryRun: false }),
    );
    for (const [what, figures] of [
      ['a reminder sweep', sweepLoop],
      ['the digest job (every area, sent)', digestLoop],
    ] as const) {
      rows.push(loopRow(`Event-loop delay p99 during ${what}, acks flowing`, idle, figures));
      log(`scale: loop during ${what}: ${describeLoop(figures)}; idle ${describeLoop(idle)}`);
    }

    const env = { DATABASE_URL: db.url };
    const rawYear = await reportChild(env, 'raw', '2004-01-01', '2004-12-31');
    const rawMonth = await reportChild(env, 'raw', '2004-06-01', '2004-06-30');
    for (const report of options.reports) {
      const month = report === 'docx-month';
      const format = month ? 'docx' : report;
      const [from, to] = month ? ['2004-06-01', '2004-06-30'] : ['2004-01-01', '2004-12-31'];
      const raw = month ? rawMonth : rawYear;
      const r = await reportChild(env, format, from, to);
      const above = r.peakMb - r.idleMb;
      rows.push({
        what: `Report \`${format}\`, ${month ? 'one month' : 'one year'} (${raw.rows.toLocaleString('en')} update versions, ${(r.bytes ?? 0).toLocaleString('en')} bytes)`,
        baseline: `one SQL query: the period's ${raw.rows.toLocaleString('en')} update rows with measure, agency, author`,
        baselineMs: raw.ms,
        ms: r.ms,
        queries: r.queries ?? null,
        peakAboveIdleMb: above,
        target: `≤ 3× fetch + writing; peak < ${REPORT_MB_ABOVE_IDLE} MB above idle`,
        met: r.outcome === 'written' && above < REPORT_MB_ABOVE_IDLE && r.ms <= 3 * raw.ms,
      });
      log(
        `scale: report ${report} ${r.outcome} ${Math.round(r.ms)} ms, ${r.queries} queries, peak ${Math.round(above)} MB above idle; raw ${Math.round(raw.ms)} ms`,
      );
    }
    for (const e of await exportUnderLoad(fake, db.url, options.exportsUnderLoad, log)) {
      const above = e.rssPeakMb - e.rssIdleMb;
      rows.push({
        what: `\`/rapport eksport\` of the year as ${e.format} in the bot, under ${e.during.n.toLocaleString('en')} \`/tiltak hjelp\` at 50/s (${e.outcome})`,
        baseline: `the same load with no export: ack p99 ${e.baseline.p99} ms, max ${e.baseline.max} ms`,
        baselineMs: e.baseline.max,
        ms: e.during.max,
        queries: null,
        peakAboveIdleMb: above,
        target: `no ack slower than 2×; RSS < its target + ${REPORT_MB_ABOVE_IDLE} MB`,
        met: e.during.max <= 2 * e.baseline.max && above < REPORT_MB_ABOVE_IDLE,
        note: `ack p50 ${e.during.p50} vs ${e.baseline.p50} ms, p99 ${e.during.p99} vs ${e.baseline.p99} ms; the export took ${(e.exportMs / 1000).toFixed(1)} s; bot RSS ${Math.round(e.rssIdleMb)} → ${Math.round(e.rssPeakMb)} MB`,
      });
    }
    return { plan: describeSize(size), generateMs: generated.ms, rows };
  } finally {
    await fake.stop();
    await db.close();
  }
}

function loopRow(what: string, idle: LoopFigures, during: LoopFigures): ScaleRow {
  return {
    what,
    baseline: 'the same acks with nothing else running',
    baselineMs: idle.p99Ms,
    ms: during.p99Ms,
    queries: null,
    peakAboveIdleMb: null,
    target: 'p99 < 50 ms',
    met: during.p99Ms < 50,
    note: `max ${Math.round(during.maxMs)} ms; the latest of ${during.acks} acks ran ${Math.round(during.ackMaxMs)} ms late`,
  };
}

const describeLoop = (f: LoopFigures) =>
  `p99 ${f.p99Ms.toFixed(1)} ms, max ${Math.round(f.maxMs)} ms, worst ack ${Math.round(f.ackMaxMs)} ms late`;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function counted<T>(db: CountingPostgres, work: () => Promise<T>): Promise<{ ms: number; queries: number }> {
  db.resetCount();
  const { ms } = await timed(work);
  return { ms, queries: db.queries() };
}

interface ChildFigures {
  ms: number;
  idleMb: number;
  peakMb: number;
  rows: number;
  bytes: number | null;
  /** Reports only: the SQL statements sent, and whether the report was written. */
  queries?: number;
  outcome?: string;
}

function reportChild(env: Record<string, string>, what: string, from: string, to: string): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scale/report-child.ts', what, from, to], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4_000)));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`report child ${what} exited ${code}:\n${err}`));
      else resolve(JSON.parse(line) as ChildFigures);
    });
  });
}

/** What the reminder ladder reads, in one statement: each pair, its measure and agency, and its latest update before the instant. */
const SWEEP_SQL = `
  SELECT ma."measureId", ma."agencyId", ma.role, m.number, m."cadenceDays", a.code, a."teamLeadSlackId", lu."createdAt", lu.status
  FROM "MeasureAgency" ma
  JOIN "Measure" m ON m.id = ma."measureId"
  JOIN "Agency" a ON a.id = ma."agencyId"
  LEFT JOIN LATERAL (
    SELECT u."createdAt", u.status FROM "Update" u
    WHERE u."measureId" = ma."measureId" AND u."agencyId" = ma."agencyId" AND u."createdAt" <= $1
    ORDER BY u."createdAt" DESC LIMIT 1
  ) lu ON true`;

/** What the digest shows, in one statement: the area's pairs with their status at the week's end, and the week's updates. */
const DIGEST_SQL = `
  SELECT ma."measureId", ma."agencyId", m.number, a.code, lu.status, lu."createdAt", w.id AS "weekUpdate", w.status AS "weekStatus", w.done
  FROM "MeasureAgency" ma
  JOIN "Measure" m ON m.id = ma."measureId" AND m."focusAreaId" = $1
  JOIN "Agency" a ON a.id = ma."agencyId"
  LEFT JOIN LATERAL (
    SELECT u.status, u."createdAt" FROM "Update" u
    WHERE u."measureId" = ma."measureId" AND u."agencyId" = ma."agencyId" AND u."createdAt" <= $3
    ORDER BY u."createdAt" DESC LIMIT 1
  ) lu ON true
  LEFT JOIN "Update" w ON w."measureId" = ma."measureId" AND w."agencyId" = ma."agencyId" AND w."createdAt" > $2 AND w."createdAt" <= $3`;
