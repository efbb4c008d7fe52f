import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { remindersJob } from '../../src/features/reminders/jobs/reminders.js';
import { openRound } from '../../src/features/reminders/rounds.js';
import { ManualClock } from '../../src/kernel/clock.js';
import type { Deps } from '../../src/kernel/deps.js';
import type { Job, JobContext } from '../../src/kernel/jobs/job.js';
import { createTicker, type Scheduler } from '../../src/kernel/jobs/scheduler.js';
import { slackClientOptions } from '../../src/kernel/slack/client-options.js';
import { slackUserIdSchema } from '../../src/kernel/slack/slack-user-id.js';
import { BOT_TOKEN } from '../support/harness.js';
import { usesPostgres } from '../support/test-database.js';
import { MemoryChangeFeed } from './memory-change-feed.js';
import { EXPECTED_QUARTER } from './reminders-quarter-expected.js';
import { QUARTER_FROM, QUARTER_PLAN, QUARTER_TO, seedQuarter, sentAsWritten } from './reminders-quarter-support.js';
import { type ReminderRig, startReminderRig } from './reminders-support.js';
import { GONE, WorkspaceClient } from './reminders-workspace-client.js';

const MINUTE = 60_000;
/** Far longer than the production safety net, so that only the instants the job names make it run. */
const SAFETY_NET_MS = 30 * 24 * 60 * MINUTE;

let rig: ReminderRig;
let slack: WorkspaceClient;
let feed: MemoryChangeFeed;
let clock: ManualClock;
let runs: number;
let ticker: Scheduler;

/** The reminders job, counting the runs the scheduler lets through. */
function countedReminders(): Job {
  const job = remindersJob();
  return {
    ...job,
    run: (ctx: JobContext) => {
      runs++;
      return job.run(ctx);
    },
  };
}

beforeAll(async () => {
  rig = await startReminderRig(QUARTER_PLAN);
  slack = new WorkspaceClient(BOT_TOKEN, slackClientOptions(rig.deps.config), GONE);
});
afterAll(async () => {
  await rig?.stop();
});
beforeEach(async () => {
  await ticker?.stop();
  await rig.reset();
  feed = new MemoryChangeFeed();
  clock = new ManualClock(QUARTER_FROM);
  runs = 0;
  const deps: Deps = { ...rig.deps, clock, changes: feed };
  ticker = createTicker(deps, slack, [countedReminders()], { maxSkipMs: SAFETY_NET_MS });
});

async function tickAt(at: Date | number): Promise<void> {
  clock.set(new Date(at));
  await ticker.tick();
}

describe(`the scheduler's next-due skipping on ${usesPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('ticking every minute of the simulated quarter, sends exactly what a run at every due instant sends, at the same minutes', async () => {
    // The whole quarter is in the database up front, dated: no write reaches the feed, so
    // only the instants the job names make it run.
    await seedQuarter(rig.db.prisma, rig.deps.config);
    for (let t = QUARTER_FROM.getTime(); t < QUARTER_TO.getTime(); t += MINUTE) await tickAt(t);
    expect(await sentAsWritten(rig.db.prisma)).toEqual(EXPECTED_QUARTER);
    const minutes = (QUARTER_TO.getTime() - QUARTER_FROM.getTime()) / MINUTE;
    // About one run per working day and one per event: a small share of the ticks.
    expect(runs).toBeLessThan(minutes / 500);
  }, 300_000);

  it('keeps to the quarter when Slack answers 429 and 5xx at random: each retry is an instant it names', async () => {
    await seedQuarter(rig.db.prisma, rig.deps.config);
    rig.fake.chaos({
      seed: 4,
      rate: 0.2,
      faults: [{ status: 429, retryAfter: 20 }, { status: 500 }, { status: 503 }],
      methods: ['conversations.open', 'chat.postMessage', 'conversations.history'],
    });
    for (let t = QUARTER_FROM.getTime(); t < QUARTER_TO.getTime(); t += MINUTE) await tickAt(t);
    const sent = (await sentAsWritten(rig.db.prisma)).map((line) => line.slice(17)).sort();
    expect(sent).toEqual(EXPECTED_QUARTER.map((line) => line.slice(17)).sort());
    const open = await rig.db.prisma.reminderLedger.count({
      where: { state: { in: ['PENDING', 'RETRY', 'SENDING'] } },
    });
    expect(open).toBe(0);
  }, 300_000);

  it('runs on the tick after a write the feed reports, and not before', async () => {
    const at = new Date('2004-03-02T13:17:00+01:00');
    await tickAt(at);
    const first = runs;
    const posts = () => rig.fake.callsTo('chat.postMessage').length;
    const before = posts();
    await tickAt(at.getTime() + MINUTE);
    expect(runs).toBe(first);

    const area = await rig.db.prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } });
    const opened = await openRound(rig.db.prisma, {
      deadlineDay: '2004-03-31',
      scope: { area },
      actor: slackUserIdSchema.parse('U0KOORD1'),
      at: new Date(at.getTime() + 2 * MINUTE),
      timeZone: rig.deps.config.TZ_PLAN,
    });
    expect(opened.ok).toBe(true);
    await tickAt(at.getTime() + 2 * MINUTE + 30_000);
    expect(posts(), 'the write is unseen until the feed reports it').toBe(before);

    feed.emit('ReportingRound');
    await tickAt(at.getTime() + 3 * MINUTE);
    expect(runs).toBe(first + 1);
    expect(posts()).toBeGreaterThan(before);
  });

  it('runs again on the next tick when a run fails, and after the clock is set back', async () => {
    const at = new Date('2004-03-02T13:17:00+01:00').getTime();
    await tickAt(at);
    const first = runs;
    await tickAt(at - MINUTE);
    expect(runs).toBe(first + 1);
    await rig.db.prisma.$executeRawUnsafe(`ALTER TABLE "ReminderLedger" RENAME TO "ReminderLedgerAway"`);
    try {
      feed.emit('Update');
      await tickAt(at + MINUTE);
    } finally {
      await rig.db.prisma.$executeRawUnsafe(`ALTER TABLE "ReminderLedgerAway" RENAME TO "ReminderLedger"`);
    }
    expect(runs).toBe(first + 2);
    await tickAt(at + 2 * MINUTE);
    expect(runs, 'a failed run names no instant: the next tick asks again').toBe(first + 3);
    await tickAt(at + 3 * MINUTE);
    expect(runs).toBe(first + 3);
  });
});
