import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_TABLE, type RunningChangeFeed, startChangeFeed } from '../../src/kernel/db/change-feed.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import { CHANGE_FEED_APPLICATION } from '../../src/kernel/db/pg-listen.js';
import { createLogger } from '../../src/kernel/logger.js';
import { createTestDatabase } from '../support/test-database.js';

let db: Database;
let feed: RunningChangeFeed;
const seen: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  feed = await startChangeFeed(db.listen, db.schema, createLogger('silent'));
  feed.subscribe((table) => seen.push(table));
});

afterAll(async () => {
  await feed.close();
  await db.close();
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(done()).toBe(true);
}

describe('the change feed on PostgreSQL', () => {
  it("hears a commit made on another connection, naming only this schema's table", async () => {
    const other = await createTestDatabase();
    try {
      seen.length = 0;
      await other.prisma.snooze.deleteMany({});
      await db.prisma.agency.create({ data: { code: 'X1', nameNb: 'x', nameEn: 'x', kind: 'MINISTRY' } });
      await until(() => seen.includes('Agency'));
      expect(seen).toEqual(['Agency']);
    } finally {
      await other.close();
    }
  });

  it('says everything may have changed when its connection is cut, and listens again', async () => {
    seen.length = 0;
    const cut = await db.runner.session((c) =>
      c.query<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`,
        [CHANGE_FEED_APPLICATION],
      ),
    );
    expect(cut.length).toBeGreaterThan(0);
    await until(() => !feed.live || seen.includes(ANY_TABLE));
    await until(() => feed.live && seen.filter((t) => t === ANY_TABLE).length >= 2);
    seen.length = 0;
    await db.prisma.agency.create({ data: { code: 'X2', nameNb: 'x', nameEn: 'x', kind: 'MINISTRY' } });
    await until(() => seen.includes('Agency'));
  });
});
