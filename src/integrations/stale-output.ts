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
 *
 * Which files `dist/` holds comes from the last build's record of its folders
 * (src/integrations/output-record.ts, src/integrations/output-listing.ts): only the folders whose
 * time changed since are listed again, so a rebuild costs what changed, not what exists. The record
 * of this build, with the paper pages' digests (src/integrations/paper-pages.ts), is written here,
 * when everything else is done.
 */
import { lstatSync, readdirSync, rmdirSync, unlinkSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listOutput, type OutputListing } from './output-listing.ts';
import {
  readOutputRecord,
  removeOutputRecord,
  writeOutputRecord,
  type OutputRecord,
  type PageEntry,
} from './output-record.ts';

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

/** Paths relative to `dist/` that other integrations wrote; a path ending in `/` is a folder written whole. */
const claimed = new Set<string>();
/** How many of them each route made (the build log counts them with the route's own files). */
const claimedByRoute = new Map<string, number>();
/** The last build's record of this `dist/`, when there is one that fits. */
let previousRecord: OutputRecord | null = null;
/** The paper pages this build wrote or found right, for the next build's record. */
const pagesThisBuild = new Map<string, PageEntry>();

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

/** The paper pages as the last build left them, or null when there is no record of this `dist/` to trust. */
export const recordedPages = (): ReadonlyMap<string, PageEntry> | null => previousRecord?.pages ?? null;

/** Records a paper page of this build (path relative to `dist/`) as it is now in `dist/`. */
export function recordPage(path: string, entry: PageEntry): void {
  pagesThisBuild.set(path, entry);
}

interface StaleOutput {
  outDir: string;
  /** Every file this build produced, as paths relative to `outDir` joined by `/`. */
  produced: ReadonlySet<string>;
  /** Files modified at or after this time (ms since the epoch) are this build's too. */
  since: number;
}

/**
 * Removes the folders of `listing` (not `dist/` itself) that hold nothing, deepest first; a folder
 * that changed is marked for listing again next time. A clean build leaves no empty folder.
 */
function removeEmptyFolders(outDir: string, listing: OutputListing): void {
  /** Whether the folder is still there. */
  const prune = (folder: string): boolean => {
    const entry = listing.get(folder);
    // A folder claimed whole is not listed: it is this build's.
    if (!entry) return true;
    const folders = entry.folders.filter((name) => prune(`${folder}${name}/`));
    if (folders.length !== entry.folders.length) entry.mtimeMs = -1;
    entry.folders = folders;
    if (folder === '' || entry.files.length > 0 || entry.folders.length > 0) return true;
    try {
      rmdirSync(join(outDir, folder));
    } catch {
      // Not empty after all: the record was wrong about it; it is listed again next time.
      entry.mtimeMs = -1;
      return true;
    }
    listing.delete(folder);
    return false;
  };
  prune('');
}

/** Deletes the files of `outDir` that this build did not produce; returns how many, and what `dist/` holds now. */
function deleteStaleOutput(
  { outDir, produced, since }: StaleOutput,
  record: OutputRecord | null,
): { deleted: number; listing: OutputListing } {
  // A claimed folder was written whole by this build: nothing in it is read.
  const listing = listOutput(outDir, claimed, record?.folders ?? null);
  let deleted = 0;
  for (const [folder, entry] of listing) {
    const files = entry.files.filter((name) => {
      const file = `${folder}${name}`;
      if (produced.has(file) || claimed.has(file)) return true;
      const path = join(outDir, file);
      const stats = lstatSync(path, { throwIfNoEntry: false });
      if (!stats) return false;
      if (stats.mtimeMs >= since - CLOCK_SLACK_MS) return true;
      unlinkSync(path);
      deleted += 1;
      return false;
    });
    if (files.length !== entry.files.length) entry.mtimeMs = -1;
    entry.files = files;
  }
  removeEmptyFolders(outDir, listing);
  return { deleted, listing };
}

export default function staleOutput(): AstroIntegration {
  let started = 0;
  let publicDir = '';
  let recordFile = '';
  let configuredOutDir = '';
  return {
    name: 'research-digest-stale-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        configuredOutDir = fileURLToPath(config.outDir);
        recordFile = join(
          fileURLToPath(config.root),
          'node_modules',
          '.cache',
          'research-digest',
          'output-record.json',
        );
      },
      'astro:build:start': () => {
        started = Date.now();
        pagesThisBuild.clear();
        previousRecord = readOutputRecord(recordFile, configuredOutDir);
        // Until this build is done, dist/ may be anything: a build that stops half way leaves no record.
        removeOutputRecord(recordFile);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const produced = new Set(filesUnder(publicDir));
        for (const files of assets.values())
          for (const file of files) produced.add(relative(outDir, fileURLToPath(file)).split(sep).join('/'));
        const record = outDir === configuredOutDir ? previousRecord : null;
        const { deleted, listing } = deleteStaleOutput({ outDir, produced, since: started }, record);
        try {
          writeOutputRecord(recordFile, outDir, { folders: listing, pages: pagesThisBuild });
        } catch (error) {
          // A read-only checkout still builds; the next build walks dist/ again.
          logger.warn(`Could not write ${recordFile}: ${(error as Error).message}`);
        }
        claimed.clear();
        claimedByRoute.clear();
        pagesThisBuild.clear();
        previousRecord = null;
        if (deleted > 0) logger.info(`Deleted ${deleted} files of an earlier build that this one did not write.`);
      },
    },
  };
}
