import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type Running, startTiltak } from '../../src/bootstrap.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import { createLogger, type Logger } from '../../src/kernel/logger.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { BOT_TOKEN, type Harness, type HarnessOptions, seedPlan, startHarness } from './harness.js';
import { createTestDatabase, truncateAll } from './test-database.js';

/**
 * Stands for an object that exists only once beforeAll has run: tests keep
 * writing `h.command(…)` or `db.prisma`, and a use before start fails loudly.
 */
function later<T extends object>(name: string): { value: T | undefined; proxy: T } {
  const slot: { value: T | undefined; proxy: T } = {
    value: undefined,
    proxy: new Proxy({} as T, {
      get(_target, key) {
        if (slot.value === undefined) throw new Error(`${name} is used before beforeAll started it`);
        return Reflect.get(slot.value, key);
      },
    }),
  };
  return slot;
}

/** One bot per test file, reset before each test; every test ends with the Block Kit check. */
export function useHarness(options?: HarnessOptions): Harness {
  const slot = later<Harness>('the harness');
  beforeAll(async () => {
    slot.value = await startHarness(options);
  });
  afterAll(async () => {
    await slot.value?.stop();
  });
  beforeEach(async () => {
    await slot.proxy.reset();
  });
  afterEach(() => {
    slot.proxy.fake.assertNoViolations();
  });
  return slot.proxy;
}

/** One migrated database per test file, emptied before each test. */
export function useTestDatabase(): Database {
  const slot = later<Database>('the test database');
  beforeAll(async () => {
    slot.value = await createTestDatabase();
  });
  afterAll(async () => {
    await slot.value?.close();
  });
  beforeEach(async () => {
    await truncateAll(slot.proxy);
  });
  return slot.proxy;
}

/** The bot in Socket Mode, with the fake's socket, the test database and the plan seeded. */
export interface SocketBot {
  fake: FakeSlack;
  db: Database;
  running: Running;
}

/** One bot per test file that speaks Socket Mode (SLACK_APP_TOKEN set), connected before the first test. */
export function useSocketHarness(options: { logger?: Logger } = {}): SocketBot {
  const slot = later<SocketBot>('the Socket Mode bot');
  beforeAll(async () => {
    const fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    const db = await createTestDatabase();
    await seedPlan(db);
    const running = await startTiltak({
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: 'xapp-1-test',
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        JOBS_ENABLED: 'false',
      },
      db,
      logger: options.logger ?? createLogger('silent'),
    });
    slot.value = { fake, db, running };
    await fake.socket.waitForConnection();
  });
  afterAll(async () => {
    await slot.value?.running.stop();
    await slot.value?.db.close();
    await slot.value?.fake.stop();
  });
  return slot.proxy;
}
