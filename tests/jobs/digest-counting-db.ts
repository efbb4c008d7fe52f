import { randomBytes } from 'node:crypto';
import { type Database, openDatabase, parseDatabaseUrl } from '../../src/kernel/db/open-database.js';

export interface CountingDatabase extends Database {
  /** SQL statements sent since the last reset, as Prisma's query event reports them. */
  queries(): number;
  resetCount(): void;
}

/**
 * A test database of its own whose Prisma client counts every SQL statement
 * it sends (includes split into several queries count as several), on PGlite
 * or, with TEST_DATABASE_URL, in a schema of its own on PostgreSQL.
 */
export async function openCountingDatabase(): Promise<CountingDatabase> {
  let count = 0;
  const onQuery = () => {
    count++;
  };
  const url = process.env.TEST_DATABASE_URL;
  let db: Database;
  let dropSchema = async () => undefined;
  if (url === undefined || url === '') {
    db = await openDatabase({ kind: 'pglite', dataDir: null }, { onQuery });
  } else {
    const target = parseDatabaseUrl(url);
    if (target.kind !== 'postgres') throw new Error('TEST_DATABASE_URL must be a postgres:// URL');
    const schema = `${process.env.TILTAK_TEST_SCHEMA_PREFIX ?? 'tiltak_test'}_q${randomBytes(4).toString('hex')}`;
    db = await openDatabase({ ...target, schema }, { onQuery });
    dropSchema = async () => {
      await db.runner.session((conn) => conn.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    };
  }
  return {
    prisma: db.prisma,
    target: db.target,
    runner: db.runner,
    schema: db.schema,
    listen: db.listen,
    ping: () => db.ping(),
    async close() {
      await dropSchema();
      await db.close();
    },
    queries: () => count,
    resetCount: () => {
      count = 0;
    },
  };
}
