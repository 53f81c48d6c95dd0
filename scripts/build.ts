/**
 * `npm run build`: a rebuild without Astro when only the dumps changed since the last full build
 * (src/rebuild/; seconds instead of Astro's start, content sync and bundle), and `astro build`
 * otherwise — the first build, after any change to code, content, configuration, packages or build
 * variables, with arguments for Astro, or with `RESEARCH_DIGEST_REBUILD=astro`. Both make the same
 * site. Runs on Node's own TypeScript support (no tsx: its start would cost what the rebuild
 * saves), like the build's worker threads; the rebuild runs in a process of its own
 * (src/rebuild/cli.ts), so that Astro never builds beside what a failed one left running.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const astroArguments = process.argv.slice(2);
/** src/rebuild/cli.ts's exit code for "build with Astro" (not imported: this file loads nothing else). */
const NEEDS_ASTRO = 75;
const say = (message: string) => console.log(`${new Date().toTimeString().slice(0, 8)} [rebuild] ${message}`);

// This very Node (the project's Node 22), whatever `node` the PATH holds.
const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

function rebuiltWithoutAstro(): boolean {
  if (astroArguments.length > 0) {
    say(`building with Astro: arguments for it (${astroArguments.join(' ')})`);
    return false;
  }
  if (process.env.RESEARCH_DIGEST_REBUILD === 'astro') {
    say('building with Astro: RESEARCH_DIGEST_REBUILD=astro');
    return false;
  }
  const status = run([join(root, 'src', 'rebuild', 'cli.ts')]);
  if (status === 0) return true;
  // Astro's build makes the whole site again, whatever the failed rebuild left half done.
  if (status !== NEEDS_ASTRO)
    say(`the rebuild without Astro failed (exit code ${status}; above), building with Astro instead`);
  return false;
}

process.exit(
  rebuiltWithoutAstro()
    ? 0
    : run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...astroArguments]),
);
