import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digestJob } from '../../src/features/digests/jobs/digest.js';
import { type Database, openDatabase } from '../../src/kernel/db/open-database.js';
import { usesPostgres } from '../support/test-database.js';
import {
  addUpdates,
  type DigestRig,
  replies,
  rigConfig,
  rigDeps,
  rigSlack,
  startDigestRig,
  topLevel,
} from './digest-support.js';

const ENV = { COORDINATOR_CHANNEL: 'C0KOORD' };
const MONDAY = Date.parse('2004-03-01T08:00:00+01:00');

let rig: DigestRig;
/** The other two instances: their own connections to the same PostgreSQL schema (PGlite: the same database). */
let others: Database[] = [];
beforeAll(async () => {
  rig = await startDigestRig(ENV);
  if (usesPostgres()) others = await Promise.all([1, 2].map(() => openDatabase(rig.db.target)));
});
afterAll(async () => {
  for (const db of others) await db.close();
  await rig?.stop();
});
beforeEach(async () => {
  await rig.reset();
  await addUpdates(rig.db.prisma, [
    {
      measure: 1,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'ON_TRACK',
      done: 'Fremdrift.',
      at: '2004-02-24T10:00:00+01:00',
    },
    {
      measure: 3,
      agency: 'BFD',
      author: 'U0OLA001',
      status: 'DELAYED',
      done: 'Forsinket trykking.',
      challenges: 'Leverandør.',
      at: '2004-02-25T10:00:00+01:00',
    },
  ]);
});

/** Three bot instances: each its own database client, Slack client and job, as three processes would have. */
function instances() {
  const config = rigConfig(rig.fake, ENV);
  const dbs = [rig.db, ...(others.length === 2 ? others : [rig.db, rig.db])];
  return dbs.map((db) => ({ deps: rigDeps(db.prisma, config), slack: rigSlack(config), job: digestJob() }));
}

async function tickAll(atMs: number): Promise<void> {
  const at = new Date(atMs);
  await Promise.all(instances().map(({ deps, slack, job }) => job.run({ deps, slack, at, dryRun: false })));
}

function expectOneDigestIn(channel: string): void {
  const mains = topLevel(rig.fake, channel);
  expect(mains).toHaveLength(1);
  const thread = replies(rig.fake, channel, mains[0]?.ts ?? '');
  expect(thread.filter((m) => m.files !== undefined)).toHaveLength(1);
  expect(thread.filter((m) => m.files === undefined).length).toBeGreaterThanOrEqual(1);
  const keys = thread.map((m) => JSON.stringify(m.metadata ?? null)).filter((k) => k !== 'null');
  expect(new Set(keys).size).toBe(keys.length);
}

describe(`three instances on ${usesPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('produce one digest per focus area, however their ticks interleave', async () => {
    for (const offset of [0, 0, 30_000, 60_000, 3 * 60_000]) await tickAll(MONDAY + offset);
    expectOneDigestIn('C0FOCUS1');
    expectOneDigestIn('C0KOORD');
    const rows = await rig.db.prisma.digestLedger.findMany({ where: { period: '2004-W09' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ['SENT', 1],
      ['SENT', 1],
    ]);
    rig.fake.assertNoViolations();
  });

  it('still produce one of each while Slack throttles them', async () => {
    rig.fake.chaos({
      seed: 5,
      rate: 0.3,
      faults: [{ status: 429, retryAfter: 1 }, { status: 503 }],
      methods: [
        'chat.postMessage',
        'files.getUploadURLExternal',
        'files.completeUploadExternal',
        'conversations.replies',
      ],
    });
    // Tick as the scheduler would, jumping ahead to each retry's time instead of waiting minute by minute.
    let at = MONDAY;
    for (let round = 0; round < 30; round++) {
      await tickAll(at);
      const waiting = await rig.db.prisma.digestLedger.findMany({
        where: { state: { in: ['PENDING', 'RETRY', 'SENDING'] } },
        orderBy: { nextAttemptAt: 'asc' },
      });
      if (waiting.length === 0) break;
      at = Math.max(at + 60_000, waiting[0]?.nextAttemptAt.getTime() ?? 0);
    }
    rig.fake.chaos(null);
    expect(rig.fake.calls.filter((c) => c.fault !== undefined).length).toBeGreaterThan(0);
    const rows = await rig.db.prisma.digestLedger.findMany({ where: { period: '2004-W09' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.state)).toEqual(['SENT', 'SENT']);
    expectOneDigestIn('C0FOCUS1');
    expectOneDigestIn('C0KOORD');
    expect(rig.fake.files.filter((f) => f.completed)).toHaveLength(2);
  });
});
