import { defineConfig } from 'vitest/config';

/**
 * The reliability suite: hostile and broken inputs (fuzzing, forged
 * identity), a killed process, a database that goes away, a failing Slack.
 * It runs the bot for real and is slower than `npm test`, so it has its own
 * command. PostgreSQL cases use RELIABILITY_POSTGRES_URL (default: the local
 * server CI provides), each in a schema of its own; PGlite cases need nothing.
 */
const schemaPrefix = `tiltak_rel_${process.pid}`;
process.env.TILTAK_TEST_SCHEMA_PREFIX = schemaPrefix;
process.env.RELIABILITY_POSTGRES_URL ??= process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/postgres-teardown.ts'],
    include: ['tests/reliability/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    restoreMocks: true,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: {
      // createTestDatabase() gives PGlite unless a test asks for the server by name.
      TEST_DATABASE_URL: '',
      RELIABILITY_POSTGRES_URL: process.env.RELIABILITY_POSTGRES_URL,
      TILTAK_TEST_SCHEMA_PREFIX: schemaPrefix,
    },
  },
});
