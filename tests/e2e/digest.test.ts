import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ids } from '../../src/features/digests/contract.js';
import { digestJob } from '../../src/features/digests/jobs/digest.js';
import { addUpdates, replies, topLevel } from '../jobs/digest-support.js';
import { blockActionPayload } from '../rig/payloads.js';
import { useHarness } from '../support/lifecycle.js';
import { actionValue, opensBeforeLookup } from './updates-support.js';

const h = useHarness({ now: '2004-02-26T14:00:00+01:00' });
beforeEach(async () => {
  h.clock.set('2004-02-26T14:00:00+01:00');
  await addUpdates(h.db.prisma, [
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
      agency: 'JD',
      author: 'U0KARI01',
      status: 'AT_RISK',
      done: `Avtale med tre krisesentre. ${'Vi har hatt møter med alle sentrene og kommunene. '.repeat(12)}SLUTTEN AV TEKSTEN`,
      challenges: 'Finansieringen for 2005 er uavklart.',
      at: '2004-02-25T11:00:00+01:00',
    },
  ]);
});

const json = (x: unknown) => JSON.stringify(x);
const bodies = () =>
  h.fake.responses.map((r) => r.body as { text?: string; blocks?: unknown[]; response_type?: string });

async function command(
  user: string,
  text: string,
  posts = 1,
  answerWithinMs = 2000,
): Promise<ReturnType<typeof bodies>> {
  const before = h.fake.responses.length;
  const res = await h.command(user, text, '/rapport');
  expect(res.status).toBe(200);
  expect(res.ms).toBeLessThan(3000);
  await h.fake.waitFor(() => h.fake.responses.length >= before + posts, answerWithinMs);
  return bodies().slice(before);
}

describe('/rapport sammendrag (digest)', () => {
  it('shows a coordinator this week so far, only to them, with the thread below', async () => {
    const [main, ...thread] = await command('U0KOORD1', 'sammendrag 1', 2);
    expect(main?.response_type).toBe('ephemeral');
    const text = json(main?.blocks);
    expect(text).toContain('Forhåndsvisning – bare du ser dette.');
    expect(text).toContain('Ukesammendrag: 1. Beskytte');
    expect(text).toContain('Uke 9 så langt');
    expect(text).toContain('Diagram: Stolpediagram');
    expect(json(thread)).toContain('*Tiltak 2: Trygge steder*');
    expect(topLevel(h.fake, 'C0FOCUS1')).toHaveLength(0);
  });

  it('answers in English to a coordinator who chose English, under its English name', async () => {
    await h.db.prisma.person.update({ where: { slackId: 'U0KOORD1' }, data: { language: 'en' } });
    const [main] = await command('U0KOORD1', 'digest 1 2004-W08');
    expect(json(main?.blocks)).toContain('Weekly digest: 1. Protect');
    expect(json(main?.blocks)).toMatch(/Week 8 \(16\s–\s22 February 2004\)/);
  });

  it('refuses a contact person', async () => {
    await command('U0KARI01', 'sammendrag 1');
    expect(h.lastReplyText()).toBe('Du har ikke tilgang til dette.');
  });

  it('asks for an area, and names the areas, when none or a wrong one is given', async () => {
    await command('U0KOORD1', 'sammendrag');
    expect(h.lastReplyText()).toContain(
      'Oppgi et satsingsområde: `/rapport sammendrag [område] <nr> [uke]`. Områdene er: 1 Beskytte, 2 Forebygge.',
    );
    await command('U0KOORD1', 'sammendrag <!channel>');
    expect(h.lastReplyText()).toContain('Fant ikke satsingsområde «&lt;!channel&gt;».');
    await command('U0KOORD1', 'sammendrag 99');
    expect(h.lastReplyText()).toContain('Fant ikke satsingsområde «99»');
    await command('U0KOORD1', 'sammendrag 1 uke');
    expect(h.lastReplyText()).toContain('«uke» er ikke en uke');
    await command('U0KOORD1', 'sammendrag 1 2004-W20');
    expect(h.lastReplyText()).toBe('Uke 20 har ikke begynt ennå.');
  });
});

describe('/rapport send', () => {
  it('posts the digest in the area’s channel now, and the scheduled one still goes out on Monday', async () => {
    // The first chart of the process loads vega and resvg (issue 11: on first use, not at start).
    await command('U0KOORD1', 'send 1', 1, 20_000);
    expect(h.lastReplyText()).toBe('Ukesammendraget er postet i <#C0FOCUS1>.');
    const [main] = topLevel(h.fake, 'C0FOCUS1');
    expect(json(main?.blocks)).toContain('Sendt nå på forespørsel fra <@U0KOORD1>');
    expect(replies(h.fake, 'C0FOCUS1', main?.ts ?? '').some((m) => m.files !== undefined)).toBe(true);

    await digestJob().run({
      deps: h.running.deps,
      slack: h.running.slack,
      at: new Date('2004-03-01T08:00:00+01:00'),
      dryRun: false,
    });
    const posted = topLevel(h.fake, 'C0FOCUS1');
    expect(posted).toHaveLength(2);
    expect(json(posted[1]?.blocks)).not.toContain('forespørsel');
  });

  it('says so when the area has nowhere to post', async () => {
    await command('U0KOORD1', 'send 2');
    expect(h.lastReplyText()).toContain('Satsingsområde 2 har ingen kanal');
  });

  it('says what to do when the bot is not in the channel', async () => {
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await command('U0KOORD1', 'send 1');
    expect(h.lastReplyText()).toBe('Jeg er ikke med i <#C0FOCUS1>. Inviter meg med `/invite @Tiltak` og prøv igjen.');
  });

  it('says Slack is busy on a 429, without a crash', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    await command('U0KOORD1', 'send 1');
    expect(h.lastReplyText()).toBe('Slack ber oss vente litt. Prøv igjen om et minutt.');
  });
});

describe('"Les hele" under a trimmed update', () => {
  async function clickReadMore(value: string, user = 'U0LEADJD') {
    const res = await h.interact(
      blockActionPayload({
        userId: user,
        actionId: ids.actions.digestReadUpdate,
        value,
        message: { channel: 'C0FOCUS1', ts: '1.000' },
      }),
    );
    expect(res.status).toBe(200);
    return h.fake.waitFor(() => h.fake.callsTo('views.update').at(-1));
  }

  it('opens the whole text in a modal', async () => {
    await command('U0KOORD1', 'send 1');
    const [main] = topLevel(h.fake, 'C0FOCUS1');
    const blocks = replies(h.fake, 'C0FOCUS1', main?.ts ?? '').map((m) => m.blocks);
    expect(json(blocks)).not.toContain('SLUTTEN AV TEKSTEN');
    const value = actionValue(blocks, ids.actions.digestReadUpdate);
    expect(value).toMatch(/^\d+$/);
    const { opens, result: update } = await opensBeforeLookup(h, () => clickReadMore(value ?? ''));
    expect(opens).toBe(1);
    expect(h.fake.callsTo('views.open')[0]?.args).toMatchObject({ view: { callback_id: ids.views.digestUpdate } });
    expect(json(update.args)).toContain('SLUTTEN AV TEKSTEN');
    expect(json(update.args)).toContain('Finansieringen for 2005 er uavklart.');
  });

  it('shows a polite notice for a forged or unknown update id', async () => {
    for (const forged of ['abc', '99999', '-1', '1e9']) {
      const update = await clickReadMore(forged);
      expect(json(update.args)).toContain('Fant ikke denne oppdateringen.');
    }
  });

  it('replaces the loading notice with an apology when the update cannot be loaded', async () => {
    const spy = vi
      .spyOn(h.running.deps.prisma.update, 'findUnique')
      .mockRejectedValueOnce(new Error('connection lost'));
    const update = await clickReadMore('1');
    spy.mockRestore();
    expect(json(update.args)).toContain('Noe gikk galt hos oss.');
  });

  it('shows nothing to someone who is not registered', async () => {
    const update = await clickReadMore('1', 'U0STRANGER');
    expect(json(update.args)).toContain('ikke registrert');
    expect(json(update.args)).not.toContain('Kriterier');
  });
});
