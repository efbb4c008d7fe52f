import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { migrate } from '../../src/kernel/db/migrate.js';
import { pgRunner } from '../../src/kernel/db/sql-runner.js';

export interface CountingPostgres {
  pool: pg.Pool;
  prisma: PrismaClient;
  /** The DATABASE_URL that reaches this schema (for child processes). */
  url: string;
  /** SQL statements Prisma has sent since the last reset. */
  queries(): number;
  resetCount(): void;
  /** Drops the schema. */
  close(): Promise<void>;
}

/** A fresh, migrated schema of its own on the server, with a Prisma client that counts its statements. */
export async function openCountingPostgres(serverUrl: string, schema: string): Promise<CountingPostgres> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: serverUrl, max: 10, options: `-c search_path="${schema}"` });
  pool.on('error', () => undefined);
  await migrate(pgRunner(pool));
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { schema }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let count = 0;
  prisma.$on('query', () => {
    count += 1;
  });
  const url = new URL(serverUrl);
  url.searchParams.set('schema', schema);
  return {
    pool,
    prisma,
    url: url.toString(),
    queries: () => count,
    resetCount: () => {
      count = 0;
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await again.end();
    },
  };
}
