import pg from 'pg';

/**
 * Drops every schema (and login role) this run created, whatever became of
 * the test file that made it (a crash, a timeout), so runs never pile up in
 * the database.
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
      // The reliability suite runs the bot under login roles of its own (tests/reliability/postgres-outage.ts).
      const roles = await client.query<{ rolname: string }>(
        `SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)`,
        [`${prefix}_`],
      );
      for (const { rolname } of roles.rows) {
        await client.query(`ALTER ROLE "${rolname}" LOGIN`);
        await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [rolname]);
        await client.query(`DROP OWNED BY "${rolname}"`);
        await client.query(`DROP ROLE "${rolname}"`);
      }
    } finally {
      await client.end();
    }
  };
}
