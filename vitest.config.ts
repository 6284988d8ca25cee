import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The sample's monthly job, run once for the tests that need a loaded sample warehouse (test/globalSetup.ts).
    globalSetup: ['test/globalSetup.ts'],
  },
});
