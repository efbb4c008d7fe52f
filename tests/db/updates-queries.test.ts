import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadHomeData } from '../../src/features/home/home-data.js';
import { loadPlanOverview } from '../../src/features/home/plan-overview.js';
import { loadMeasureCard } from '../../src/features/updates/measure-card.js';
import { loadMeasureRows } from '../../src/features/updates/measure-rows.js';
import { loadOverdue } from '../../src/features/updates/overdue.js';
import { loadHistoryPage } from '../../src/features/updates/update-history.js';
import { ManualClock } from '../../src/kernel/clock.js';
import { loadConfig } from '../../src/kernel/config.js';
import type { Deps } from '../../src/kernel/deps.js';
import { createLogger } from '../../src/kernel/logger.js';
import { findPerson, type PersonWithAgency } from '../../src/kernel/people/people.js';
import { slackUserIdSchema } from '../../src/kernel/slack/slack-user-id.js';
import { seedPlan } from '../support/harness.js';
import { useTestDatabase } from '../support/lifecycle.js';

const db = useTestDatabase();
let deps: Deps;
beforeEach(async () => {
  await seedPlan(db);
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', LOG_LEVEL: 'silent' });
  deps = {
    prisma: db.prisma,
    config,
    logger: createLogger('silent'),
    clock: new ManualClock('2004-03-01T09:00:00+01:00'),
  };
});

async function person(slackId: string): Promise<PersonWithAgency> {
  const found = await findPerson(db, slackUserIdSchema.parse(slackId));
  if (found === null) throw new Error(slackId);
  return found;
}

let seq = 0;
async function addUpdate(
  measureNumber: number,
  code: string,
  at: string,
  over: { seriesId?: string; version?: number; done?: string } = {},
) {
  const measure = await db.prisma.measure.findUniqueOrThrow({ where: { number: measureNumber } });
  const agency = await db.prisma.agency.findUniqueOrThrow({ where: { code } });
  const author = await db.prisma.person.findFirstOrThrow();
  seq++;
  return db.prisma.update.create({
    data: {
      seriesId: over.seriesId ?? crypto.randomUUID(),
      version: over.version ?? 1,
      measureId: measure.id,
      agencyId: agency.id,
      authorId: author.id,
      status: 'ON_TRACK',
      done: over.done ?? `u${seq}`,
      periodDate: new Date('2004-02-01'),
      createdAt: new Date(at),
    },
  });
}

/** Grows the plan: `count` more measures in focus area 1, led by JD with BFD as partner, each with two updates. */
async function grow(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const area = await db.prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } });
    const [jd, bfd] = await Promise.all(
      ['JD', 'BFD'].map((code) => db.prisma.agency.findUniqueOrThrow({ where: { code } })),
    );
    await db.prisma.measure.create({
      data: {
        number: 100 + i,
        titleNb: `T${i}`,
        titleEn: `T${i}`,
        focusAreaId: area.id,
        agencies: {
          create: [
            { agencyId: jd?.id ?? 0, role: 'LEAD' },
            { agencyId: bfd?.id ?? 0, role: 'PARTNER' },
          ],
        },
      },
    });
    await addUpdate(100 + i, 'JD', '2004-02-10T10:00:00Z');
    await addUpdate(100 + i, 'BFD', '2004-02-11T10:00:00Z');
  }
}

/** How many database calls `work` makes, counted on every model method and raw query. */
async function countQueries(work: () => Promise<unknown>): Promise<number> {
  const prisma = db.prisma as unknown as Record<string, Record<string, unknown>>;
  const spies = [];
  for (const model of ['measure', 'update', 'person', 'agency', 'focusArea', 'plan', 'measureAgency']) {
    for (const method of ['findMany', 'findFirst', 'findUnique', 'findUniqueOrThrow', 'count', 'groupBy']) {
      if (typeof prisma[model]?.[method] === 'function')
        spies.push(vi.spyOn(prisma[model] as Record<string, () => unknown>, method));
    }
  }
  for (const raw of ['$queryRaw', '$queryRawUnsafe'])
    spies.push(vi.spyOn(db.prisma as unknown as Record<string, () => unknown>, raw));
  await work();
  const total = spies.reduce((n, s) => n + s.mock.calls.length, 0);
  for (const s of spies) s.mockRestore();
  return total;
}

describe('queries stay bounded as the plan grows', () => {
  it('makes the same number of queries for 3 measures as for 43', async () => {
    const coordinator = await person('U0KOORD1');
    const kari = await person('U0KARI01');
    const measure1 = await db.prisma.measure.findUniqueOrThrow({ where: { number: 1 } });
    await addUpdate(1, 'JD', '2004-02-01T10:00:00Z');
    const work = {
      rows: () => loadMeasureRows(deps, coordinator, { kind: 'all' }),
      home: () => loadHomeData(deps, coordinator),
      mine: () => loadHomeData(deps, kari),
      card: () => loadMeasureCard(deps, kari, 2),
      overdue: () => loadOverdue(deps, coordinator),
      history: () => loadHistoryPage(db.prisma, measure1.id, 0, 5),
    };
    const small: Record<string, number> = {};
    for (const [name, run] of Object.entries(work)) small[name] = await countQueries(run);
    await grow(40);
    for (let i = 0; i < 12; i++) await addUpdate(1, 'JD', `2004-02-${String(10 + i).padStart(2, '0')}T10:00:00Z`);
    const large: Record<string, number> = {};
    for (const [name, run] of Object.entries(work)) large[name] = await countQueries(run);
    expect(large).toEqual(small);
    expect(Math.max(...Object.values(large))).toBeLessThanOrEqual(12);
  });
});

describe('the plan overview', () => {
  it('lists the five newest updates per focus area, an edit replacing its original', async () => {
    const first = await addUpdate(1, 'JD', '2004-02-01T10:00:00Z', { done: 'original' });
    for (let i = 0; i < 6; i++) await addUpdate(2, 'BFD', `2004-02-0${2 + i}T10:00:00Z`);
    await addUpdate(1, 'JD', '2004-02-20T10:00:00Z', { seriesId: first.seriesId, version: 2, done: 'edited' });
    await addUpdate(3, 'BFD', '2004-02-03T10:00:00Z');
    const rows = await loadMeasureRows(deps, await person('U0KOORD1'), { kind: 'all' });
    const overview = await loadPlanOverview(db.prisma, rows);
    const [area1, area2] = overview;
    expect(area1?.area?.number).toBe(1);
    expect(area1?.recent.map((r) => [r.measureNumber, r.version])).toEqual([
      [1, 2],
      [2, 1],
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
    expect(area1?.recent[0]?.createdAt).toEqual(new Date('2004-02-20T10:00:00Z'));
    expect(area1).toMatchObject({ measures: 2, counts: { ON_TRACK: 1, NOT_STARTED: 1 } });
    expect(area2?.recent.map((r) => r.measureNumber)).toEqual([3]);
  });
});
