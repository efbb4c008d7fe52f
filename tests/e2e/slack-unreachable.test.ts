import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Running, startTiltak } from '../../src/bootstrap.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import type { Job } from '../../src/kernel/jobs/job.js';
import { TokenRejectedError } from '../../src/kernel/slack/init-with-retry.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { viewSubmissionPayload } from '../rig/payloads.js';
import { waitFor } from '../rig/wait-for.js';
import { captureLogger, freePort, healthOnceListening, launchBot } from '../support/bot-process.js';
import { BOT_TOKEN, seedPlan } from '../support/harness.js';
import { createTestDatabase } from '../support/test-database.js';

const SIGNING_SECRET = 'test-signing-secret';
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

function env(apiUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    JOBS_ENABLED: 'false',
    ...extra,
  };
}

async function health(port: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Slack, arriving late on the port the bot was told about. */
async function slackComesUp(port: number, botToken = BOT_TOKEN): Promise<FakeSlack> {
  const fake = await new FakeSlack({ botToken, signingSecret: SIGNING_SECRET }).start(port);
  cleanup.push(() => fake.stop());
  return fake;
}

async function start(apiUrl: string, extra: Record<string, string> = {}, jobs?: Job[]) {
  const db: Database = await createTestDatabase();
  await seedPlan(db);
  cleanup.push(() => db.close());
  const log = captureLogger();
  const running: Running = await startTiltak({
    env: env(apiUrl, extra),
    db,
    logger: log.logger,
    ...(jobs ? { jobs } : {}),
  });
  cleanup.push(() => running.stop());
  return { running, log, appUrl: `http://127.0.0.1:${running.port}/slack/events` };
}

describe('Slack unreachable at start (src/bootstrap.ts)', () => {
  it('listens at once, says so on /healthz, answers users that it is starting, and serves once Slack comes up', async () => {
    const slackPort = await freePort();
    let jobRuns = 0;
    const counting: Job = { name: 'counting', run: async () => ({ job: 'counting', lines: [`run ${++jobRuns}`] }) };
    const { running, log, appUrl } = await start(`http://127.0.0.1:${slackPort}/api/`, { JOBS_ENABLED: 'true' }, [
      counting,
    ]);

    expect(await health(running.port)).toEqual({
      status: 503,
      body: expect.objectContaining({ slack: 'unreachable', database: 'up' }),
    });
    const warning = log.lines().find((l) => l.msg?.toString().startsWith('Slack is not reachable'));
    expect(warning?.msg).toContain(`http://127.0.0.1:${slackPort}/api/auth.test`);
    expect(warning?.msg).toContain('refused');
    expect(warning?.cause).toEqual({ kind: 'refused', code: 'ECONNREFUSED' });

    // Signed requests meanwhile: an answer in the ack (nothing can go through the Web API yet), never a crash.
    const early = new FakeSlack({ signingSecret: SIGNING_SECRET });
    const command = await early.sendCommand(appUrl, { command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' });
    expect(command.status).toBe(200);
    expect(command.ms).toBeLessThan(1000);
    expect(command.json).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Tiltak starter') });
    const submission = await early.sendInteraction(
      appUrl,
      viewSubmissionPayload({
        userId: 'U0KARI01',
        callbackId: 'update_submit',
        blocks: [
          {
            type: 'input',
            block_id: 'done',
            label: { type: 'plain_text', text: 'Gjort' },
            element: { type: 'plain_text_input', action_id: 'v' },
          },
        ],
      }),
    );
    expect(submission.status).toBe(200);
    expect(submission.json).toMatchObject({
      response_action: 'errors',
      errors: { done: expect.stringContaining('Tiltak starter') },
    });
    const event = await early.sendEvent(appUrl, {
      type: 'app_home_opened',
      user: 'U0KARI01',
      tab: 'home',
      channel: 'D0KARI01',
    });
    expect(event.status).toBe(200);
    // The scheduler waits for Slack: a tick now would only push every reminder into its back-off.
    expect(running.scheduler).toBeNull();
    expect(jobRuns).toBe(0);

    const fake = await slackComesUp(slackPort);
    await running.slackReady;
    expect(await health(running.port)).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', slack: 'up', database: 'up' }),
    });
    expect(running.scheduler).not.toBeNull();
    await waitFor(() => jobRuns === 1);

    const answered = await fake.sendCommand(appUrl, { command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' });
    expect(answered.status).toBe(200);
    const reply = await fake.waitFor(() => fake.responses.at(-1));
    expect(JSON.stringify(reply.body)).toContain('Tiltak – hjelp');
  }, 60_000);

  it('names a host that does not resolve as a DNS failure', async () => {
    const { running, log } = await start('http://tiltak-nowhere.invalid/api/');
    expect((await health(running.port)).body).toMatchObject({ slack: 'unreachable' });
    const warning = log.lines().find((l) => l.msg?.toString().startsWith('Slack is not reachable'));
    expect(warning?.msg).toContain('http://tiltak-nowhere.invalid/api/auth.test');
    expect(warning?.msg).toContain('DNS');
    expect(warning?.cause).toMatchObject({ kind: 'dns' });
  });

  it('still refuses a token Slack rejects, also when Slack answers only after the port opened', async () => {
    const slackPort = await freePort();
    const { running } = await start(`http://127.0.0.1:${slackPort}/api/`);
    expect((await health(running.port)).status).toBe(503);
    await slackComesUp(slackPort, 'xoxb-the-real-one');
    await expect(running.slackReady).rejects.toBeInstanceOf(TokenRejectedError);
    await expect(running.slackReady).rejects.toThrow(/SLACK_BOT_TOKEN \(invalid_auth\)/);
  }, 30_000);

  it('in Socket Mode too: /healthz answers before Slack does, and the socket opens once it can', async () => {
    const slackPort = await freePort();
    const { running } = await start(`http://127.0.0.1:${slackPort}/api/`, {
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_SIGNING_SECRET: '',
    });
    expect(await health(running.port)).toEqual({
      status: 503,
      body: expect.objectContaining({ slack: 'unreachable', mode: 'socket' }),
    });
    const fake = await slackComesUp(slackPort);
    await running.slackReady;
    await fake.socket.waitForConnection();
    expect((await health(running.port)).status).toBe(200);
    const ack = await fake.deliverCommand({ command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' });
    expect(ack.envelope_id).toBeTruthy();
  }, 30_000);
});

describe('Slack unreachable at start (npm start, as a process)', () => {
  async function launch(apiUrl: string) {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'tiltak-unreachable-')), 'db');
    const port = await freePort();
    const bot = launchBot({ ...env(apiUrl), DATABASE_URL: `file:${dataDir}`, PORT: String(port), LOG_LEVEL: 'info' });
    cleanup.push(async () => {
      bot.child.kill('SIGTERM');
      await bot.exited;
    });
    return { bot, port };
  }

  it('listens, reports Slack unreachable with the URL and why, then serves when Slack comes up', async () => {
    const slackPort = await freePort();
    const { bot, port } = await launch(`http://127.0.0.1:${slackPort}/api/`);
    const first = await healthOnceListening(bot, port);
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ slack: 'unreachable' });
    const warning = await waitFor(
      () => bot.logLines().find((l) => l.msg?.toString().startsWith('Slack is not reachable')),
      10_000,
    );
    expect(warning.msg).toContain(`http://127.0.0.1:${slackPort}/api/auth.test`);
    expect(warning.msg).toContain('refused');

    const fake = await slackComesUp(slackPort);
    await waitFor(async () => (await health(port)).status === 200, { timeoutMs: 40_000, intervalMs: 200 });
    const answered = await fake.sendCommand(`http://127.0.0.1:${port}/slack/events`, {
      command: '/tiltak',
      user_id: 'U0NEWUSER',
      text: 'hjelp',
    });
    expect(answered.status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => JSON.stringify(r.body).includes('ikke registrert')), 10_000);
    expect(bot.output()).not.toContain(BOT_TOKEN);
  }, 300_000);

  it('exits non-zero with the SLACK_BOT_TOKEN message when Slack, once reachable, rejects the token', async () => {
    const slackPort = await freePort();
    const { bot, port } = await launch(`http://127.0.0.1:${slackPort}/api/`);
    expect((await healthOnceListening(bot, port)).status).toBe(503);
    await slackComesUp(slackPort, 'xoxb-the-real-one');
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('Tiltak could not start: Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
  }, 300_000);
});
