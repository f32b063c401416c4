import { defineConfig } from 'vitest/config';

// Dawn's OpenGL ES backend needs EGL_PLATFORM before the process starts: set here, in the main
// process, so the forked test processes inherit it.
process.env.EGL_PLATFORM ??= 'surfaceless';

// dawn.node crashes at teardown under worker threads: run every file in a forked process.
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
