import { defineConfig } from 'vitest/config';

/** Every test of the workspace in one run: `pnpm test`. */
export default defineConfig({
  test: {
    projects: ['server', 'e2e', 'web/*/vitest.config.ts'],
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
