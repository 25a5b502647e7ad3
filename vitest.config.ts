import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests run in Node against real SQLite files in temp folders. Playwright owns test/e2e.
 * Timeouts allow for native SQLite on a slow CI disk and for integration tests that spawn the CLI through tsx.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: ['test/e2e/**', '**/node_modules/**'],
    setupFiles: ['test/helpers/test-env.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
