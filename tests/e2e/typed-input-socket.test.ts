import { describe, expect, it } from 'vitest';
import { viewSubmissionPayload } from '../rig/payloads.js';
import { useSocketHarness } from '../support/lifecycle.js';
import { ids } from '../support/slack-ids.js';
import { formValues, goodForm } from './updates-support.js';

// Socket Mode carries no signature, and the same handlers read what it brings:
// the text and number guards hold there as over HTTP.

const bot = useSocketHarness();

describe('typed input over Socket Mode', () => {
  it('echoes a measure number too large for any measure exactly as typed', async () => {
    const before = bot.fake.responses.length;
    await bot.fake.deliverCommand({
      command: '/tiltak',
      user_id: 'U0OLA001',
      text: '\u202eupdate 99999999999999999999',
    });
    const reply = await bot.fake.waitFor(() => bot.fake.responses[before]);
    expect(JSON.stringify(reply.body)).toContain('There is no measure 99999999999999999999');
  });

  it('stores an update with a NUL character without it, and refuses one with only invisible text', async () => {
    const before = bot.fake.responses.length;
    await bot.fake.deliverCommand({ command: '/tiltak', user_id: 'U0KARI01', text: 'oppdater 1' });
    const view = await bot.fake.waitFor(() =>
      [...bot.fake.state.views.values()].map((v) => v.view).find((v) => v.callback_id === ids.views.updateModal),
    );
    expect(bot.fake.responses.length).toBe(before);
    const send = (done: string) =>
      bot.fake.deliverInteraction(
        viewSubmissionPayload({
          userId: 'U0KARI01',
          callbackId: ids.views.updateModal,
          privateMetadata: String(view.private_metadata),
          values: formValues({ ...goodForm, done }),
        }),
      );
    const blank = await send(' \u200b ');
    expect(blank.payload).toEqual({
      response_action: 'errors',
      errors: { [ids.blocks.updates.done]: 'Skriv hva som er gjort siden sist.' },
    });
    const saved = await send('Kartla\u0000 behovet');
    expect(saved.payload).toEqual({ response_action: 'clear' });
    expect((await bot.db.prisma.update.findFirstOrThrow()).done).toBe('Kartla behovet');
    bot.fake.assertNoViolations();
  });
});
