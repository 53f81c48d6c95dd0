/**
 * The rebuild without Astro as a process of its own, run by scripts/build.ts: it exits 0 when the
 * site is rebuilt, NEEDS_ASTRO when it must go through Astro (saying why, before touching `dist/`),
 * anything else when it failed. A process, so that a rebuild that fails half way takes its threads
 * and Pagefind's service with it before Astro builds the site again into the same folders.
 */
import { join } from 'node:path';
import { planRebuild, rebuildSite, RebuildNeedsAstro } from './rebuild-site.ts';

/** "Temporary failure" in sysexits.h: not this program's error; Astro builds the site instead. */
const NEEDS_ASTRO = 75;

const root = join(import.meta.dirname, '..', '..');
const time = () => new Date().toTimeString().slice(0, 8);
const log = {
  info: (message: string) => console.log(`${time()} [rebuild] ${message}`),
  warn: (message: string) => console.warn(`${time()} [rebuild] warning: ${message}`),
};

const plan = planRebuild(root);
if (!('state' in plan)) {
  log.info(`building with Astro: ${plan.reason}`);
  process.exit(NEEDS_ASTRO);
}
try {
  const summary = await rebuildSite(root, plan.state, log);
  log.info(
    `rebuilt without Astro in ${(summary.ms / 1000).toFixed(2)} s (only the dumps changed since the last full build)`,
  );
  process.exit(0);
} catch (error) {
  if (!(error instanceof RebuildNeedsAstro)) throw error;
  log.info(`building with Astro: ${error.message}`);
  process.exit(NEEDS_ASTRO);
}
