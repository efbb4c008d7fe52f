import { randomBytes } from 'node:crypto';
import { type Database, openDatabase, parseDatabaseUrl } from '../../src/kernel/db/open-database.js';

/**
 * Booting PGlite costs seconds per file, so each test worker keeps the
 * in-memory database of the file before and hands it, emptied, to the next
 * (vitest runs with isolate: false, so this module outlives a file).
 */
let spare: Database | null = null;

async function pooledPGlite(): Promise<Database> {
  let db = spare;
  spare = null;
  if (db !== null) {
    try {
      await truncateAll(db);
    } catch {
      db = null;
    }
  }
  db ??= await openDatabase({ kind: 'pglite', dataDir: null });
  const inner = db;
  return {
    ...inner,
    ping: () => inner.ping(),
    async close() {
      spare = inner;
    },
  };
}

/**
 * A migrated, empty database for one test file: in-process PGlite by
 * default, or a schema of its own on the server named by TEST_DATABASE_URL
 * (the PostgreSQL suite), so files can run side by side. A test that must
 * run on both names the server's URL itself.
 */
export async function createTestDatabase(url = process.env.TEST_DATABASE_URL): Promise<Database> {
  if (url === undefined || url === '') return pooledPGlite();
  const schema = `${process.env.TILTAK_TEST_SCHEMA_PREFIX ?? 'tiltak_test'}_${randomBytes(4).toString('hex')}`;
  const target = parseDatabaseUrl(url);
  if (target.kind !== 'postgres') throw new Error('TEST_DATABASE_URL must be a postgres:// URL');
  const db = await openDatabase({ ...target, schema });
  const close = db.close.bind(db);
  return {
    ...db,
    ping: () => db.ping(),
    async close() {
      await db.runner.session((c) => c.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      await close();
    },
  };
}

export const usesPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

/** Empties every table between tests; far cheaper than a new database. */
export async function truncateAll(db: Database): Promise<void> {
  await db.runner.session(async (conn) => {
    const rows = await conn.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length === 0) return;
    await conn.exec(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  });
}
