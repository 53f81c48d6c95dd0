/**
 * A rebuild writes into the `dist/` of the previous build instead of emptying it
 * (`vite.build.emptyOutDir: false` in astro.config.mjs), so that the pages Astro's incremental
 * build skips stay where they are: emptied, `dist/` would get every skipped page copied back from
 * Astro's cache one file at a time, which at 10,000 papers costs more than rendering the changed
 * ones. What the previous build wrote and this one did not (the page of a paper merged away, a
 * topic page that no longer exists, an index file of another version) must then go, or the site
 * would differ from a clean build: this integration deletes it when the build is done.
 *
 * A file is this build's output when Astro reports it as a page's output (rendered or skipped:
 * both are in the `assets` of `astro:build:done`), when it comes from `public/`, when another
 * integration claimed it (`claimOutput`: the search index, whose files are written before the
 * build starts, and the files written beside it), or when it was written during this build
 * (Vite's client files). Everything else in `dist/` is stale.
 */
import { existsSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * File times come from the kernel's coarse clock, which may lag `Date.now()` by a few
 * milliseconds; a build takes far longer than this to start, so nothing of the previous one is
 * this recent.
 */
const CLOCK_SLACK_MS = 100;

/**
 * Paths relative to `root`, joined by `/`, of every file under it, less the folders in `skip`
 * (relative paths ending in `/`), which are not read at all.
 */
export function filesUnder(root: string, skip: ReadonlySet<string> = new Set()): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = `${folder}${entry.name}`;
      if (!entry.isDirectory()) files.push(path);
      else if (!skip.has(`${path}/`)) walk(`${path}/`);
    }
  };
  if (existsSync(root)) walk('');
  return files;
}

/** Removes the folders under `root` (not `root`) that are left empty, deepest first. */
function removeEmptyFolders(root: string): void {
  const folders = readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of folders) if (readdirSync(folder).length === 0) rmdirSync(folder);
}

/** Paths relative to `dist/` that other integrations wrote; a path ending in `/` is a folder written whole. */
const claimed = new Set<string>();
/** How many of them each route made (the build log counts them with the route's own files). */
const claimedByRoute = new Map<string, number>();

/**
 * Marks a file (or, ending in `/`, a folder written whole) of `dist/` as this build's, whatever
 * its time: called by the integrations that write beside Astro's pages, before this one runs.
 * `route` names the route the file is a page of, when it is one (Astro's name: `/papers/[id]`).
 */
export function claimOutput(path: string, route?: string): void {
  claimed.add(path);
  if (route !== undefined) claimedByRoute.set(route, (claimedByRoute.get(route) ?? 0) + 1);
}

/** The files other integrations made as pages of `route` in this build. */
export const claimedPagesOf = (route: string): number => claimedByRoute.get(route) ?? 0;

interface StaleOutput {
  outDir: string;
  /** Every file this build produced, as paths relative to `outDir` joined by `/`. */
  produced: ReadonlySet<string>;
  /** Files modified at or after this time (ms since the epoch) are this build's too. */
  since: number;
}

/** Deletes the files of `outDir` that this build did not produce; returns how many. */
function deleteStaleOutput({ outDir, produced, since }: StaleOutput): number {
  let deleted = 0;
  // A claimed folder was written whole by this build: nothing in it is read.
  for (const file of filesUnder(outDir, claimed)) {
    if (produced.has(file) || claimed.has(file)) continue;
    const path = join(outDir, file);
    if (statSync(path).mtimeMs >= since - CLOCK_SLACK_MS) continue;
    unlinkSync(path);
    deleted += 1;
  }
  if (deleted > 0) removeEmptyFolders(outDir);
  return deleted;
}

export default function staleOutput(): AstroIntegration {
  let started = 0;
  let publicDir = '';
  return {
    name: 'research-digest-stale-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        started = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const produced = new Set(filesUnder(publicDir));
        for (const files of assets.values())
          for (const file of files) produced.add(relative(outDir, fileURLToPath(file)).split(sep).join('/'));
        const deleted = deleteStaleOutput({ outDir, produced, since: started });
        claimed.clear();
        claimedByRoute.clear();
        if (deleted > 0) logger.info(`Deleted ${deleted} files of an earlier build that this one did not write.`);
      },
    },
  };
}
