import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addUpdates, type DigestRig, startDigestRig, topLevel } from './digest-support.js';

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
  ]);
});

const MONDAY = '2004-03-01T08:00:00+01:00';
const plus = (seconds: number) => new Date(new Date(MONDAY).getTime() + seconds * 1000).toISOString();
const digestRow = () =>
  rig.db.prisma.digestLedger.findFirstOrThrow({ where: { period: '2004-W09', focusArea: { number: 1 } } });
const noticesTo = (user: string) =>
  rig.fake.state
    .allMessages()
    .filter(
      (m) => m.channel !== 'C0FOCUS1' && JSON.stringify(m).includes('/invite @Tiltak') && m.channel.includes(user),
    );

describe('a digest channel the bot is not in', () => {
  for (const code of ['not_in_channel', 'channel_not_found']) {
    it(`${code}: tells each coordinator once how to invite the bot, and sends the digest once it is invited`, async () => {
      rig.fake.failNext('chat.postMessage', { error: code }, 1);
      const first = await rig.run(MONDAY);
      expect(first.lines).toContain(`area 1 2004-W09: waits for the bot to be invited (${code})`);
      expect(await digestRow()).toMatchObject({ state: 'RETRY', lastError: code });

      // The notice goes out on the next tick, to the coordinator only, naming the channel.
      await rig.run(plus(60));
      const notices = noticesTo('U0KOORD1');
      expect(notices).toHaveLength(1);
      expect(JSON.stringify(notices[0])).toContain('<#C0FOCUS1>');
      expect(topLevel(rig.fake, 'C0FOCUS1')).toHaveLength(0);

      // Still not invited at the next try: the digest waits again, and nobody is told twice.
      rig.fake.failNext('chat.postMessage', { error: code }, 1);
      await rig.run(plus(15 * 60 + 1));
      await rig.run(plus(16 * 60));
      expect(noticesTo('U0KOORD1')).toHaveLength(1);
      expect(await digestRow()).toMatchObject({ state: 'RETRY' });

      // Invited: the held digest goes out, once.
      const sent = await rig.run(plus(31 * 60 + 2));
      expect(sent.lines).toContain('area 1 2004-W09: sent to C0FOCUS1');
      expect(topLevel(rig.fake, 'C0FOCUS1')).toHaveLength(1);
      expect(await digestRow()).toMatchObject({ state: 'SENT' });
      rig.fake.assertNoViolations();
    });
  }
});
