import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ledgerMetadata } from '../../src/kernel/jobs/ledger.js';
import { addUpdates, type DigestRig, replies, startDigestRig, topLevel } from './digest-support.js';

let rig: DigestRig;
beforeAll(async () => {
  rig = await startDigestRig();
});
afterAll(async () => {
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
      done: 'Kriterier på høring.',
      at: '2004-02-24T10:00:00+01:00',
    },
    {
      measure: 2,
      agency: 'BFD',
      author: 'U0OLA001',
      status: 'AT_RISK',
      done: 'Venter på midler.',
      challenges: 'Budsjett.',
      at: '2004-02-25T10:00:00+01:00',
    },
  ]);
});

const MONDAY = '2004-03-01T08:00:00+01:00';
const plus = (seconds: number) => new Date(new Date(MONDAY).getTime() + seconds * 1000).toISOString();
const ledgerRow = () =>
  rig.db.prisma.digestLedger.findFirstOrThrow({ where: { period: '2004-W09', focusArea: { number: 1 } } });

/** One main message with the chart and every reply under it, each once. */
function expectOneCompleteDigest(): void {
  const mains = topLevel(rig.fake, 'C0FOCUS1');
  expect(mains).toHaveLength(1);
  const thread = replies(rig.fake, 'C0FOCUS1', mains[0]?.ts ?? '');
  expect(thread.filter((m) => m.files !== undefined)).toHaveLength(1);
  const text = JSON.stringify(thread.map((m) => m.blocks));
  expect(text.match(/\*Tiltak 1: /g)).toHaveLength(1);
  expect(text.match(/\*Tiltak 2: /g)).toHaveLength(1);
  expect(rig.fake.files.filter((f) => f.completed)).toHaveLength(1);
}

describe('digest delivery when Slack refuses for a while', () => {
  it('a 429 during the chart upload: waits out Retry-After, then finishes the thread without a second main message', async () => {
    rig.fake.failNext('files.getUploadURLExternal', { status: 429, retryAfter: 120 });
    const first = await rig.run(MONDAY);
    expect(first.lines).toContain('area 1 2004-W09: will retry (ratelimited)');
    expect(topLevel(rig.fake, 'C0FOCUS1')).toHaveLength(1);
    const waiting = await ledgerRow();
    // Not sent until Slack has taken all of it; the main message is remembered.
    expect(waiting).toMatchObject({ state: 'RETRY', lastError: 'ratelimited', attempts: 1 });
    expect(waiting.messageTs).not.toBeNull();
    expect(waiting.nextAttemptAt).toEqual(new Date(plus(120)));

    expect((await rig.run(plus(60))).lines.filter((l) => l.startsWith('area 1'))).toEqual([]);
    const second = await rig.run(plus(121));
    expect(second.lines).toContain('area 1 2004-W09: sent to C0FOCUS1');
    expectOneCompleteDigest();
    expect(await ledgerRow()).toMatchObject({ state: 'SENT', attempts: 2, messageTs: waiting.messageTs });
    rig.fake.assertNoViolations();
  });

  it('a 429 when completing the upload: the retry uploads once more, and only one chart is shared', async () => {
    rig.fake.failNext('files.completeUploadExternal', { status: 429, retryAfter: 1 });
    await rig.run(MONDAY);
    await rig.run(plus(61));
    expectOneCompleteDigest();
  });

  it('a 429 on a thread reply: the retry posts only the replies that are missing', async () => {
    // Let the main message and the chart through, then have Slack refuse the first reply.
    const post = rig.slack.chat.postMessage.bind(rig.slack.chat);
    let refused = false;
    rig.slack.chat.postMessage = (args) => {
      if (args.thread_ts !== undefined && !refused) {
        refused = true;
        rig.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
      }
      return post(args);
    };
    try {
      await rig.run(MONDAY);
      expect(topLevel(rig.fake, 'C0FOCUS1')).toHaveLength(1);
      expect((await ledgerRow()).state).toBe('RETRY');
      // Looking in the thread fails too: still nothing posted twice, try later.
      rig.fake.failNext('conversations.replies', { status: 503 });
      await rig.run(plus(61));
      expect((await ledgerRow()).state).toBe('RETRY');
      await rig.run(plus(61 + 121));
    } finally {
      rig.slack.chat.postMessage = post;
    }
    expectOneCompleteDigest();
    expect(await ledgerRow()).toMatchObject({ state: 'SENT', attempts: 3 });
  });

  it('a crash after Slack accepted the main message but before the ledger knew: found by its metadata, not posted again', async () => {
    const area = await rig.db.prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } });
    const posted = await rig.slack.chat.postMessage({
      channel: 'C0FOCUS1',
      text: 'sammendrag',
      metadata: ledgerMetadata(`digest:${area.id}:2004-W09`),
    });
    // The crashed attempt's claim: SENDING, one attempt, its lease run out.
    await rig.db.prisma.digestLedger.create({
      data: {
        focusAreaId: area.id,
        period: '2004-W09',
        state: 'SENDING',
        attempts: 1,
        nextAttemptAt: new Date(MONDAY),
        createdAt: new Date(MONDAY),
      },
    });
    await rig.run(plus(180));
    const mains = topLevel(rig.fake, 'C0FOCUS1');
    expect(mains.map((m) => m.ts)).toEqual([posted.ts]);
    expect(replies(rig.fake, 'C0FOCUS1', posted.ts ?? '').length).toBeGreaterThanOrEqual(2);
    expect(await ledgerRow()).toMatchObject({ state: 'SENT', messageTs: posted.ts });
  });

  it('a channel the bot is not in is not the end of the digest: it waits for an invitation (digest-invite.test.ts)', async () => {
    rig.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const report = await rig.run(MONDAY);
    expect(report.lines).toContain('area 1 2004-W09: waits for the bot to be invited (not_in_channel)');
    expect(topLevel(rig.fake, 'C0FOCUS1')).toHaveLength(0);
    expect(await ledgerRow()).toMatchObject({ state: 'RETRY', lastError: 'not_in_channel', attempts: 1 });
  });

  it('a chart Slack will never take does not hold back the words', async () => {
    rig.fake.failNext('files.getUploadURLExternal', { error: 'missing_scope' });
    await rig.run(MONDAY);
    const [main] = topLevel(rig.fake, 'C0FOCUS1');
    expect(replies(rig.fake, 'C0FOCUS1', main?.ts ?? '').length).toBeGreaterThanOrEqual(1);
    expect((await ledgerRow()).state).toBe('SENT');
  });
});
