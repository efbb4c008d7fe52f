import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase, parseDatabaseUrl } from '../../src/kernel/db/open-database.js';

const url = process.env.TEST_DATABASE_URL ?? '';

describe.runIf(url !== '')('migrations on a PostgreSQL server', () => {
  it('are applied once when three instances start at the same moment', async () => {
    const target = parseDatabaseUrl(url);
    if (target.kind !== 'postgres') throw new Error('TEST_DATABASE_URL must be postgres://');
    const schema = `${process.env.TILTAK_TEST_SCHEMA_PREFIX ?? 'tiltak_test'}_migrate_${randomBytes(4).toString('hex')}`;
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ ...target, schema })));
    try {
      const rows = await instances[0]!.runner.session((c) =>
        c.query<{ n: string }>('SELECT count(*) AS n FROM "_prisma_migrations"'),
      );
      expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(1);
      const names = await instances[0]!.runner.session((c) =>
        c.query<{ migration_name: string; n: string }>(
          'SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY migration_name',
        ),
      );
      expect(names.every((r) => r.n === '1')).toBe(true);
      expect(await instances[2]!.prisma.measure.count()).toBe(0);
    } finally {
      await instances[0]!.runner.session((c) => c.exec(`DROP SCHEMA "${schema}" CASCADE`));
      await Promise.all(instances.map((db) => db.close()));
    }
  });
});
