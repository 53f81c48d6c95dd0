/**
 * `npm run build`: a rebuild without Astro when only the dumps changed since the last full build
 * (src/rebuild/rebuild-site.ts; seconds instead of Astro's start, content sync and bundle), and
 * `astro build` otherwise — the first build, after any change to code, content, configuration,
 * packages or build variables, with arguments for Astro, or with `RESEARCH_DIGEST_REBUILD=astro`.
 * Both make the same site. Runs on Node's own TypeScript support (no tsx: its start would cost
 * what the rebuild saves), like the build's worker threads.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { planRebuild, rebuildSite, RebuildNeedsAstro } from '../src/rebuild/rebuild-site.ts';

const root = join(import.meta.dirname, '..');
const astroArguments = process.argv.slice(2);
const time = () => new Date().toTimeString().slice(0, 8);
const log = {
  info: (message: string) => console.log(`${time()} [rebuild] ${message}`),
  warn: (message: string) => console.warn(`${time()} [rebuild] warning: ${message}`),
};

async function rebuildWithoutAstro(): Promise<boolean> {
  if (astroArguments.length > 0) return false;
  if (process.env.RESEARCH_DIGEST_REBUILD === 'astro') {
    log.info('RESEARCH_DIGEST_REBUILD=astro: building with Astro');
    return false;
  }
  const plan = planRebuild(root);
  if (!('state' in plan)) {
    log.info(`building with Astro: ${plan.reason}`);
    return false;
  }
  try {
    const summary = await rebuildSite(root, plan.state, log);
    log.info(
      `rebuilt without Astro in ${(summary.ms / 1000).toFixed(2)} s (only the dumps changed since the last full build)`,
    );
    return true;
  } catch (error) {
    if (error instanceof RebuildNeedsAstro) log.info(`building with Astro: ${error.message}`);
    // Astro's build makes the whole site again, whatever this one left half done.
    else
      log.warn(
        `the rebuild without Astro failed, building with Astro instead: ${(error as Error).stack ?? String(error)}`,
      );
    return false;
  }
}

if (await rebuildWithoutAstro()) process.exit(0);
// This very Node (the project's Node 22), whatever `node` the PATH holds.
const astro = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...astroArguments],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(astro.status ?? 1);
