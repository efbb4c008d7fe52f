import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startTiltak } from '../../src/bootstrap.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import { createLogger } from '../../src/kernel/logger.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { viewSubmissionPayload } from '../rig/payloads.js';
import { BOT_TOKEN, seedPlan } from '../support/harness.js';
import { ids } from '../support/slack-ids.js';
import { createTestDatabase } from '../support/test-database.js';
import { formValues, goodForm } from './updates-support.js';

// Socket Mode carries no signature, and the same handlers read what it brings:
// the text and number guards hold there as over HTTP.

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

describe('typed input over Socket Mode', () => {
  it('echoes a measure number too large for any measure exactly as typed', async () => {
    const before = fake.responses.length;
    await fake.deliverCommand({ command: '/tiltak', user_id: 'U0OLA001', text: '\u202eupdate 99999999999999999999' });
    const reply = await fake.waitFor(() => fake.responses[before]);
    expect(JSON.stringify(reply.body)).toContain('There is no measure 99999999999999999999');
  });

  it('stores an update with a NUL character without it, and refuses one with only invisible text', async () => {
    const before = fake.responses.length;
    await fake.deliverCommand({ command: '/tiltak', user_id: 'U0KARI01', text: 'oppdater 1' });
    const view = await fake.waitFor(() =>
      [...fake.state.views.values()].map((v) => v.view).find((v) => v.callback_id === ids.views.updateModal),
    );
    expect(fake.responses.length).toBe(before);
    const send = (done: string) =>
      fake.deliverInteraction(
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
    expect((await db.prisma.update.findFirstOrThrow()).done).toBe('Kartla behovet');
    fake.assertNoViolations();
  });
});
