import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startTiltak } from '../../src/bootstrap.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import { createLogger } from '../../src/kernel/logger.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { BOT_TOKEN, seedPlan } from '../support/harness.js';
import { createTestDatabase } from '../support/test-database.js';

let fake: FakeSlack;
let db: Database;
let running: Running;

beforeAll(async () => {
  fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
  db = await createTestDatabase();
  await seedPlan(db);
  running = await startTiltak({
    env: {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      JOBS_ENABLED: 'false',
    },
    db,
    logger: createLogger('silent'),
  });
  await fake.socket.waitForConnection();
});

afterAll(async () => {
  await running?.stop();
  await db?.close();
  await fake?.stop();
});

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('opens the connection with the app-level token, not the bot token', () => {
    const opens = fake.callsTo('apps.connections.open');
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens[0]?.token).toBe('xapp-1-test');
  });

  it('acks a slash command envelope and answers it', async () => {
    const ack = await fake.deliverCommand({ command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' });
    expect(ack.envelope_id).toBeTruthy();
    const reply = await fake.waitFor(() => fake.responses.at(-1));
    expect(JSON.stringify(reply.body)).toContain('Tiltak – hjelp');
    fake.assertNoViolations();
  });

  it('acks an event envelope', async () => {
    const ack = await fake.deliverEvent({
      type: 'app_home_opened',
      user: 'U0KARI01',
      tab: 'home',
      channel: 'D0KARI01',
    });
    expect(ack.envelope_id).toBeTruthy();
  });

  it('acks an interactive envelope even for an action nobody handles', async () => {
    const ack = await fake.deliverInteraction({
      type: 'block_actions',
      user: { id: 'U0KARI01' },
      actions: [{ action_id: 'no-such-action', type: 'button', value: 'x', block_id: 'b', action_ts: '1' }],
      trigger_id: fake.issueTrigger(),
    });
    expect(ack.envelope_id).toBeTruthy();
  });
});
