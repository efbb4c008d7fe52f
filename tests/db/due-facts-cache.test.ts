import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDueFacts } from '../../src/features/plan/due-facts.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import { ReferenceCache } from '../../src/kernel/db/reference-cache.js';
import { MemoryChangeFeed } from '../jobs/memory-change-feed.js';
import { seedPlan } from '../support/harness.js';
import { createTestDatabase } from '../support/test-database.js';

const TZ = 'Europe/Oslo';
let db: Database;
let cache: ReferenceCache;
const feed = new MemoryChangeFeed();

/** A small random history of reports and waivers; returns the newest one's instant. */
async function writeHistory(): Promise<number> {
  const pairs = await db.prisma.measureAgency.findMany({ orderBy: [{ measureId: 'asc' }, { agencyId: 'asc' }] });
  const author = await db.prisma.person.findFirstOrThrow();
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const day = (n: number) => new Date(Date.UTC(2004, 0, 5) + Math.floor(n) * 86_400_000 + 9 * 3_600_000);
  for (const [i, pair] of pairs.entries()) {
    if (next() < 0.3) continue;
    const statuses = ['ON_TRACK', 'DELAYED', 'COMPLETED'] as const;
    await db.prisma.update.create({
      data: {
        seriesId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        version: 1,
        measureId: pair.measureId,
        agencyId: pair.agencyId,
        authorId: author.id,
        status: statuses[Math.floor(next() * statuses.length)] ?? 'ON_TRACK',
        done: 'Arbeid pågår.',
        periodDate: day(0),
        createdAt: day(next() * 60),
      },
    });
    if (next() < 0.3)
      await db.prisma.periodWaiver.create({
        data: { ...pair, personId: author.id, reason: 'Ikke aktuelt.', createdAt: day(next() * 60) },
      });
  }
  const newest = await db.prisma.update.aggregate({ _max: { createdAt: true } });
  const waived = await db.prisma.periodWaiver.aggregate({ _max: { createdAt: true } });
  return Math.max(newest._max.createdAt?.getTime() ?? 0, waived._max.createdAt?.getTime() ?? 0);
}

const DAY_MS = 86_400_000;
let from = 0;

/** Rounds around the newest report: one over, one open in an area, one that opens and is closed by hand later. */
async function writeRounds(): Promise<void> {
  const area = await db.prisma.focusArea.findFirstOrThrow({ orderBy: { number: 'asc' } });
  const at = (days: number) => new Date(from + days * DAY_MS);
  await db.prisma.reportingRound.createMany({
    data: [
      { focusAreaId: null, openedAt: at(-20), deadline: at(-10), closedAt: at(-15), openedBy: 'U0KOORD1' },
      { focusAreaId: area.id, openedAt: at(10), deadline: at(20), closedAt: null, openedBy: 'U0KOORD1' },
      { focusAreaId: null, openedAt: at(30), deadline: at(40), closedAt: at(35), openedBy: 'U0KOORD1' },
    ],
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedPlan(db);
  from = await writeHistory();
  await writeRounds();
  cache = new ReferenceCache(feed);
});
afterAll(async () => {
  cache?.close();
  await db.close();
});

describe('the kept due facts', () => {
  it('are what the database gives for every filter at every instant from the newest report on', async () => {
    const measures = await db.prisma.measure.findMany({ select: { id: true, focusAreaId: true } });
    const agencies = await db.prisma.agency.findMany({ select: { id: true } });
    const filters = [
      {},
      { measureIds: [measures[0]?.id ?? 0] },
      { measureIds: measures.slice(1, 4).map((m) => m.id), agencyIds: [agencies[0]?.id ?? 0] },
      { agencyIds: agencies.slice(0, 2).map((a) => a.id) },
      { focusAreaId: measures[0]?.focusAreaId ?? 0 },
      { measureIds: [] },
    ];
    // Before, between and after the later rounds' openings and closings.
    const instants = [0, 1, 12, 32, 37, 60].map((days) => new Date(from + days * DAY_MS));
    for (const at of instants)
      for (const filter of filters)
        expect(await loadDueFacts(db.prisma, at, TZ, filter, cache), JSON.stringify({ at, filter })).toEqual(
          await loadDueFacts(db.prisma, at, TZ, filter),
        );
    expect(cache.size, 'the facts were kept, not read afresh each time').toBe(1);
  });

  it('are not used for an instant before the newest report, whose later rows must be left out', async () => {
    const at = new Date(Date.UTC(2004, 0, 20));
    expect(await loadDueFacts(db.prisma, at, TZ, {}, cache)).toEqual(await loadDueFacts(db.prisma, at, TZ, {}));
  });
});
