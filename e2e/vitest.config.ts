import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['suites/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['helpers/require-build.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each suite starts whole server processes with their own embedded PostgreSQL;
    // two cores cannot take many at once.
    maxWorkers: 1,
  },
});
