import { defineConfig } from 'vitest/config';
import { SlowFirst } from './test/slowFirst.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores (one, here); many tests wait on a CLI process or a timer, so
    // three workers keep both cores busy (measured on two cores: one worker left a core idle while tests waited on CLI processes).
    maxWorkers: 3,
    // Test files in one worker share its modules (DuckDB, Vega, exceljs are imported once per worker, not once per
    // file): about a fifth of the suite's time (measured: 118.7 s → 98.6 s on two cores). Tests therefore leave no
    // state behind: warehouses are closed (Database.closeAll), spies restored, environment variables put back.
    isolate: false,
    // The slowest files start first (test/slowFirst.ts): on a clean clone vitest has no timings to order by.
    sequence: { sequencer: SlowFirst },
    // The sample's monthly job, run once for the tests that need a loaded sample warehouse (test/globalSetup.ts).
    globalSetup: ['test/globalSetup.ts'],
  },
});
