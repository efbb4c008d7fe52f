import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/kernel/db/open-database.js';

/**
 * The bot's own database on the PostgreSQL server, under a login role made
 * for the test (owning its schema), so the test can take the database away
 * from the bot alone: NOLOGIN and pg_terminate_backend, then LOGIN again.
 * Only this role is ever altered; the global teardown drops any role with
 * the run's prefix that a crashed file left behind.
 */
export interface PostgresOutage {
  db: Database;
  role: string;
  /** Ends the role's sessions and refuses new ones. */
  block(): Promise<void>;
  restore(): Promise<void>;
  /** Closes the bot's database (if still open), then drops the schema and the role. */
  drop(): Promise<void>;
}

export async function openWithOwnRole(label: string): Promise<PostgresOutage> {
  const serverUrl = process.env.RELIABILITY_POSTGRES_URL;
  if (!serverUrl) throw new Error('RELIABILITY_POSTGRES_URL is not set');
  const name = `${process.env.TILTAK_TEST_SCHEMA_PREFIX ?? 'tiltak_rel'}_${label}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const ident = `"${name}"`;
  const { rows } = await admin.query<{ db: string }>('SELECT current_database() AS db');
  const database = `"${rows[0]?.db ?? 'test'}"`;
  await admin.query(`CREATE ROLE ${ident} LOGIN`);
  // The first migration says CREATE SCHEMA IF NOT EXISTS "public", which PostgreSQL checks against the database.
  await admin.query(`GRANT CREATE ON DATABASE ${database} TO ${ident}`);
  await admin.query(`CREATE SCHEMA ${ident} AUTHORIZATION ${ident}`);
  const url = new URL(serverUrl);
  url.username = name;
  url.password = '';
  const db = await openDatabase({ kind: 'postgres', url: url.toString(), schema: name });
  const terminate = () =>
    admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [name]);
  return {
    db,
    role: name,
    async block() {
      await admin.query(`ALTER ROLE ${ident} NOLOGIN`);
      await terminate();
    },
    async restore() {
      await admin.query(`ALTER ROLE ${ident} LOGIN`);
    },
    async drop() {
      await db.close().catch(() => undefined);
      await terminate();
      await admin.query(`DROP SCHEMA IF EXISTS ${ident} CASCADE`);
      await admin.query(`DROP OWNED BY ${ident}`);
      await admin.query(`DROP ROLE IF EXISTS ${ident}`);
      await admin.end();
    },
  };
}
