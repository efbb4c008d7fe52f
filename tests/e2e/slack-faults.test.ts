import { describe, expect, it } from 'vitest';
import { encodeOpen, ids } from '../../src/features/updates/contract.js';
import { useHarness } from '../support/lifecycle.js';
import { clickButton } from './updates-support.js';

// When Slack will not open a modal (rate limited, down, a trigger that has
// expired), the user who clicked or typed is told so, and nothing is written.

const h = useHarness();

async function nothingWritten(): Promise<void> {
  expect(await h.db.prisma.update.count()).toBe(0);
}

function replies(): string[] {
  return h.fake.responses.map((r) => String((r.body as { text?: unknown }).text));
}

describe('a modal Slack will not open', () => {
  const faults = [
    ['a 429 with Retry-After', { status: 429 as const, retryAfter: 1 }],
    ['a 500', { status: 500 as const }],
    ['ok:false expired_trigger_id', { error: 'expired_trigger_id' }],
  ] as const;

  for (const [name, fault] of faults) {
    it(`answers the "Oppdater" button under a message after ${name}, in the user's language`, async () => {
      h.fake.failNext('views.open', fault);
      const res = await clickButton(h, 'U0KARI01', ids.actions.updates.open, encodeOpen({ m: 1 }));
      expect(res.status).toBe(200);
      await h.fake.waitFor(() => h.fake.responses[0], 10_000);
      expect(replies()).toEqual(['Slack ville ikke åpne skjemaet akkurat nå. Prøv å klikke igjen om litt.']);
      expect(h.fake.callsTo('views.update')).toHaveLength(0);
      await nothingWritten();
    });

    it(`answers /tiltak oppdater in the channel after ${name}`, async () => {
      h.fake.failNext('views.open', fault);
      const res = await h.command('U0OLA001', 'update 1');
      expect(res.status).toBe(200);
      await h.fake.waitFor(() => h.fake.responses[0], 10_000);
      expect(replies()).toEqual(['Slack would not open the form just now. Try clicking again shortly.']);
      await nothingWritten();
    });
  }

  it('opens the modal on the next click, once Slack answers again', async () => {
    h.fake.failNext('views.open', { status: 503 });
    await clickButton(h, 'U0KARI01', ids.actions.updates.open, encodeOpen({ m: 1 }));
    await h.fake.waitFor(() => h.fake.responses[0], 10_000);
    await clickButton(h, 'U0KARI01', ids.actions.updates.open, encodeOpen({ m: 1 }));
    await h.fake.waitFor(() => h.fake.callsTo('views.update')[0], 10_000);
    expect(h.fake.callsTo('views.open').filter((c) => c.ok)).toHaveLength(1);
  });
});
