/**
 * Builds the site in an isolated copy of the project (tests/site-build/helpers.ts: never in
 * /work/main, where other people build at the same time) from the project's seeds plus extra dumps.
 */
import { copyFileSync, cpSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildSite, makeSiteCopy, PROJECT_ROOT } from '../site-build/helpers.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { requireHarness } from './helpers.ts';

export { PROJECT_ROOT };
export const HOSTILE_FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/hostile');

export interface IsolatedBuild {
  /** The temporary project copy. */
  root: string;
  /** Its seeds folder (the project's seeds plus the extra dumps). */
  seeds: string;
  /** The built site. */
  dist: string;
  /** The build's output. */
  log: string;
  remove(): void;
}

/** Copies the project, adds `extraDumps` (paths) to the copy's seeds and runs `astro build` in it. */
export async function buildIsolatedSite(label: string, extraDumps: readonly string[]): Promise<IsolatedBuild> {
  const copy = makeSiteCopy(label);
  try {
    cpSync(join(PROJECT_ROOT, 'seeds'), copy.seeds, { recursive: true });
    for (const dump of extraDumps) copyFileSync(dump, join(copy.seeds, basename(dump)));
    const dist = join(copy.root, 'dist');
    const log = await buildSite(copy, dist);
    return { root: copy.root, seeds: copy.seeds, dist, log, remove: copy.remove };
  } catch (error) {
    copy.remove();
    throw error;
  }
}

export interface ServedIsolatedSite {
  build: IsolatedBuild;
  server: StaticServer;
  browser: Browser;
  /** An absolute URL of the served site. */
  url(path: string): string;
}

/**
 * Registers the file's hooks: builds the site with `extraDumps` beside the seeds, serves it on
 * loopback and launches Chromium before the tests; closes and removes everything after.
 */
export function useIsolatedSite(label: string, extraDumps: readonly string[]): ServedIsolatedSite {
  const site = { url: (path: string) => `${site.server.url}${path}` } as ServedIsolatedSite;
  beforeAll(async () => {
    requireHarness();
    site.build = await buildIsolatedSite(label, extraDumps);
    site.server = await startStaticServer(site.build.dist);
    site.browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
    site.build?.remove();
  });
  return site;
}
