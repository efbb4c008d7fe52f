import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportPlan, exportPlanText } from '../../src/features/plan/export-plan.js';
import { importPlanText } from '../../src/features/plan/import-plan.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import { createTestDatabase, truncateAll } from '../support/test-database.js';

let db: Database;
let small: string;
beforeAll(async () => {
  db = await createTestDatabase();
  small = await readFile(new URL('../fixtures/small-plan.yaml', import.meta.url), 'utf8');
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await truncateAll(db);
});

const counts = async () => ({
  areas: await db.prisma.focusArea.count(),
  agencies: await db.prisma.agency.count(),
  people: await db.prisma.person.count(),
  measures: await db.prisma.measure.count(),
  responsible: await db.prisma.measureAgency.count(),
});

describe('plan import', () => {
  it('loads a good file with its responsibilities', async () => {
    const result = await importPlanText(db.prisma, small);
    expect(result).toEqual({ ok: true, summary: { focusAreas: 2, agencies: 3, people: 4, measures: 3 } });
    expect(await counts()).toEqual({ areas: 2, agencies: 3, people: 4, measures: 3, responsible: 5 });
    const m2 = await db.prisma.measure.findUniqueOrThrow({
      where: { number: 2 },
      include: { agencies: { include: { agency: true } }, focusArea: true },
    });
    expect(m2.cadenceDays).toBe(30);
    expect(m2.focusArea?.number).toBe(1);
    expect(m2.agencies.map((a) => [a.agency.code, a.role]).sort()).toEqual([
      ['BFD', 'PARTNER'],
      ['JD', 'LEAD'],
      ['UDI', 'PARTNER'],
    ]);
    const ola = await db.prisma.person.findUniqueOrThrow({ where: { slackId: 'U0OLA001' } });
    expect(ola.language).toBe('en');
  });

  it('updates in place on a re-import and never duplicates', async () => {
    await importPlanText(db.prisma, small);
    const renamed = small
      .replace('title_nb: "Informasjon"', 'title_nb: "Informasjonskampanje"')
      .replace('partners: [BFD, UDI]', 'partners: [UDI]');
    expect((await importPlanText(db.prisma, renamed)).ok).toBe(true);
    expect((await importPlanText(db.prisma, renamed)).ok).toBe(true);
    expect(await counts()).toEqual({ areas: 2, agencies: 3, people: 4, measures: 3, responsible: 4 });
    expect((await db.prisma.measure.findUniqueOrThrow({ where: { number: 3 } })).titleNb).toBe('Informasjonskampanje');
  });

  it('names every error by its path in the file and writes nothing', async () => {
    const bad = small
      .replace('partners: [BFD, UDI]', 'partners: [BFD, XYZ]')
      .replace('agency: BFD, role: contact', 'agency: NOPE, role: contact')
      .replace('{number: 3, focus_area: 2', '{number: 3, focus_area: 9')
      .replace('deadline: 2004-06-30', 'deadline: 30.06.2004');
    const result = await importPlanText(db.prisma, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('measures[2].deadline: must be a date like 2004-06-30');
    const refs = await importPlanText(db.prisma, bad.replace('deadline: 30.06.2004', 'deadline: 2004-06-30'));
    expect(refs.ok ? [] : refs.errors).toEqual([
      'people[1].agency: unknown agency "NOPE"',
      'measures[1].partners[1]: unknown agency "XYZ"',
      'measures[2].focus_area: unknown focus area 9',
    ]);
    expect(await counts()).toEqual({ areas: 0, agencies: 0, people: 0, measures: 0, responsible: 0 });
  });

  it('reports broken YAML, duplicates and unknown keys without a stack trace', async () => {
    const broken = await importPlanText(db.prisma, 'plan: [unclosed');
    expect(broken.ok ? [] : broken.errors[0]).toMatch(/^YAML: /);
    const dup = await importPlanText(db.prisma, small.replace('{code: BFD', '{code: JD'));
    expect(dup.ok ? [] : dup.errors).toContain('agencies[1].code: duplicate of agencies[0] (JD)');
    const extra = await importPlanText(
      db.prisma,
      small.replace('budget_nok: 1000000', 'budget_nok: 1000000\n  owner: someone'),
    );
    expect(extra.ok ? [] : extra.errors.join('\n')).toMatch(/^plan: Unrecognized key/);
  });

  it('sets the digest schedule for the plan and for one focus area', async () => {
    const scheduled = small
      .replace('budget_nok: 1000000', 'budget_nok: 1000000\n  digest_weekday: 2\n  digest_time: "07:30"')
      .replace('channel: C0FOCUS1}', 'channel: C0FOCUS1, digest_weekday: 5, digest_time: "14:00"}');
    expect((await importPlanText(db.prisma, scheduled)).ok).toBe(true);
    expect(await db.prisma.plan.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      digestWeekday: 2,
      digestTime: '07:30',
    });
    expect(await db.prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } })).toMatchObject({
      digestWeekday: 5,
      digestTime: '14:00',
    });
    expect(await db.prisma.focusArea.findUniqueOrThrow({ where: { number: 2 } })).toMatchObject({
      digestWeekday: null,
      digestTime: null,
    });
    const bad = await importPlanText(db.prisma, scheduled.replace('digest_weekday: 5', 'digest_weekday: 8'));
    expect(bad.ok ? [] : bad.errors).toEqual(['focus_areas[0].digest_weekday: must be 1 (Monday) to 7 (Sunday)']);
  });

  it('exports what it imported, in the same format', async () => {
    await importPlanText(db.prisma, small);
    const exported = await exportPlan(db.prisma);
    const original = parse(small) as { measures: unknown[]; people: unknown[] };
    expect(exported.measures).toHaveLength(original.measures.length);
    expect(exported.measures[1]).toEqual({
      number: 2,
      focus_area: 1,
      title_nb: 'Trygge steder',
      title_en: 'Safe places',
      lead: 'JD',
      partners: ['BFD', 'UDI'],
      cadence_days: 30,
    });
    // The export is itself a valid plan file that re-imports to the same state.
    const before = await counts();
    expect((await importPlanText(db.prisma, await exportPlanText(db.prisma))).ok).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('imports the bundled 2003–2005 plan: 5 focus areas, 23 measures, nothing invented', async () => {
    const bundled = await readFile(new URL('../../plans/handlingsplan-2003-2005.yaml', import.meta.url), 'utf8');
    expect(await importPlanText(db.prisma, bundled)).toMatchObject({
      ok: true,
      summary: { focusAreas: 5, measures: 23 },
    });
    const m2 = await db.prisma.measure.findUniqueOrThrow({
      where: { number: 2 },
      include: { agencies: { include: { agency: true } } },
    });
    expect(m2.agencies.map((a) => a.agency.code).sort()).toEqual(['BFD', 'HD', 'JD', 'SOS']);
    expect(m2.agencies.every((a) => a.role === 'PARTNER')).toBe(true);
    const slot = await db.prisma.measure.findUniqueOrThrow({ where: { number: 17 }, include: { agencies: true } });
    expect(slot.titleNb).toMatch(/ikke fylt inn/);
    expect(slot.agencies).toHaveLength(0);
    expect(slot.focusAreaId).toBeNull();
  });
});
