import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadMeasureStatuses } from '../../src/features/plan/measure-status.js';
import { type SubmitInput, submitUpdate } from '../../src/features/updates/submit-update.js';
import type { UpdateDraft } from '../../src/features/updates/update-draft.js';
import { loadUpdateForm } from '../../src/features/updates/update-form.js';
import { loadHistoryPage } from '../../src/features/updates/update-history.js';
import { ManualClock } from '../../src/kernel/clock.js';
import { loadConfig } from '../../src/kernel/config.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import type { Deps } from '../../src/kernel/deps.js';
import { createLogger } from '../../src/kernel/logger.js';
import { findPerson, type PersonWithAgency, setLanguage } from '../../src/kernel/people/people.js';
import { slackUserIdSchema } from '../../src/kernel/slack/slack-user-id.js';
import { seedPlan } from '../support/harness.js';
import { createTestDatabase, truncateAll } from '../support/test-database.js';

let db: Database;
let deps: Deps;
let clock: ManualClock;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await truncateAll(db);
  await seedPlan(db);
  clock = new ManualClock('2004-03-01T09:00:00+01:00');
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', LOG_LEVEL: 'silent' });
  deps = { prisma: db.prisma, config, logger: createLogger('silent'), clock };
});

const draft = (over: Partial<UpdateDraft> = {}): UpdateDraft => ({
  status: 'ON_TRACK',
  progress: 40,
  done: 'Kartlagt behovet',
  challenges: null,
  nextSteps: 'Høring',
  spendNok: 12_500n,
  periodDate: '2004-02-27',
  ...over,
});

async function person(slackId: string): Promise<PersonWithAgency> {
  const found = await findPerson(db, slackUserIdSchema.parse(slackId));
  if (found === null) throw new Error(`no person ${slackId}`);
  return found;
}

async function ids() {
  const measures = await db.prisma.measure.findMany({ select: { id: true, number: true } });
  const agencies = await db.prisma.agency.findMany({ select: { id: true, code: true } });
  return {
    measure: (n: number) => measures.find((m) => m.number === n)?.id ?? -1,
    agency: (code: string) => agencies.find((a) => a.code === code)?.id ?? -1,
  };
}

async function submit(slackId: string, measureNumber: number, over: Partial<SubmitInput> = {}) {
  const { measure } = await ids();
  return submitUpdate(deps, {
    actor: await person(slackId),
    measureId: measure(measureNumber),
    agencyId: null,
    seriesId: crypto.randomUUID(),
    baseVersion: 0,
    draft: draft(),
    ...over,
  });
}

describe('submitting an update', () => {
  it("stores a contact's update for their own agency, with the clock's time and an audit line", async () => {
    const result = await submit('U0KARI01', 1);
    expect(result.kind).toBe('saved');
    const rows = await db.prisma.update.findMany();
    expect(rows).toHaveLength(1);
    const { agency } = await ids();
    expect(rows[0]).toMatchObject({
      version: 1,
      agencyId: agency('JD'),
      onBehalf: false,
      status: 'ON_TRACK',
      progress: 40,
      spendNok: 12_500n,
    });
    expect(rows[0]?.createdAt.toISOString()).toBe('2004-03-01T08:00:00.000Z');
    const audit = await db.prisma.auditLog.findMany({ where: { entity: 'Update' } });
    expect(audit).toMatchObject([
      { actor: 'U0KARI01', action: 'update.create', entity: 'Update', entityId: String(rows[0]?.id) },
    ]);
    expect(audit[0]?.before).toBeNull();
    expect(audit[0]?.after).toMatchObject({ done: 'Kartlagt behovet', spendNok: '12500', periodDate: '2004-02-27' });
  });

  it('refuses a contact of another agency and writes nothing', async () => {
    expect(await submit('U0OLA001', 1)).toEqual({ kind: 'refused', reason: 'not_allowed' });
    expect(await db.prisma.update.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { entity: 'Update' } })).toBe(0);
  });

  it('refuses a contact who names an agency other than their own', async () => {
    const { agency } = await ids();
    expect(await submit('U0KARI01', 2, { agencyId: agency('BFD') })).toEqual({
      kind: 'refused',
      reason: 'not_allowed',
    });
  });

  it('lets a coordinator report on behalf of a partner agency, recording who did it', async () => {
    const { agency } = await ids();
    const result = await submit('U0KOORD1', 2, { agencyId: agency('UDI') });
    expect(result.kind).toBe('saved');
    const coordinator = await person('U0KOORD1');
    expect(await db.prisma.update.findFirst()).toMatchObject({
      agencyId: agency('UDI'),
      authorId: coordinator.id,
      onBehalf: true,
    });
  });

  it('stores a replayed submission once', async () => {
    const seriesId = crypto.randomUUID();
    expect((await submit('U0KARI01', 1, { seriesId })).kind).toBe('saved');
    expect(await submit('U0KARI01', 1, { seriesId })).toEqual({ kind: 'refused', reason: 'conflict' });
    expect(await db.prisma.update.count()).toBe(1);
  });

  it('refuses a measure that does not exist', async () => {
    expect(await submit('U0KARI01', 1, { measureId: 999_999 })).toEqual({ kind: 'refused', reason: 'no_measure' });
  });
});

describe('editing an update', () => {
  async function first() {
    const result = await submit('U0KARI01', 1);
    if (result.kind !== 'saved') throw new Error('not saved');
    return result.update;
  }

  it('adds version 2 and keeps version 1, auditing before and after', async () => {
    const v1 = await first();
    clock.advance(3600_000);
    const result = await submit('U0KARI01', 1, {
      seriesId: v1.seriesId,
      baseVersion: 1,
      draft: draft({ status: 'DELAYED', challenges: 'Mangler folk' }),
    });
    expect(result.kind).toBe('saved');
    const rows = await db.prisma.update.findMany({ orderBy: { version: 'asc' } });
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [1, 'ON_TRACK'],
      [2, 'DELAYED'],
    ]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'update.edit' } });
    expect(audit.before).toMatchObject({ version: 1, status: 'ON_TRACK' });
    expect(audit.after).toMatchObject({ version: 2, status: 'DELAYED', challenges: 'Mangler folk' });
  });

  it('refuses someone who did not write it, even a colleague in the same agency', async () => {
    const v1 = await first();
    expect(await submit('U0LEADJD', 1, { seriesId: v1.seriesId, baseVersion: 1 })).toEqual({
      kind: 'refused',
      reason: 'edit_not_own',
    });
  });

  it('refuses an edit after the edit window, counted from the first version', async () => {
    const v1 = await first();
    clock.advance(7 * 86_400_000 + 1000);
    expect(await submit('U0KARI01', 1, { seriesId: v1.seriesId, baseVersion: 1 })).toEqual({
      kind: 'refused',
      reason: 'edit_window',
    });
  });

  it('refuses an edit of an update that a newer one has replaced', async () => {
    const v1 = await first();
    clock.advance(1000);
    await submit('U0LEADJD', 1);
    expect(await submit('U0KARI01', 1, { seriesId: v1.seriesId, baseVersion: 1 })).toEqual({
      kind: 'refused',
      reason: 'edit_not_latest',
    });
  });

  it('refuses an edit opened on a version that has since been edited', async () => {
    const v1 = await first();
    expect((await submit('U0KARI01', 1, { seriesId: v1.seriesId, baseVersion: 1 })).kind).toBe('saved');
    expect(await submit('U0KARI01', 1, { seriesId: v1.seriesId, baseVersion: 1 })).toEqual({
      kind: 'refused',
      reason: 'conflict',
    });
    expect(await db.prisma.update.count()).toBe(2);
  });

  it("keeps an edit on its series' measure, whatever measure the form claims", async () => {
    const v1 = await first();
    expect(await submit('U0KARI01', 2, { seriesId: v1.seriesId, baseVersion: 1 })).toEqual({
      kind: 'refused',
      reason: 'not_allowed',
    });
  });
});

describe('loadMeasureStatuses', () => {
  it("rolls up a measure from its agencies' latest statuses, lead first, worst wins", async () => {
    const { agency } = await ids();
    await submit('U0KARI01', 2, { draft: draft({ status: 'ON_TRACK' }) });
    clock.advance(1000);
    await submit('U0OLA001', 2, { draft: draft({ status: 'AT_RISK', challenges: 'Budsjett' }) });
    const [status] = await loadMeasureStatuses(db.prisma, { measureIds: [(await ids()).measure(2)] });
    expect(status?.rolled).toBe('AT_RISK');
    expect(status?.agencies.map((a) => [a.code, a.role, a.latest?.status ?? null])).toEqual([
      ['JD', 'LEAD', 'ON_TRACK'],
      ['BFD', 'PARTNER', 'AT_RISK'],
      ['UDI', 'PARTNER', null],
    ]);
    expect(status?.agencies[1]?.latest).toEqual(
      await db.prisma.update.findFirst({ where: { agencyId: agency('BFD') } }),
    );
  });

  it('takes the newest row per agency, and only rows up to asOf', async () => {
    await submit('U0KARI01', 1, { draft: draft({ status: 'ON_TRACK' }) });
    const between = new Date(clock.now().getTime() + 500);
    clock.advance(1000);
    await submit('U0KARI01', 1, { draft: draft({ status: 'DELAYED', challenges: 'x' }) });
    const measureIds = [(await ids()).measure(1)];
    expect((await loadMeasureStatuses(db.prisma, { measureIds }))[0]?.rolled).toBe('DELAYED');
    expect((await loadMeasureStatuses(db.prisma, { measureIds, asOf: between }))[0]?.rolled).toBe('ON_TRACK');
    expect((await loadMeasureStatuses(db.prisma, { measureIds, asOf: new Date('2004-01-01') }))[0]?.rolled).toBe(
      'NO_REPORT',
    );
  });

  it("lists every measure by number, or one focus area's", async () => {
    expect((await loadMeasureStatuses(db.prisma)).map((s) => s.measure.number)).toEqual([1, 2, 3]);
    const area2 = await db.prisma.focusArea.findUniqueOrThrow({ where: { number: 2 } });
    expect((await loadMeasureStatuses(db.prisma, { focusAreaId: area2.id })).map((s) => s.measure.number)).toEqual([3]);
    expect(await loadMeasureStatuses(db.prisma, { measureIds: [] })).toEqual([]);
  });
});

describe('the update form', () => {
  it("offers a contact the measures of their agency and pre-fills from the agency's latest update", async () => {
    await submit('U0LEADJD', 2, { draft: draft({ status: 'AT_RISK', challenges: 'Tid' }) });
    const result = await loadUpdateForm(deps, await person('U0KARI01'), { measureNumber: 2 });
    if (result.kind !== 'form') throw new Error(result.reason);
    expect(result.form.measureChoices.map((m) => m.number)).toEqual([1, 2]);
    expect(result.form.agencyChoices).toEqual([]);
    expect(result.form.prefill).toMatchObject({ status: 'AT_RISK', challenges: 'Tid' });
    expect(result.form.bounds).toEqual({ earliest: '2004-01-01', latest: '2004-03-01' });
  });

  it('offers a coordinator the responsible agencies of the measure', async () => {
    const result = await loadUpdateForm(deps, await person('U0KOORD1'), { measureNumber: 2 });
    if (result.kind !== 'form') throw new Error(result.reason);
    expect(result.form.agency.code).toBe('JD');
    expect(result.form.agencyChoices.map((a) => a.code)).toEqual(['JD', 'BFD', 'UDI']);
  });

  it('refuses a measure the user may not update, and one that does not exist', async () => {
    expect(await loadUpdateForm(deps, await person('U0OLA001'), { measureNumber: 1 })).toEqual({
      kind: 'refused',
      reason: 'not_allowed',
    });
    expect(await loadUpdateForm(deps, await person('U0OLA001'), { measureNumber: 42 })).toEqual({
      kind: 'refused',
      reason: 'no_measure',
    });
  });
});

describe('history and language', () => {
  it("pages a measure's updates newest first, each with its versions", async () => {
    const seriesIds: string[] = [];
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      const r = await submit('U0KARI01', 1, { draft: draft({ done: `runde ${i}` }) });
      if (r.kind === 'saved') seriesIds.push(r.update.seriesId);
    }
    clock.advance(1000);
    await submit('U0KARI01', 1, {
      seriesId: seriesIds[6] as string,
      baseVersion: 1,
      draft: draft({ done: 'runde 6, rettet' }),
    });
    const first = await loadHistoryPage(db.prisma, (await ids()).measure(1), 0, 5);
    expect(first).toMatchObject({ page: 0, pageCount: 2, totalSeries: 7 });
    expect(first.series[0]?.versions.map((v) => v.done)).toEqual(['runde 6, rettet', 'runde 6']);
    expect(first.series.map((s) => s.versions[0]?.done).slice(1)).toEqual(['runde 5', 'runde 4', 'runde 3', 'runde 2']);
    const last = await loadHistoryPage(db.prisma, (await ids()).measure(1), 99, 5);
    expect(last.page).toBe(1);
    expect(last.series.map((s) => s.versions[0]?.done)).toEqual(['runde 1', 'runde 0']);
  });

  it('saves a language choice with an audit line', async () => {
    await setLanguage(db.prisma, await person('U0KARI01'), 'en', clock.now());
    expect((await person('U0KARI01')).language).toBe('en');
    expect(await db.prisma.auditLog.findFirst({ where: { action: 'person.language' } })).toMatchObject({
      before: { language: 'nb' },
      after: { language: 'en' },
    });
  });
});
