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
