import { defineConfig } from 'vitest/config';

/**
 * The database and job suites again, on a real PostgreSQL server:
 * TEST_DATABASE_URL (default: the local server CI provides). Each test file
 * works in a schema of its own, dropped when it ends.
 */
const schemaPrefix = `tiltak_run_${process.pid}`;
process.env.TILTAK_TEST_SCHEMA_PREFIX = schemaPrefix;
process.env.TEST_DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/test';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/postgres-teardown.ts'],
    include: ['tests/db/**/*.test.ts', 'tests/jobs/**/*.test.ts', 'tests/**/*.pg.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    restoreMocks: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: {
      TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
      TILTAK_TEST_SCHEMA_PREFIX: schemaPrefix,
    },
  },
});
