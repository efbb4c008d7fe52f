import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { remindersJob } from '../../src/features/reminders/jobs/reminders.js';
import { encodeOpen } from '../../src/features/updates/contract.js';
import { allJobs } from '../../src/jobs.js';
import { messages } from '../../src/kernel/i18n/index.js';
import type { Job, JobReport } from '../../src/kernel/jobs/job.js';
import { runJobs } from '../../src/kernel/jobs/scheduler.js';
import { dms, ledgerKeyOf } from '../e2e/reminders-support.js';
import { clickButton, formValues, goodForm, openModal } from '../e2e/updates-support.js';
import { topLevel } from '../jobs/digest-support.js';
import { viewSubmissionPayload } from '../rig/payloads.js';
import { type Harness, startHarness } from '../support/harness.js';
import { ids } from '../support/slack-ids.js';
import { openWithOwnRole, type PostgresOutage } from './postgres-outage.js';

// The small plan: Kari (nb) and Ola (en) get step 1 for measures 1 and 3 on Tuesday 13 January 2004
// at 09:00, step 2 on Friday 16th; area 1's digest for week 2 is due Monday 12th, so it goes out late.
const STEP1 = '2004-01-13T09:00:00+01:00';
const STEP2 = '2004-01-16T09:00:00+01:00';
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

let outage: PostgresOutage;
let h: Harness;
beforeAll(async () => {
  outage = await openWithOwnRole('down');
  h = await startHarness({ database: outage.db, now: '2004-01-12T12:00:00+01:00' });
});
afterEach(async () => {
  // A test that failed mid-outage must not leave the next one without a database.
  await outage?.restore();
});
afterAll(async () => {
  await h?.stop();
  await outage?.drop();
});

const healthz = async () => (await fetch(h.appUrl.replace('/slack/events', '/healthz'))).status;
const replyTo = async (user: string, text: string) => {
  const before = h.fake.responses.length;
  await h.command(user, text);
  return (await h.fake.waitFor(() => h.fake.responses[before], { timeoutMs: 15_000 })).body as { text?: string };
};
/** One scheduler tick at `at`, with every job or those given. */
const jobs = async (at: Date | string, only: Job[] = allJobs()): Promise<JobReport[]> => {
  h.clock.set(at);
  return runJobs(h.running.deps, h.running.slack, only, new Date(at));
};
/** Reminder DMs (those carrying a ledger key), as "recipient key", in the order Slack took them. */
const reminderDms = () =>
  h.fake.state
    .allMessages()
    .filter((m) => m.channel.startsWith('D') && /^s\d\|/u.test(ledgerKeyOf(m) ?? ''))
    .map((m) => `${m.channel.slice(1)} ${ledgerKeyOf(m)}`);

describe('PostgreSQL goes away under the running bot (its role set to NOLOGIN, its sessions terminated)', () => {
  it('answers "try again shortly" in each user\'s language and says 503, keeps typed forms open, then recovers by itself', async () => {
    // Before: Ola (English) is served once, so the bot knows his language; Kari opens a form.
    expect((await replyTo('U0OLA001', 'hjelp')).text).toContain('/tiltak');
    await h.command('U0KARI01', 'oppdater 1');
    const form = await openModal(h);
    const submission = viewSubmissionPayload({
      userId: 'U0KARI01',
      callbackId: ids.views.updateModal,
      privateMetadata: String(form.private_metadata),
      values: formValues({ ...goodForm, periodDate: '2004-01-12' }),
      viewId: String(form.id),
    });
    expect(await healthz()).toBe(200);

    const blockedAt = Date.now();
    await outage.block();
    expect(await healthz()).toBe(503);
    expect((await replyTo('U0KARI01', '')).text).toBe(messages('nb').common.databaseDown);
    expect((await replyTo('U0OLA001', 'liste')).text).toBe(messages('en').common.databaseDown);
    // Liv has not been served since the start: the bot cannot know her language, so Norwegian.
    expect((await replyTo('U0LEADJD', 'forfalt')).text).toBe(messages('nb').common.databaseDown);
    // The form stays open with what Kari typed, the first field saying why; nothing is stored.
    const refused = await h.interact(submission);
    expect(refused.json).toEqual({
      response_action: 'errors',
      errors: { [ids.blocks.updates.done]: messages('nb').common.databaseDown },
    });
    // A button that opens a modal opens it, and says the same there instead of spinning.
    const before = h.fake.callsTo('views.update').length;
    await clickButton(h, 'U0OLA001', ids.actions.updates.open, encodeOpen({ m: 3 }));
    const notice = await h.fake.waitFor(() => h.fake.callsTo('views.update')[before], { timeoutMs: 15_000 });
    expect(JSON.stringify(notice.args.view)).toContain(messages('en').common.databaseDown);
    const outageMs = Date.now() - blockedAt;

    await outage.restore();
    const restoredAt = Date.now();
    await h.fake.waitFor(async () => (await healthz()) === 200, { timeoutMs: 30_000, intervalMs: 100 });
    const recoveryMs = Date.now() - restoredAt;
    expect((await replyTo('U0KARI01', '')).text).not.toBe(messages('nb').common.databaseDown);
    // The same "Lagre" now stores the update, once.
    const saved = await h.interact(submission);
    expect(saved.json).toEqual({ response_action: 'clear' });
    expect(await h.db.prisma.update.count({ where: { done: goodForm.done } })).toBe(1);
    console.info(
      `database down on PostgreSQL: blocked ${outageMs} ms (5 requests answered meanwhile), healthy again ${recoveryMs} ms after LOGIN was restored`,
    );
  }, 120_000);

  it('sends a reminder and a digest that fell due during the outage once, after it', async () => {
    await h.reset();
    await outage.block();
    const failed = await jobs(STEP1);
    expect(failed.flatMap((r) => r.lines).every((l) => l.startsWith('failed'))).toBe(true);
    expect(reminderDms()).toEqual([]);
    expect(topLevel(h.fake, 'C0FOCUS1')).toEqual([]);
    await outage.restore();

    await jobs(plus(STEP1, 1));
    await jobs(plus(STEP1, 2));
    await jobs(plus(STEP1, 60));
    expect(reminderDms()).toEqual(['U0KARI01 s1|d2004-01-15|m1|a1|U0KARI01', 'U0OLA001 s1|d2004-01-15|m3|a2|U0OLA001']);
    expect(topLevel(h.fake, 'C0FOCUS1')).toHaveLength(1);
  }, 120_000);

  it('doubles nothing when the database goes away between Slack taking a reminder and the ledger recording it', async () => {
    await h.reset();
    // Slack takes the first DM but answers late; the database goes away meanwhile.
    h.fake.failNext('chat.postMessage', { delayMs: 1_500 });
    const posts = h.fake.callsTo('chat.postMessage').length;
    const run = jobs(STEP2, [remindersJob()]);
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length > posts, { timeoutMs: 15_000 });
    await outage.block();
    const lines = (await run).flatMap((r) => r.lines);
    expect(lines.some((l) => l.startsWith('failed'))).toBe(true);
    const taken = reminderDms().filter((k) => k.includes(' s2|'));
    expect(taken).toHaveLength(1);
    await outage.restore();

    // Once the claim's lease has run out, the next tick finds the DM in the conversation and sends only the rest.
    await jobs(plus(STEP2, 3), [remindersJob()]);
    await jobs(plus(STEP2, 4), [remindersJob()]);
    const step2 = reminderDms().filter((k) => k.includes(' s2|'));
    expect(step2).toEqual(['U0KARI01 s2|d2004-01-15|m1|a1|U0KARI01', 'U0OLA001 s2|d2004-01-15|m3|a2|U0OLA001']);
    expect(dms(h, 'U0KARI01').filter((m) => ledgerKeyOf(m)?.startsWith('s2|'))).toHaveLength(1);
  }, 120_000);
});
