import pg from 'pg';

/**
 * Drops every schema this run created, whatever became of the test file
 * that made it (a crash, a timeout), so runs never pile up in the database.
 */
export default function setup(): () => Promise<void> {
  return async () => {
    const url = process.env.RELIABILITY_POSTGRES_URL || process.env.TEST_DATABASE_URL;
    const prefix = process.env.TILTAK_TEST_SCHEMA_PREFIX;
    if (!url || !prefix) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ nspname: string }>(
        `SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)`,
        [`${prefix}_`],
      );
      for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    } finally {
      await client.end();
    }
  };
}
