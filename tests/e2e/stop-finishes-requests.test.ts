import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.db.close();
  await h?.fake.stop();
  h = undefined;
});

describe('stopping the bot', () => {
  // A command is acked before its work starts: Slack has its 200 while the write is still to come.
  it('finishes the work of a request it has already acked before it lets the database go', async () => {
    h = await startHarness();
    const res = await h.command('U0KARI01', 'fravær 2.3.2004 5.3.2004');
    expect(res.status).toBe(200);
    await h.running.stop();
    expect(await h.db.prisma.absence.count()).toBe(1);
    expect(h.lastReplyText()).toContain('Fravær registrert');
  }, 60_000);
});
