import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTiltak } from '../../src/bootstrap.js';
import { openDatabase } from '../../src/kernel/db/open-database.js';
import { createLogger } from '../../src/kernel/logger.js';
import { TokenRejectedError } from '../../src/kernel/slack/init-with-retry.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { freePort, launchBot } from '../support/bot-process.js';
import { BOT_TOKEN } from '../support/harness.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
});
afterAll(async () => {
  await fake.stop();
});

const env = (extra: Record<string, string> = {}) => ({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: fake.signingSecret,
  SLACK_API_URL: fake.apiUrl,
  PORT: '0',
  JOBS_ENABLED: 'false',
  ...extra,
});

describe('start-up against Slack', () => {
  it('stops with a message naming SLACK_BOT_TOKEN when Slack rejects the token', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    const start = startTiltak({ env: env({ SLACK_BOT_TOKEN: 'xoxb-revoked' }), db, logger: createLogger('silent') });
    await expect(start).rejects.toBeInstanceOf(TokenRejectedError);
    await expect(start).rejects.toThrow(/SLACK_BOT_TOKEN \(invalid_auth\)/);
    await db.close();
  }, 90_000);

  it('waits out an unreachable Slack instead of crashing, then serves', async () => {
    fake.failNext('auth.test', { status: 503 }, 1);
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    const running = await startTiltak({ env: env(), db, logger: createLogger('silent') });
    await running.slackReady;
    const attempts = fake.callsTo('auth.test').filter((c) => c.token === BOT_TOKEN);
    expect(attempts.some((c) => c.fault !== undefined)).toBe(true);
    expect(attempts.some((c) => c.fault === undefined)).toBe(true);

    const healthy = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(healthy.status).toBe(200);
    // The database goes away under a running bot: health says so, with 503.
    await db.close();
    const down = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'degraded', database: 'down' });
    await running.stop();
  }, 90_000);
});

function launch(extra: Record<string, string>) {
  return launchBot({ ...env(), LOG_LEVEL: 'debug', ...extra });
}

describe('npm start, as a process', () => {
  it('starts on an embedded database with only the Slack variables, imports the plan and answers within the ack window', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'tiltak-start-')), 'db');
    const port = await freePort();
    const bot = launch({ DATABASE_URL: `file:${dataDir}`, PORT: String(port) });
    try {
      await fake.waitFor(() => bot.output().includes('Tiltak is running'), { timeoutMs: 60_000 });
      expect(bot.output()).toContain('imported the plan into an empty database');

      const result = await fake.sendCommand(`http://127.0.0.1:${port}/slack/events`, {
        command: '/tiltak',
        user_id: 'U0NEWUSER',
        text: 'hjelp',
      });
      expect(result.status).toBe(200);
      expect(result.ms).toBeLessThan(3000);
      const reply = await fake.waitFor(() =>
        fake.responses.find((r) => JSON.stringify(r.body).includes('ikke registrert')),
      );
      expect(reply).toBeDefined();

      // A second process on the same folder gets a clear refusal, never a corrupted database.
      const second = launch({ DATABASE_URL: `file:${dataDir}`, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain('is in use by another process');

      // Secrets never reach the log, even at debug level.
      expect(bot.output()).not.toContain(BOT_TOKEN);
      expect(bot.output()).not.toContain(fake.signingSecret);
      expect(bot.output()).toMatch(/"requestId":"[0-9a-f-]{36}"/);
    } finally {
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    }
  }, 120_000);

  it('prints every configuration problem and exits non-zero before listening', async () => {
    const bot = launch({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', PORT: 'x' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('SLACK_BOT_TOKEN');
    expect(bot.output()).toContain('SLACK_SIGNING_SECRET');
    expect(bot.output()).toContain('PORT');
  }, 60_000);
});
