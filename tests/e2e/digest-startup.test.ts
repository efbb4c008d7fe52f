import { afterAll, describe, expect, it } from 'vitest';
import { digestJob } from '../../src/features/digests/jobs/digest.js';
import { type Harness, startHarness } from '../support/harness.js';

let h: Harness | undefined;
afterAll(async () => {
  await h?.stop();
});

describe('a digest missed while the bot was down', () => {
  it('goes out when the bot starts, marked as late, once', async () => {
    // The bot comes back on Wednesday; Monday's digest never went out.
    h = await startHarness({ now: '2004-03-03T10:00:00+01:00', env: { JOBS_ENABLED: 'true' }, jobs: [digestJob()] });
    const harness = h;
    const main = await harness.fake.waitFor(
      () => harness.fake.messages('C0FOCUS1').find((m) => m.thread_ts === undefined),
      10_000,
    );
    expect(JSON.stringify(main.blocks)).toContain(
      'Sendt forsinket: boten var nede da sammendraget skulle gå ut (mandag 1. mars kl. 08:00).',
    );
    await harness.running.scheduler?.tick();
    await harness.running.scheduler?.tick();
    expect(harness.fake.messages('C0FOCUS1').filter((m) => m.thread_ts === undefined)).toHaveLength(1);
    const row = await harness.db.prisma.digestLedger.findFirstOrThrow({
      where: { period: '2004-W09', focusArea: { number: 1 } },
    });
    expect(row).toMatchObject({ state: 'SENT', late: true });
    harness.fake.assertNoViolations();
  });
});
