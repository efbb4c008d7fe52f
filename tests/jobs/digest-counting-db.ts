import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { parseDatabaseUrl, type Database } from '../../src/kernel/db/open-database.js';
import { migrate } from '../../src/kernel/db/migrate.js';
import { pgliteRunner, pgRunner } from '../../src/kernel/db/sql-runner.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';

export interface CountingDatabase extends Database {
  /** SQL statements sent since the last reset, as Prisma's query event reports them. */
  queries(): number;
  resetCount(): void;
}

const LOG = [{ emit: 'event', level: 'query' }] as const;

/**
 * A test database whose Prisma client counts every SQL statement it sends
 * (includes split into several queries count as several), on PGlite or, with
 * TEST_DATABASE_URL, in a schema of its own on PostgreSQL.
 */
export async function openCountingDatabase(): Promise<CountingDatabase> {
  let count = 0;
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') {
    const client = new PGlite();
    const runner = pgliteRunner(client);
    await migrate(runner);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(client), log: [...LOG] });
    prisma.$on('query', () => count++);
    return {
      prisma: prisma as unknown as Database['prisma'],
      target: { kind: 'pglite', dataDir: null },
      runner,
      ping: async () => undefined,
      async close() {
        await prisma.$disconnect();
        await client.close();
      },
      queries: () => count,
      resetCount: () => (count = 0),
    };
  }
  const target = parseDatabaseUrl(url);
  if (target.kind !== 'postgres') throw new Error('TEST_DATABASE_URL must be a postgres:// URL');
  const schema = `${process.env.TILTAK_TEST_SCHEMA_PREFIX ?? 'tiltak_test'}_q${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: target.url, max: 4, options: `-c search_path="${schema}"` });
  pool.on('error', () => undefined);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const runner = pgRunner(pool);
  await migrate(runner);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }), log: [...LOG] });
  prisma.$on('query', () => count++);
  return {
    prisma: prisma as unknown as Database['prisma'],
    target: { ...target, schema },
    runner,
    ping: async () => undefined,
    async close() {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await prisma.$disconnect();
      await pool.end();
    },
    queries: () => count,
    resetCount: () => (count = 0),
  };
}
