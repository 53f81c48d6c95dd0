import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs both projects. `unit`: fast tests of the libraries. `browser`: builds the site
 * once into `.test-dist` (tests/browser/global-setup.ts), serves it locally and drives Chromium.
 * Run one with `npx vitest run --project unit` (or `browser`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/site-quality/**', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts', 'tests/site-quality/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          // One Chromium at a time: the files share the server and the machine is small.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
