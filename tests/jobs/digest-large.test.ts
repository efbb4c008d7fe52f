import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/features/digests/build-digest.js';
import { weekPeriod } from '../../src/features/digests/schedule.js';
import type { Status } from '../../src/generated/prisma/enums.js';
import { type CountingDatabase, openCountingDatabase } from './digest-counting-db.js';
import { addUpdates, type DigestRig, replies, startDigestRig, topLevel, type UpdateSeed } from './digest-support.js';

const MEASURES = 200;
const UPDATES_PER_MEASURE = 10;
const STATUSES: Status[] = ['ON_TRACK', 'AT_RISK', 'DELAYED', 'NOT_STARTED', 'COMPLETED'];

let db: CountingDatabase;
let rig: DigestRig;
beforeAll(async () => {
  db = await openCountingDatabase();
  rig = await startDigestRig({}, db);
});
afterAll(async () => {
  await rig?.stop();
});

/** 200 more measures in focus area 1, each with a lead and a partner, in three inserts. */
async function addLargeArea(): Promise<void> {
  const { prisma } = db;
  const area = await prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } });
  const agencies = await prisma.agency.findMany({ where: { code: { in: ['JD', 'BFD'] } } });
  const jd = agencies.find((a) => a.code === 'JD')?.id as number;
  const bfd = agencies.find((a) => a.code === 'BFD')?.id as number;
  const numbers = Array.from({ length: MEASURES }, (_, i) => 101 + i);
  await prisma.measure.createMany({
    data: numbers.map((n) => ({
      number: n,
      focusAreaId: area.id,
      titleNb: `Tiltak nummer ${n} med en lengre tittel`,
      titleEn: `Measure ${n}`,
    })),
  });
  const created = await prisma.measure.findMany({ where: { number: { in: numbers } }, select: { id: true } });
  await prisma.measureAgency.createMany({
    data: created.flatMap((m) => [
      { measureId: m.id, agencyId: jd, role: 'LEAD' as const },
      { measureId: m.id, agencyId: bfd, role: 'PARTNER' as const },
    ]),
  });
  const seeds: UpdateSeed[] = numbers.flatMap((n, i) =>
    Array.from({ length: UPDATES_PER_MEASURE }, (_, k) => ({
      measure: n,
      agency: k % 2 === 0 ? 'JD' : 'BFD',
      author: k % 2 === 0 ? 'U0KARI01' : 'U0OLA001',
      status: STATUSES[(i + k) % STATUSES.length] as Status,
      done: `Rapport ${k} for tiltak ${n}. ${'Arbeidet går videre med kartlegging og dialog. '.repeat(12)}`,
      challenges: k % 3 === 0 ? `Utfordring ${k}: ${'mangler avklaring om finansiering. '.repeat(10)}` : undefined,
      at: new Date(Date.parse('2004-02-23T08:00:00+01:00') + (i * UPDATES_PER_MEASURE + k) * 60_000),
    })),
  );
  // A few weeks of history for the chart, so the older weeks differ from this one.
  const history: UpdateSeed[] = numbers
    .filter((n) => n % 4 === 0)
    .map((n) => ({
      measure: n,
      agency: 'JD',
      author: 'U0KARI01',
      status: 'ON_TRACK',
      done: 'Tidligere.',
      at: '2004-02-02T10:00:00+01:00',
    }));
  await addUpdates(prisma, [...seeds, ...history]);
}

describe('a large focus area: 200 measures, 2,000 updates in the week', () => {
  it('builds the digest with the same number of database queries as a small one', async () => {
    const areaId = (await db.prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } })).id;
    const period = weekPeriod('2004-W09', 'Europe/Oslo');
    await addUpdates(db.prisma, [
      {
        measure: 1,
        agency: 'JD',
        author: 'U0KARI01',
        status: 'ON_TRACK',
        done: 'Liten uke.',
        at: '2004-02-24T10:00:00+01:00',
      },
    ]);
    db.resetCount();
    const small = await buildDigest(db.prisma, rig.deps.config, areaId, period);
    const smallQueries = db.queries();
    expect(small.measureCount).toBe(2);

    await addLargeArea();
    db.resetCount();
    const started = Date.now();
    const large = await buildDigest(db.prisma, rig.deps.config, areaId, period);
    const ms = Date.now() - started;
    const largeQueries = db.queries();
    expect(large.measureCount).toBe(MEASURES + 2);
    expect(large.updateCount).toBe(MEASURES * UPDATES_PER_MEASURE + 1);
    expect(largeQueries).toBe(smallQueries);
    // The count is fixed, whatever the size: the area with the plan and rounds, the status history of all eight
    // chart weeks with each pair's due facts, and the week's updates with their names: three statements.
    expect(largeQueries).toBeLessThanOrEqual(3);
    expect(ms).toBeLessThan(10_000);
    if (process.env.DIGEST_FIGURES)
      console.info(`buildDigest: ${smallQueries} queries small, ${largeQueries} large, ${ms} ms`);
  });

  it('posts it within Block Kit limits, splitting the thread, with every measure named', async () => {
    const report = await rig.run('2004-03-01T08:00:00+01:00');
    expect(report.lines).toContain('area 1 2004-W09: sent to C0FOCUS1');
    rig.fake.assertNoViolations();
    const [main] = topLevel(rig.fake, 'C0FOCUS1');
    expect(JSON.stringify(main?.blocks)).toContain('*2001 oppdateringer* denne uken');
    const thread = replies(rig.fake, 'C0FOCUS1', main?.ts ?? '');
    expect(thread.length).toBeGreaterThan(40);
    const text = JSON.stringify(thread.map((m) => m.blocks));
    for (let n = 101; n <= 100 + MEASURES; n++) expect(text).toContain(`*Tiltak ${n}: `);
    expect(text).toContain('*Ikke noe nytt:* 2 (Ikke rapportert)');
    for (const message of thread)
      expect((message.blocks as unknown[] | undefined)?.length ?? 0).toBeLessThanOrEqual(50);
  });
});
