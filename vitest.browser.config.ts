import { defineConfig } from 'vitest/config';

// The demo in Debian's Chromium (npm run test:browser): slow, so apart from npm test.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
