import { appendFile, cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, MigrationChecksumError, migrate, readMigrations } from '../../src/kernel/db/migrate.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import { createTestDatabase } from '../support/test-database.js';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tiltak-migrations-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('the migration runner', () => {
  it('applies every committed migration to an empty database and records it as Prisma does', async () => {
    const files = await readMigrations();
    const rows = await db.runner.session((c) =>
      c.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      ),
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await db.prisma.measure.count()).toBe(0);
  });

  it('applies nothing the second time', async () => {
    expect(await migrate(db.runner)).toEqual([]);
  });

  it('stops with a clear error when an applied migration was edited', async () => {
    const dir = await copyOfMigrations();
    const [first] = await readMigrations(dir);
    await appendFile(join(dir, first!.name, 'migration.sql'), '\n-- edited after the fact\n');
    await expect(migrate(db.runner, dir)).rejects.toBeInstanceOf(MigrationChecksumError);
    await expect(migrate(db.runner, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls back a failing migration whole and does not record it', async () => {
    const dir = await copyOfMigrations();
    const name = '29990101000000_broken';
    await mkdir(join(dir, name));
    await writeFile(
      join(dir, name, 'migration.sql'),
      'CREATE TABLE "HalfDone" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;\n',
    );
    await expect(migrate(db.runner, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const leftovers = await db.runner.session((c) =>
      c.query(`SELECT 1 FROM pg_tables WHERE tablename = 'HalfDone' AND schemaname = current_schema()`),
    );
    expect(leftovers).toHaveLength(0);
    const recorded = await db.runner.session((c) =>
      c.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [name]),
    );
    expect(recorded).toHaveLength(0);
  });
});
