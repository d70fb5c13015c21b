import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Each test file spawns its own redis-server on a free port (see test/helpers/redis.ts).
    fileParallelism: true,
    reporters: ['default'],
  },
});
