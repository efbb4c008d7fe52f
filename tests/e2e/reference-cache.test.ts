import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeFeed } from '../../src/kernel/db/change-feed.js';
import { openCountingDatabase } from '../jobs/digest-counting-db.js';
import { type Harness, startHarness } from '../support/harness.js';

let h: Harness;
let db: Awaited<ReturnType<typeof openCountingDatabase>>;

beforeAll(async () => {
  db = await openCountingDatabase();
  h = await startHarness({ database: db });
});

afterAll(async () => {
  await h.stop();
});

/** Resolves when the bot's change feed reports a commit to table. */
function heard(table: string): Promise<void> {
  const changes: ChangeFeed | undefined = h.running.deps.changes;
  if (changes === undefined) throw new Error('the bot has no change feed');
  return new Promise((resolve) => {
    const stop = changes.subscribe((t) => {
      if (t !== table && t !== '*') return;
      stop();
      resolve();
    });
  });
}

async function reply(userId: string, text: string): Promise<string> {
  const before = h.fake.responses.length;
  await h.command(userId, text);
  await h.fake.waitFor(() => (h.fake.responses.length > before ? true : undefined));
  return h.lastReplyText();
}

describe('the people the bot keeps in memory', () => {
  it('reads a person once, not on every command', async () => {
    await reply('U0KARI01', 'hjelp');
    db.resetCount();
    await reply('U0KARI01', 'hjelp');
    // The replay claim is the one statement left: help needs nothing else from the database.
    expect(db.queries()).toBe(1);
  });

  it('speaks the language another instance or a script saved, from the next command on', async () => {
    expect(await reply('U0KARI01', 'hjelp')).toContain('Kommandoene finnes også på engelsk');
    const told = heard('Person');
    await db.prisma.person.update({ where: { slackId: 'U0KARI01' }, data: { language: 'en' } });
    await told;
    expect(await reply('U0KARI01', 'hjelp')).toContain('Commands also work in Norwegian');
  });

  it('reads the person again after a change to any agency, since a person is kept with theirs', async () => {
    await reply('U0OLA001', 'hjelp');
    const renamed = heard('Agency');
    await db.prisma.agency.update({ where: { code: 'BFD' }, data: { nameEn: 'Ministry of Families' } });
    await renamed;
    db.resetCount();
    await reply('U0OLA001', 'hjelp');
    expect(db.queries()).toBeGreaterThan(1);
  });

  it('turns away a person taken off the plan from the next command on', async () => {
    expect(await reply('U0OLA001', 'hjelp')).toContain('Commands also work in Norwegian');
    const gone = heard('Person');
    await db.prisma.person.update({ where: { slackId: 'U0OLA001' }, data: { active: false } });
    await gone;
    expect(await reply('U0OLA001', 'hjelp')).toContain('ikke registrert');
  });

  it('keeps no one who is not in the plan, however many ask', async () => {
    for (let i = 0; i < 5; i++) await reply(`U0STRANGE${i}`, 'hjelp');
    db.resetCount();
    await reply('U0STRANGE0', 'hjelp');
    expect(db.queries()).toBeGreaterThan(1);
  });
});

describe('the due facts and latest updates the bot keeps in memory', () => {
  /** The whole answer, blocks and all: a list's statuses are in its blocks, not its text. */
  const answer = async (userId: string, text: string) => {
    await reply(userId, text);
    return JSON.stringify(h.fake.responses.at(-1)?.body);
  };

  it.each(['', '1', 'forfalt', 'alle'])(
    'answers a repeated /tiltak %s with no statement but the replay claim',
    async (text) => {
      await reply('U0KARI01', text);
      db.resetCount();
      await reply('U0KARI01', text);
      expect(db.queries()).toBe(1);
    },
  );

  it('shows an update saved by another instance or a script from the next /tiltak on', async () => {
    const before = await answer('U0KARI01', '');
    const saved = heard('Update');
    const kari = await db.prisma.person.findUniqueOrThrow({ where: { slackId: 'U0KARI01' } });
    await db.prisma.update.create({
      data: {
        seriesId: '0d9f3c56-4f0c-4b8e-9f57-3c1c3a6d2f11',
        version: 1,
        measureId: 1,
        agencyId: kari.agencyId ?? 0,
        authorId: kari.id,
        status: 'DELAYED',
        done: 'Skrevet utenfor boten.',
        periodDate: new Date('2004-03-01T00:00:00Z'),
        createdAt: h.clock.now(),
      },
    });
    await saved;
    const after = await answer('U0KARI01', '');
    expect(after).not.toBe(before);
    // Delayed is red, in either language the earlier tests left Kari with.
    expect(after).toContain(':red_circle: *1*');
  });

  it('reads from the database when the clock stands before the newest report, as a simulation sets it', async () => {
    const now = h.clock.now();
    const kari = await db.prisma.person.findUniqueOrThrow({ where: { slackId: 'U0KARI01' } });
    const waived = heard('PeriodWaiver');
    await db.prisma.periodWaiver.create({
      data: {
        measureId: 1,
        agencyId: kari.agencyId ?? 0,
        personId: kari.id,
        reason: 'Ikke aktuelt nå.',
        createdAt: now,
      },
    });
    await waived;
    await reply('U0KARI01', '');
    h.clock.set(new Date(now.getTime() - 86_400_000).toISOString());
    try {
      db.resetCount();
      await reply('U0KARI01', '');
      expect(db.queries()).toBeGreaterThan(1);
    } finally {
      h.clock.set(now.toISOString());
    }
  });
});
