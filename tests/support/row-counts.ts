import type { Database } from '../../src/kernel/db/open-database.js';

/** Rows in every table of the test's schema, by table: compared before and after, it shows whether anything was written. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  return db.runner.session(async (conn) => {
    const tables = await conn.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    if (tables.length === 0) return {};
    const counts = await conn.query<{ name: string; n: number }>(
      tables
        .map(({ tablename }) => `SELECT '${tablename}' AS name, count(*)::int AS n FROM "${tablename}"`)
        .join(' UNION ALL '),
    );
    return Object.fromEntries(counts.map((c) => [c.name, Number(c.n)]));
  });
}
