import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTiltak } from '../../src/bootstrap.js';
import { RequestScope } from '../../src/kernel/slack/request-context.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { waitFor } from '../rig/wait-for.js';
import { captureLogger, freePort, healthOnceListening, launchBot } from '../support/bot-process.js';
import { BOT_TOKEN, seedPlan } from '../support/harness.js';
import { createTestDatabase } from '../support/test-database.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
});
afterAll(async () => {
  await fake.stop();
});

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function runChild(mode: 'throw' | 'reject'): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    let stdout = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/children/guarded-work.ts', mode], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

describe('what nothing else caught', () => {
  it('an exception thrown in a request’s work is logged at fatal as one JSON line with its request id, and the process exits non-zero', async () => {
    const { code, stdout } = await runChild('throw');
    expect(code).toBe(1);
    expect(stdout).not.toContain('still running');
    const fatal = jsonLines(stdout).find((l) => l.level === 60);
    expect(fatal).toMatchObject({
      requestId: 'req-from-the-test',
      origin: 'uncaughtException',
      err: { message: 'thrown inside a request' },
    });
  });

  it('a rejection nobody awaited is logged with its request id, and the process carries on', async () => {
    const { code, stdout } = await runChild('reject');
    expect(code).toBe(0);
    expect(stdout).toContain('still running');
    const error = jsonLines(stdout).find((l) => l.level === 50);
    expect(error).toMatchObject({ requestId: 'req-from-the-test', err: { message: 'rejected inside a request' } });
  });

  it('the request id reaches work a listener leaves behind (the scope the guards read)', async () => {
    const db = await createTestDatabase();
    await seedPlan(db);
    const scope = new RequestScope();
    const log = captureLogger('debug');
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      JOBS_ENABLED: 'false',
    };
    const running = await startTiltak({ env, db, logger: log.logger, requestScope: scope });
    try {
      let seen: string | undefined;
      running.tiltak.app.command('/probe', async ({ ack }) => {
        await ack();
        setTimeout(() => {
          seen = scope.currentId();
        }, 5);
      });
      await fake.sendCommand(`http://127.0.0.1:${running.port}/slack/events`, {
        command: '/probe',
        user_id: 'U0KARI01',
        text: '',
      });
      const id = await waitFor(() => seen);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(scope.currentId()).toBeUndefined();
    } finally {
      await running.stop();
      await db.close();
    }
  }, 90_000);
});

describe('npm start, as a process', () => {
  it('logs an uncaught exception as a JSON line at fatal and exits non-zero, so that a supervisor restarts it', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'tiltak-guards-')), 'db');
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      JOBS_ENABLED: 'false',
      DATABASE_URL: `file:${dataDir}`,
    };
    const bot = launchBot(env, ['./tests/support/children/throw-on-request.ts']);
    try {
      await healthOnceListening(bot, port);
      await waitFor(() => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200), 30_000);

      // A rejection nobody awaited: logged, and the bot still answers.
      await fetch(`http://127.0.0.1:${port}/test-only/reject`);
      await waitFor(
        () => bot.logLines().find((l) => l.msg === 'unhandled promise rejection; the process carries on'),
        5_000,
      );
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      await fetch(`http://127.0.0.1:${port}/test-only/throw`).catch(() => undefined);
      expect(await bot.exited).toBe(1);
      const fatal = bot.logLines().find((l) => l.level === 60);
      expect(fatal).toMatchObject({
        app: 'tiltak',
        origin: 'uncaughtException',
        err: { message: 'thrown where nothing catches it' },
      });
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 300_000);
});
