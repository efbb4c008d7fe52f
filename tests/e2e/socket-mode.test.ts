import { describe, expect, it } from 'vitest';
import { useSocketHarness } from '../support/lifecycle.js';

const bot = useSocketHarness();

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('opens the connection with the app-level token, not the bot token', () => {
    const opens = bot.fake.callsTo('apps.connections.open');
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens[0]?.token).toBe('xapp-1-test');
  });

  it('acks a slash command envelope and answers it', async () => {
    const ack = await bot.fake.deliverCommand({ command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' });
    expect(ack.envelope_id).toBeTruthy();
    const reply = await bot.fake.waitFor(() => bot.fake.responses.at(-1));
    expect(JSON.stringify(reply.body)).toContain('Tiltak – hjelp');
    bot.fake.assertNoViolations();
  });

  it('acks an event envelope', async () => {
    const ack = await bot.fake.deliverEvent({
      type: 'app_home_opened',
      user: 'U0KARI01',
      tab: 'home',
      channel: 'D0KARI01',
    });
    expect(ack.envelope_id).toBeTruthy();
  });

  it('acks an interactive envelope even for an action nobody handles', async () => {
    const ack = await bot.fake.deliverInteraction({
      type: 'block_actions',
      user: { id: 'U0KARI01' },
      actions: [{ action_id: 'no-such-action', type: 'button', value: 'x', block_id: 'b', action_ts: '1' }],
      trigger_id: bot.fake.issueTrigger(),
    });
    expect(ack.envelope_id).toBeTruthy();
  });
});
