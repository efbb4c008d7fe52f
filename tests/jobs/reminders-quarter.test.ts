import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { remindersJob } from '../../src/features/reminders/jobs/reminders.js';
import { nextAttemptAt } from '../../src/features/reminders/jobs/reminders-ledger.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { runJobs } from '../../src/kernel/jobs/scheduler.js';
import { slackClientOptions } from '../../src/kernel/slack/client-options.js';
import { BOT_TOKEN } from '../support/harness.js';
import { usesPostgres } from '../support/test-database.js';
import { EXPECTED_QUARTER } from './reminders-quarter-expected.js';
import { driveQuarter, QUARTER_PLAN, seedQuarter, sentAsWritten } from './reminders-quarter-support.js';
import { crashingOnMarkSent, ledgerKeyOf, type ReminderRig, startReminderRig } from './reminders-support.js';
import { GONE, WorkspaceClient } from './reminders-workspace-client.js';

let rig: ReminderRig;
let slack: WorkspaceClient;
beforeAll(async () => {
  rig = await startReminderRig(QUARTER_PLAN);
  slack = new WorkspaceClient(BOT_TOKEN, slackClientOptions(rig.deps.config), GONE);
});
afterAll(async () => {
  await rig?.stop();
});
beforeEach(async () => {
  await rig.reset();
  await seedQuarter(rig.db.prisma, rig.deps.config);
});
afterEach(() => {
  rig.fake.assertNoViolations();
});

/** Runs the quarter through runJobs, as `npm run jobs -- --at` does, and returns the ticks it took. */
async function quarter(
  options: { prisma?: PrismaClient; down?: { from: Date; to: Date } } = {},
): Promise<{ ticks: number; failedTicks: number }> {
  let failedTicks = 0;
  const deps = { ...rig.deps, prisma: options.prisma ?? rig.deps.prisma };
  const ticks = await driveQuarter(
    rig.deps.config,
    async (at) => {
      const [report] = await runJobs(deps, slack, [remindersJob()], at);
      if (report?.lines.some((l) => l.startsWith('failed:'))) failedTicks++;
    },
    () => nextAttemptAt(rig.db.prisma),
    options.down ? { down: options.down } : {},
  );
  return { ticks, failedTicks };
}

/** Every reminder DM in the fake (the fake's clock is real time; the ledger has the simulated one). */
function delivered(): Array<{ key: string; channel: string }> {
  return rig.fake.state
    .allMessages()
    .filter((m) => m.channel.startsWith('D') && ledgerKeyOf(m) !== undefined)
    .map((m) => ({ key: ledgerKeyOf(m) as string, channel: m.channel }));
}

async function expectTheQuarter(): Promise<void> {
  const keys = delivered().map((d) => d.key);
  expect(new Set(keys).size, 'no DM twice').toBe(keys.length);
  expect([...keys].sort()).toEqual(EXPECTED_QUARTER.map((line) => line.slice(17)).sort());
  for (const d of delivered()) expect(d.channel, d.key).toBe(`D${d.key.split('|').at(-1)}`);
  const open = await rig.db.prisma.reminderLedger.count({ where: { state: { in: ['PENDING', 'RETRY', 'SENDING'] } } });
  expect(open, 'nothing left waiting').toBe(0);
  const failed = await rig.db.prisma.reminderLedger.findMany({
    where: { state: 'FAILED' },
    select: { recipient: true, lastError: true },
  });
  expect(new Set(failed.map((f) => `${f.recipient} ${f.lastError}`))).toEqual(new Set(['U0UNA001 user_not_found']));
}

describe(`a simulated quarter on ${usesPostgres() ? 'PostgreSQL' : 'PGlite'}, 1 March – 31 May 2004`, () => {
  it('sends exactly the expected DMs, each once, on the expected days', async () => {
    const { ticks } = await quarter();
    expect(await sentAsWritten(rig.db.prisma)).toEqual(EXPECTED_QUARTER);
    await expectTheQuarter();
    expect(ticks).toBeLessThan(200);
  });

  it('sends the same DMs when Slack answers 429 and 5xx at random', async () => {
    rig.fake.chaos({
      seed: 4,
      rate: 0.2,
      faults: [{ status: 429, retryAfter: 20 }, { status: 500 }, { status: 503 }],
      methods: ['conversations.open', 'chat.postMessage', 'conversations.history'],
    });
    await quarter();
    const faulted = rig.fake.calls.filter((c) => c.fault !== undefined).length;
    expect(faulted).toBeGreaterThan(10);
    await expectTheQuarter();
  });

  it('sends the same DMs when the process dies between Slack accepting a message and recording it', async () => {
    let sends = 0;
    const crashing = crashingOnMarkSent(rig.db.prisma, () => ++sends % 7 === 0);
    const { failedTicks } = await quarter({ prisma: crashing });
    expect(failedTicks).toBeGreaterThan(5);
    expect(rig.fake.callsTo('conversations.history').length).toBeGreaterThan(0);
    await expectTheQuarter();
  });

  it('sends the same DMs after downtime over a reminder time, the missed ones when it starts again', async () => {
    // Down over Tuesday 30 March at 09:00 (the first reminder time after the DST change).
    const down = { from: new Date('2004-03-30T08:30:00+02:00'), to: new Date('2004-03-30T13:45:00+02:00') };
    await quarter({ down });
    await expectTheQuarter();
    const missed = EXPECTED_QUARTER.filter((line) => line.startsWith('2004-03-30 09:00')).map((line) => line.slice(17));
    expect(missed).toHaveLength(4);
    const rows = await rig.db.prisma.reminderLedger.findMany({ where: { key: { in: missed } } });
    expect(rows.map((r) => [r.key, r.sentAt?.toISOString()]).sort()).toEqual(
      missed.map((k) => [k, down.to.toISOString()]).sort(),
    );
  });
});
