import { defineConfig } from 'vitest/config';

/**
 * Test files that run whole programs, each in processes of its own: site builds, the dev server,
 * the benchmark, and the ingest CLI (a Node process and TypeScript loader per run, seconds each).
 * The `site` project.
 */
const SITE_TESTS = [
  'tests/site-build/**/*.test.ts',
  'tests/bench-smoke.test.ts',
  'tests/ingest/cli.test.ts',
  'tests/ingest/merge-cli.test.ts',
  'tests/new-dump/check-candidate.test.ts',
];
/** Test files that drive Chromium against the site built into `.test-dist`: the `browser` project. */
const BROWSER_TESTS = ['tests/browser/**/*.test.ts', 'tests/site-quality/**/*.test.ts'];

/**
 * Three projects, by speed; `npm test` runs them all. `unit`: the libraries, in the test process
 * (under a minute). `site`: site builds in copies of the project, the dev server, a smoke run of
 * the benchmark and the ingest CLI (several minutes). `browser`: builds the site once into
 * `.test-dist` (tests/browser/global-setup.ts), serves it locally and drives Chromium.
 * Run one with `npx vitest run --project unit` (or `site`, `browser`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...SITE_TESTS, ...BROWSER_TESTS, '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER_TESTS,
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
