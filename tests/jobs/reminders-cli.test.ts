import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/kernel/db/open-database.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { BOT_TOKEN, seedPlan } from '../support/harness.js';
import { usesPostgres } from '../support/test-database.js';
import { sentKeys } from './reminders-support.js';

const run = promisify(execFile);
const STEP1 = '2004-01-13T09:00:00+01:00';

let dir: string | undefined;
let fake: FakeSlack;
beforeAll(async () => {
  if (usesPostgres()) return;
  dir = await mkdtemp(join(tmpdir(), 'tiltak-jobs-cli-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
  await seedPlan(db);
  await db.close();
  fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
}, 60_000);
afterAll(async () => {
  await fake?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** `npm run jobs -- …` as an operator runs it, on an embedded database folder. */
async function jobs(...args: string[]): Promise<string> {
  const env = {
    ...process.env,
    DATABASE_URL: `file:${join(dir ?? '', 'db')}`,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: 'x',
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'silent',
  };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/jobs.ts', ...args], {
    env,
    encoding: 'utf8',
  });
  return stdout;
}

// The CLI runs on an embedded folder here whatever the suite, so the PostgreSQL suite need not repeat it.
describe.skipIf(usesPostgres())('npm run jobs -- --at <instant>', () => {
  it('--dry-run prints the reminders that would go out at that instant, and sends nothing', async () => {
    const out = await jobs('--at', STEP1, '--dry-run');
    expect(out).toContain('Would run jobs at 2004-01-13T08:00:00.000Z:');
    expect(out).toContain(
      'reminders:\n  would send step 1 (due soon) to U0KARI01 about measure id 1, agency id 1, period d2004-01-15 [s1|d2004-01-15|m1|a1|U0KARI01]\n  would send step 1 (due soon) to U0OLA001 about measure id 3, agency id 2, period d2004-01-15 [s1|d2004-01-15|m3|a2|U0OLA001]\n',
    );
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  }, 60_000);

  it('sends them without --dry-run', async () => {
    const out = await jobs('--at', STEP1);
    expect(out).toContain('reminders:\n  sent s1|d2004-01-15|m1|a1|U0KARI01\n  sent s1|d2004-01-15|m3|a2|U0OLA001\n');
    // The digest job runs in the same tick and writes to the coordinator too; only the reminders are counted here.
    expect(sentKeys(fake).filter((k) => /^s\d\|/u.test(k))).toEqual([
      's1|d2004-01-15|m1|a1|U0KARI01',
      's1|d2004-01-15|m3|a2|U0OLA001',
    ]);
  }, 60_000);
});
