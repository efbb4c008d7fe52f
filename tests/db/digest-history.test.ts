import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, CHART_WEEKS } from '../../src/features/digests/build-digest.js';
import { weekPeriod } from '../../src/features/digests/schedule.js';
import { loadConfig } from '../../src/kernel/config.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import { seedPlan } from '../support/harness.js';
import { createTestDatabase } from '../support/test-database.js';

let db: Database;
const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'x' });

beforeAll(async () => {
  db = await createTestDatabase();
  await seedPlan(db);
});
afterAll(async () => {
  await db.close();
});

describe("the digest chart's weeks", () => {
  it('start with the plan, not eight weeks before it', async () => {
    // tests/fixtures/small-plan.yaml starts on Thursday 1 January 2004, in ISO week 2004-W01.
    const area = await db.prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } });
    const digest = await buildDigest(db.prisma, config, area.id, weekPeriod('2004-W02', config.TZ_PLAN));
    expect(digest.history.map((h) => h.week)).toEqual(['2004-W01', '2004-W02']);
  });

  it('cover eight weeks once the plan has run that long', async () => {
    const area = await db.prisma.focusArea.findUniqueOrThrow({ where: { number: 1 } });
    const digest = await buildDigest(db.prisma, config, area.id, weekPeriod('2004-W20', config.TZ_PLAN));
    expect(digest.history).toHaveLength(CHART_WEEKS);
    expect(digest.history.at(-1)?.week).toBe('2004-W20');
  });
});
