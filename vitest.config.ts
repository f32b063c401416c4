import { defineConfig } from 'vitest/config';

// dawn.node crashes at teardown under worker threads: run every file in a forked process.
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
