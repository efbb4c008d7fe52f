import { readFile } from 'node:fs/promises';
import { type Running, startTiltak } from '../../src/bootstrap.js';
import { importPlanText } from '../../src/features/plan/import-plan.js';
import { ManualClock } from '../../src/kernel/clock.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import type { Job } from '../../src/kernel/jobs/job.js';
import { createLogger, type Logger } from '../../src/kernel/logger.js';
import type { Json } from '../rig/block-kit-checker.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { createTestDatabase, truncateAll } from './test-database.js';

export const BOT_TOKEN = 'xoxb-test-token';

export interface Harness {
  fake: FakeSlack;
  db: Database;
  running: Running;
  clock: ManualClock;
  /** http://127.0.0.1:<port>/slack/events */
  appUrl: string;
  /** A signed slash command, as Slack sends it. */
  command(userId: string, text: string, command?: string): ReturnType<FakeSlack['sendCommand']>;
  /** The text of the latest response_url answer (the ephemeral reply of a command). */
  lastReplyText(): string;
  interact(payload: Json): ReturnType<FakeSlack['sendInteraction']>;
  event(event: Json): ReturnType<FakeSlack['sendEvent']>;
  /** Empties the database and the fake's records, then imports the fixture plan again. */
  reset(planFile?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  now?: string;
  env?: Record<string, string>;
  jobs?: Job[];
  /** Plan fixture to import (default tests/fixtures/small-plan.yaml); null for none. */
  planFile?: string | null;
  /** The bot's logger (default: silent, or TEST_LOG_LEVEL); tests that read the log pass their own. */
  logger?: Logger;
  /** A database the test opened itself (another role, a server of its own); closed by stop() all the same. */
  database?: Database;
}

const DEFAULT_PLAN = new URL('../fixtures/small-plan.yaml', import.meta.url).pathname;

export async function seedPlan(db: Database, file = DEFAULT_PLAN): Promise<void> {
  const result = await importPlanText(db.prisma, await readFile(file, 'utf8'), 'test');
  if (!result.ok) throw new Error(result.errors.join('\n'));
}

/**
 * The bot as `npm start` runs it (bootstrap, Bolt, HTTP receiver), on a
 * fresh test database, talking to a FakeSlack; the scheduler is off so tests
 * drive jobs at the instants they choose.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
  const db = options.database ?? (await createTestDatabase());
  const planFile = options.planFile === undefined ? DEFAULT_PLAN : options.planFile;
  if (planFile !== null) await seedPlan(db, planFile);
  const clock = new ManualClock(options.now ?? '2004-03-01T09:00:00+01:00');
  const running = await startTiltak({
    env: {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...options.env,
    },
    db,
    clock,
    logger: options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...(options.jobs ? { jobs: options.jobs } : {}),
  });
  const appUrl = `http://127.0.0.1:${running.port}/slack/events`;
  return {
    fake,
    db,
    running,
    clock,
    appUrl,
    command: (userId, text, command = '/tiltak') => fake.sendCommand(appUrl, { command, user_id: userId, text }),
    lastReplyText() {
      const last = fake.responses.at(-1);
      const body = last?.body as { text?: unknown } | undefined;
      return typeof body?.text === 'string' ? body.text : '';
    },
    interact: (payload) => fake.sendInteraction(appUrl, payload),
    event: (event) => fake.sendEvent(appUrl, event),
    async reset(file = planFile ?? undefined) {
      // Work that runs after the ack and after a test's last assertion (a save refreshes other
      // people's App Home) ends here, so it is not recorded against the next test.
      await running.background.idle();
      await truncateAll(db);
      if (file !== undefined) await seedPlan(db, file);
      fake.reset();
    },
    async stop() {
      await running.stop();
      await db.close();
      await fake.stop();
    },
  };
}
