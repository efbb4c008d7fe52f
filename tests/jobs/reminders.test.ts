import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dueSettingsFrom, loadDueStates } from '../../src/features/plan/due-dates.js';
import { claimDue, renewClaim } from '../../src/kernel/jobs/ledger.js';
import { usesPostgres } from '../support/test-database.js';
import { addReports, crashingOnMarkSent, type ReminderRig, sentKeys, startReminderRig } from './reminders-support.js';

// The small plan with no reports: measures 1 (JD, contact Kari) and 3 (BFD, contact Ola) are due
// Thursday 15 January 2004; step 1 is Tuesday 13th at 09:00 (08:00Z), step 2 Friday 16th.
const STEP1 = '2004-01-13T09:00:00+01:00';
const KARI = 's1|d2004-01-15|m1|a1|U0KARI01';
const OLA = 's1|d2004-01-15|m3|a2|U0OLA001';
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

let rig: ReminderRig;
beforeAll(async () => {
  rig = await startReminderRig();
});
afterAll(async () => {
  await rig?.stop();
});
beforeEach(async () => {
  await rig.reset();
});
afterEach(() => {
  rig.fake.assertNoViolations();
});

const rows = () => rig.db.prisma.reminderLedger.findMany({ orderBy: { id: 'asc' } });

describe(`the reminder ledger on ${usesPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('records each DM before sending it and marks it sent with the message Slack accepted', async () => {
    await rig.run(STEP1);
    expect(sentKeys(rig.fake)).toEqual([KARI, OLA]);
    const ledger = await rows();
    expect(ledger.map((r) => [r.key, r.state, r.attempts])).toEqual([
      [KARI, 'SENT', 1],
      [OLA, 'SENT', 1],
    ]);
    const [message] = rig.fake.messages('DU0KARI01');
    expect(ledger[0]).toMatchObject({ channel: 'DU0KARI01', messageTs: message?.ts, sentAt: new Date(STEP1) });
  });

  it('waits out a 429 for at least its Retry-After and holds back the rest of the batch', async () => {
    rig.fake.failNext('chat.postMessage', { status: 429, retryAfter: 90 });
    const report = await rig.run(STEP1);
    expect(report.lines).toEqual([`will retry ${KARI}: ratelimited`]);
    expect(sentKeys(rig.fake)).toEqual([]);
    expect((await rows()).map((r) => [r.state, r.nextAttemptAt.toISOString(), r.attempts])).toEqual([
      ['RETRY', plus(STEP1, 90_000).toISOString(), 1],
      ['RETRY', plus(STEP1, 90_000).toISOString(), 0],
    ]);
    await rig.run(plus(STEP1, 60_000));
    expect(sentKeys(rig.fake)).toEqual([]);
    await rig.run(plus(STEP1, 90_000));
    expect(sentKeys(rig.fake)).toEqual([KARI, OLA]);
  });

  it('retries a 5xx with backoff while the others go out', async () => {
    rig.fake.failNext('chat.postMessage', { status: 503 });
    await rig.run(STEP1);
    expect(sentKeys(rig.fake)).toEqual([OLA]);
    const kari = (await rows())[0];
    expect(kari).toMatchObject({ state: 'RETRY', lastError: 'http_503' });
    expect(kari?.nextAttemptAt).toEqual(plus(STEP1, 60_000));
    await rig.run(plus(STEP1, 60_000));
    expect(sentKeys(rig.fake)).toEqual([OLA, KARI]);
  });

  it('records a recipient Slack refuses for good, tells the coordinators once, and sends the rest', async () => {
    rig.fake.failNext('conversations.open', { error: 'user_not_found' });
    await rig.run(STEP1);
    expect((await rows()).map((r) => [r.key, r.state, r.lastError])).toEqual([
      [KARI, 'FAILED', 'user_not_found'],
      [OLA, 'SENT', null],
      ['s5|f:U0KARI01:user_not_found|m1|a1|U0KOORD1', 'SENT', null],
    ]);
    const [notice] = rig.fake.messages('DU0KOORD1');
    expect(notice?.text).toContain(
      'Jeg fikk ikke levert en påminnelse til <@U0KARI01> (Tiltak 1 – Flyktningstatus, JD): Slack svarte `user_not_found`',
    );
    // The same refusal in the next step is recorded again, but not reported again.
    rig.fake.failNext('conversations.open', { error: 'user_not_found' });
    await rig.run('2004-01-16T09:00:00+01:00');
    expect(rig.fake.messages('DU0KOORD1')).toHaveLength(1);
  });

  it('never sends twice when the process dies between Slack accepting a message and recording it', async () => {
    let crashes = 1;
    const crashing = crashingOnMarkSent(rig.db.prisma, () => crashes-- > 0);
    const report = await rig.run(STEP1, { prisma: crashing });
    expect(report.lines).toEqual(['failed: simulated crash after Slack accepted']);
    expect(sentKeys(rig.fake)).toEqual([KARI]);
    expect((await rows()).map((r) => r.state)).toEqual(['SENDING', 'SENDING']);
    // The lease holds the rows for two minutes, then the next tick checks Slack before sending.
    await rig.run(plus(STEP1, 60_000));
    expect(rig.fake.callsTo('conversations.history')).toHaveLength(0);
    await rig.run(plus(STEP1, 120_000));
    expect(sentKeys(rig.fake)).toEqual([KARI, OLA]);
    expect((await rows()).map((r) => [r.state, r.attempts])).toEqual([
      ['SENT', 2],
      ['SENT', 2],
    ]);
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('lets a sender go on only while its claim is still its own', async () => {
    rig.fake.failNext('chat.postMessage', { status: 503 });
    rig.fake.failNext('chat.postMessage', { status: 503 });
    await rig.run(STEP1);
    const [first] = await claimDue(rig.db.prisma, 'ReminderLedger', plus(STEP1, 60_000));
    const mine = await rig.db.prisma.reminderLedger.findUniqueOrThrow({ where: { id: first! } });
    // The lease runs out mid-batch and another instance claims the row: the count it bumped fences the first sender off.
    await claimDue(rig.db.prisma, 'ReminderLedger', plus(STEP1, 60_000 + 3 * 60_000));
    expect(await renewClaim(rig.db.prisma, 'ReminderLedger', mine.id, mine.attempts, plus(STEP1, 4 * 60_000))).toBe(
      false,
    );
    expect(await renewClaim(rig.db.prisma, 'ReminderLedger', mine.id, mine.attempts + 1, plus(STEP1, 4 * 60_000))).toBe(
      true,
    );
  });

  it('skips a retry that no longer applies because the pair has reported since', async () => {
    rig.fake.failNext('chat.postMessage', { status: 500 });
    await rig.run(STEP1);
    await addReports(rig.db.prisma, [{ measure: 1, agency: 'JD', at: plus(STEP1, 30_000) }]);
    await rig.run(plus(STEP1, 60_000));
    expect(sentKeys(rig.fake)).toEqual([OLA]);
    expect((await rows())[0]).toMatchObject({ state: 'SKIPPED', lastError: 'reported' });
  });

  it('in a dry run lists what it would send, and writes and sends nothing', async () => {
    const report = await rig.run(STEP1, { dryRun: true });
    expect(report.lines).toEqual([
      expect.stringMatching(/^would send step 1 \(due soon\) to U0KARI01 .*\]$/),
      expect.stringMatching(/^would send step 1 \(due soon\) to U0OLA001 .*\]$/),
    ]);
    expect(report.lines.join('\n')).toContain(`[${KARI}]`);
    expect(report.lines.join('\n')).toContain(`[${OLA}]`);
    expect(await rig.db.prisma.reminderLedger.count()).toBe(0);
    expect(rig.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});

describe('catching up after downtime', () => {
  it('sends on start a step whose time passed while the bot was down, if it still applies', async () => {
    await rig.run('2004-01-14T11:00:00+01:00');
    expect(sentKeys(rig.fake)).toEqual([KARI, OLA]);
  });

  it('does not send a step for a pair that reported while the bot was down', async () => {
    await addReports(rig.db.prisma, [{ measure: 1, agency: 'JD', at: '2004-01-14T10:00:00+01:00' }]);
    await rig.run('2004-01-14T11:00:00+01:00');
    expect(sentKeys(rig.fake)).toEqual([OLA]);
  });

  it('sends only the step that applies now when the bot missed two', async () => {
    await rig.run('2004-01-19T09:00:00+01:00');
    expect(sentKeys(rig.fake).filter((k) => k.includes('|m1|'))).toEqual(['s2|d2004-01-15|m1|a1|U0KARI01']);
  });
});

describe('loadDueStates', () => {
  const settings = () => dueSettingsFrom(rig.deps.config);

  it('does not restart the clock for an edit, does for a new update and an "ikke aktuelt", and ignores rows after the instant', async () => {
    await addReports(rig.db.prisma, [
      { measure: 1, agency: 'JD', at: '2004-02-02T10:00:00+01:00', seriesId: 'a' },
      { measure: 1, agency: 'JD', at: '2004-02-05T10:00:00+01:00', seriesId: 'a', version: 2 },
    ]);
    const due = async (iso: string) =>
      (await loadDueStates(rig.db.prisma, settings(), new Date(iso), { measureIds: [1] }))[0];
    // Sunday 1 February: 16 January and two full weeks are 11 working days.
    expect(await due('2004-02-01T12:00:00+01:00')).toMatchObject({
      dueDay: '2004-01-15',
      overdueWorkingDays: 11,
      period: 'd2004-01-15',
    });
    expect(await due('2004-02-06T12:00:00+01:00')).toMatchObject({ dueDay: '2004-02-16', overdueWorkingDays: 0 });
    const kari = await rig.db.prisma.person.findFirstOrThrow({ where: { slackId: 'U0KARI01' } });
    await rig.db.prisma.periodWaiver.create({
      data: {
        measureId: 1,
        agencyId: 1,
        personId: kari.id,
        reason: 'x',
        createdAt: new Date('2004-02-10T10:00:00+01:00'),
      },
    });
    expect(await due('2004-02-11T12:00:00+01:00')).toMatchObject({ dueDay: '2004-02-24' });
  });

  it('returns every pair, with the completed ones closed and never overdue', async () => {
    await addReports(rig.db.prisma, [
      { measure: 3, agency: 'BFD', at: '2004-01-05T10:00:00+01:00', status: 'COMPLETED' },
    ]);
    const all = await loadDueStates(rig.db.prisma, settings(), new Date('2004-03-01T12:00:00+01:00'));
    expect(all.map((d) => [d.measureId, d.agencyId])).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
      [2, 3],
      [3, 2],
    ]);
    expect(all.find((d) => d.measureId === 3)).toMatchObject({ closed: true, overdueWorkingDays: 0 });
    expect(all.find((d) => d.measureId === 1)).toMatchObject({ closed: false, overdueWorkingDays: 32 });
  });
});
