import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHANGES_CHANNEL, type RunningChangeFeed, startChangeFeed } from '../../src/kernel/db/change-feed.js';
import { type Database, openDatabase } from '../../src/kernel/db/open-database.js';
import type { SqlConnection } from '../../src/kernel/db/sql-runner.js';
import { createLogger } from '../../src/kernel/logger.js';

// PGlite of its own, even in the PostgreSQL suite: here a notification must arrive before the committing
// statement returns (PGlite's one session, whose worker posts the notification before the reply).
let db: Database;
let feed: RunningChangeFeed;
const seen: string[] = [];

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
  feed = await startChangeFeed(db.listen, db.schema, createLogger('silent'));
  feed.subscribe((table) => seen.push(table));
});

afterAll(async () => {
  await feed.close();
  await db.close();
});

const client = {
  query: (sql: string, params: unknown[] = []) => db.runner.session((c) => c.query(sql, params)),
  transaction: (body: (tx: SqlConnection) => Promise<void>) =>
    db.runner.session(async (tx) => {
      await tx.exec('BEGIN');
      try {
        await body(tx);
      } catch (error) {
        await tx.exec('ROLLBACK');
        throw error;
      }
      await tx.exec('COMMIT');
    }),
};

beforeEach(() => {
  seen.length = 0;
});

const addAgency = (code: string) =>
  client.query(`INSERT INTO "Agency" (code, "nameNb", "nameEn", kind) VALUES ($1, $1, $1, 'MINISTRY')`, [code]);

describe('the change feed', () => {
  it('names the table a committed statement changed, once per transaction', async () => {
    await client.transaction(async (tx) => {
      await tx.query(`INSERT INTO "Agency" (code, "nameNb", "nameEn", kind) VALUES ('A1', 'a', 'a', 'MINISTRY')`);
      await tx.query(`UPDATE "Agency" SET "nameEn" = 'b' WHERE code = 'A1'`);
    });
    expect(seen).toEqual(['Agency']);
  });

  it('says nothing of a transaction that was rolled back', async () => {
    await expect(
      client.transaction(async (tx) => {
        await tx.query(`INSERT INTO "Agency" (code, "nameNb", "nameEn", kind) VALUES ('A2', 'a', 'a', 'MINISTRY')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(seen).toEqual([]);
  });

  it('stays quiet for the replay store, which every request writes', async () => {
    await client.query(`INSERT INTO "SeenRequest" (key, "expiresAt") VALUES ('k', now())`);
    expect(seen).toEqual([]);
  });

  it('reports a truncate, as the tests and a re-import do', async () => {
    await addAgency('A3');
    seen.length = 0;
    await client.query(`TRUNCATE "Agency" CASCADE`);
    expect(seen).toContain('Agency');
    expect(seen).toContain('Person');
  });

  it("ignores another schema's tables, and passes on 'anything may have changed'", async () => {
    await client.query(`SELECT pg_notify($1, 'elsewhere.Person')`, [CHANGES_CHANNEL]);
    await client.query(`SELECT pg_notify($1, '*')`, [CHANGES_CHANNEL]);
    expect(seen).toEqual(['*']);
  });

  it('keeps telling the other subscribers when one of them throws', async () => {
    const stop = feed.subscribe(() => {
      throw new Error('a faulty subscriber');
    });
    const after: string[] = [];
    const stopAfter = feed.subscribe((t) => after.push(t));
    await addAgency('A4');
    stop();
    stopAfter();
    expect(after).toEqual(['Agency']);
    expect(seen).toEqual(['Agency']);
  });
});
