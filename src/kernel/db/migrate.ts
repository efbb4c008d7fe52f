import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlConnection, SqlRunner } from './sql-runner.js';

export const MIGRATIONS_DIR = new URL('../../../prisma/migrations/', import.meta.url).pathname;

/** Arbitrary but fixed: every Tiltak instance contends for the same key. */
const MIGRATION_LOCK_KEY = 7_243_501;

export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(
      `Migration ${migration} was changed after it was applied. Applied migrations are history: ` +
        'restore the file and add a new migration for the change.',
    );
    this.name = 'MigrationChecksumError';
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

const LEDGER_DDL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
}

/**
 * Applies the committed migrations that are not yet applied, each in its own
 * transaction, and records them in Prisma's `_prisma_migrations` format so the
 * Prisma CLI reads the same history. Instances are serialised by a session
 * advisory lock (on PGlite, one process holds the folder anyway). Returns the
 * names it applied.
 */
export async function migrate(runner: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = await readMigrations(dir);
  return runner.session(async (conn) => {
    await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await conn.exec(LEDGER_DDL);
      const applied = new Map(
        (
          await conn.query<AppliedRow>(
            'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
          )
        ).map((r) => [r.migration_name, r.checksum]),
      );
      const done: string[] = [];
      for (const file of files) {
        const known = applied.get(file.name);
        if (known !== undefined) {
          if (known !== file.checksum) throw new MigrationChecksumError(file.name);
          continue;
        }
        await applyOne(conn, file);
        done.push(file.name);
      }
      return done;
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

async function applyOne(conn: SqlConnection, file: MigrationFile): Promise<void> {
  await conn.exec('BEGIN');
  try {
    await conn.exec(file.sql);
    await conn.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), file.checksum, file.name],
    );
    await conn.exec('COMMIT');
  } catch (error) {
    await conn.exec('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${file.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}
