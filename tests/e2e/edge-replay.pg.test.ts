import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startTiltak } from '../../src/bootstrap.js';
import { ManualClock } from '../../src/kernel/clock.js';
import { type Database, openDatabase } from '../../src/kernel/db/open-database.js';
import { topLevel } from '../jobs/digest-support.js';
import { nowSeconds, signSlackRequest } from '../rig/signing.js';
import { buildCommand, formEncode } from '../rig/wire.js';
import { BOT_TOKEN, type Harness, startHarness } from '../support/harness.js';
import { captureLog } from '../support/log-capture.js';
import { usesPostgres } from '../support/test-database.js';
import { FORM, wireContext } from './edge-support.js';

let h: Harness;
let otherDb: Database;
let other: Running;
const otherLog = captureLog();
const ignoredByOther = () => otherLog.lines.some((l) => l.msg === 'a replayed request was acked and ignored');

beforeAll(async () => {
  h = await startHarness({ now: '2004-02-26T14:00:00+01:00' });
  // A second instance: its own process state and its own connections to the same PostgreSQL schema.
  otherDb = await openDatabase(h.db.target);
  other = await startTiltak({
    env: {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: h.fake.signingSecret,
      SLACK_API_URL: h.fake.apiUrl,
      PORT: '0',
      JOBS_ENABLED: 'false',
    },
    db: otherDb,
    clock: new ManualClock('2004-02-26T14:00:00+01:00'),
    logger: otherLog.logger,
  });
});
afterAll(async () => {
  await other?.stop();
  await otherDb?.close();
  await h?.stop();
});

async function post(port: number, body: string, timestamp: number): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': FORM, ...signSlackRequest(h.fake.signingSecret, body, timestamp) },
    body,
  });
  return { status: res.status, body: await res.text() };
}

describe('two bot instances on one PostgreSQL', () => {
  it('runs on PostgreSQL', () => {
    expect(usesPostgres()).toBe(true);
    expect(h.db.target.kind).toBe('postgres');
  });

  it('post one digest when the same signed `/rapport send 1` reaches both, one after the other', async () => {
    const body = formEncode(
      buildCommand(wireContext(h.fake), { command: '/rapport', user_id: 'U0KOORD1', text: 'send 1' }),
    );
    const timestamp = nowSeconds();
    expect((await post(h.running.port, body, timestamp)).status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses[0], 20_000);
    expect(await post(other.port, body, timestamp)).toEqual({ status: 200, body: '' });
    // The digest takes seconds to build: wait until the other instance has either ignored the copy or answered it.
    await h.fake.waitFor(() => ignoredByOther() || h.fake.responses.length > 1, 20_000);
    expect(topLevel(h.fake, 'C0FOCUS1')).toHaveLength(1);
    expect(h.fake.responses).toHaveLength(1);
  });

  it('run a request that reaches both at once exactly once', async () => {
    await h.reset();
    const body = formEncode(
      buildCommand(wireContext(h.fake), { command: '/tiltak', user_id: 'U0KARI01', text: 'hjelp' }),
    );
    const timestamp = nowSeconds();
    const answers = await Promise.all([post(h.running.port, body, timestamp), post(other.port, body, timestamp)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await h.fake.waitFor(() => h.fake.responses[0], 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.fake.responses).toHaveLength(1);
  });
});
