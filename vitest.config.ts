import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/**/*.pg.test.ts', 'tests/reliability/**', 'tests/browser/**', 'node_modules/**'],
    pool: 'forks',
    maxWorkers: 2,
    // Files share a worker's module graph and its pooled PGlite (tests/support/test-database.ts);
    // nothing in src/ holds global state, and spies are restored after every test.
    isolate: false,
    restoreMocks: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TEST_DATABASE_URL: '' },
  },
});
