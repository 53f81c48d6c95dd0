/**
 * Writes the paper pages of a build from the one paper page Astro rendered, its shell
 * (src/lib/paper-page-shell.ts says why). The route (src/pages/papers/[id].astro) publishes which
 * pages to write and each one's parts through src/integrations/paper-page-channel.ts; when the
 * build is done, the shell is read and removed from `dist/`, and each paper's page is written
 * unless the file already holds those very bytes (a rebuild after a dump writes the pages the dump
 * changed, and a clean build and a rebuild give the same `dist/`, whatever changed: data, layout or
 * code). The pages are claimed as this build's output (src/integrations/stale-output.ts), so the
 * page of a paper that is gone is deleted.
 *
 * `RESEARCH_DIGEST_PAPER_PAGES=astro` has Astro render every paper page itself, as `astro dev`
 * does: slower, and byte for byte the same site (tests/site-build/paper-page-shell.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileInPlace } from '../lib/write-in-place.ts';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  finishPaperPageBuild,
  PAPER_PAGE_ROUTE,
  paperPagesFromShell,
  publishedPaperPages,
  startPaperPageBuild,
  type PaperPageSource,
} from './paper-page-channel.ts';
import { claimOutput, recordedPages, recordPage } from './stale-output.ts';
import { keepPaperPageShell } from './shell-page-channel.ts';
import { listEveryPage } from './build-log.mjs';
import type { PageEntry } from './output-record.ts';
import { paperPageDigester } from './paper-page-digest.ts';
import { paperPageSegments, SHELL_PAPER_ID, splitPaperPageShell } from '../lib/paper-page-shell.ts';
import { paperUrl } from '../lib/format.ts';
import { pageFile, readIfThere } from './shell-page-writer.ts';

export interface WrittenPaperPages {
  written: number;
  unchanged: number;
}

/** The last build's paper pages, and where to note this build's (src/integrations/output-record.ts). */
export interface PaperPageRecord {
  /** By path relative to `dist/`; null when there is no record to trust (every file is read and compared). */
  previous: ReadonlyMap<string, PageEntry> | null;
  record: (file: string, entry: PageEntry) => void;
}

const NO_RECORD: PaperPageRecord = { previous: null, record: () => {} };

/**
 * Fills the shell at `dist/papers/<shell>/` for the page of every paper of `ids`, then removes the
 * shell; `onPage` hears of each page (its path relative to `dist/`) and whether it was written.
 */
export function writePaperPages(
  outDir: string,
  source: PaperPageSource,
  onPage?: (file: string, written: boolean) => void,
  { previous, record }: PaperPageRecord = NO_RECORD,
  onShell?: (html: Buffer) => void,
): WrittenPaperPages {
  const shellFile = join(outDir, pageFile(paperUrl(SHELL_PAPER_ID)));
  const shellHtml = readIfThere(shellFile);
  if (!shellHtml) throw new Error(`no paper page shell at ${shellFile}: src/pages/papers/[id].astro did not render it`);
  onShell?.(shellHtml);
  const shell = splitPaperPageShell(shellHtml.toString('utf8'));
  rmSync(dirname(shellFile), { recursive: true, force: true });
  const digestOf = paperPageDigester(shell);
  // The previous build's page folders, read once: a clean build has nothing to compare with.
  const papersDir = join(outDir, 'papers');
  const previousFolders = new Set(existsSync(papersDir) ? readdirSync(papersDir) : []);
  let written = 0;
  for (const id of source.ids) {
    const relative = pageFile(paperUrl(id));
    const file = join(outDir, relative);
    const key = source.key(id);
    const known = previous?.get(relative);
    // The file is the one the record describes (a stat, no read).
    const asRecorded = known !== undefined && sameFileAsRecorded(file, known);
    if (source.reuseByKey && asRecorded && known.key === key) {
      // Made of the same data by the same code and shell: the file the record describes is this page.
      claimOutput(relative, PAPER_PAGE_ROUTE);
      record(relative, known);
      onPage?.(relative, false);
      continue;
    }
    let segments: string[];
    try {
      segments = paperPageSegments(shell, source.parts(id));
    } catch (error) {
      throw new Error(`the paper page ${relative} could not be made: ${(error as Error).message}`, { cause: error });
    }
    claimOutput(relative, PAPER_PAGE_ROUTE);
    const digest = digestOf(segments);
    let same: boolean;
    // The file as it is once this page is done, when the record already says so.
    let entry: PageEntry | null = null;
    let page: Buffer | null = null;
    if (known && known.digest !== digest) same = false;
    else if (asRecorded) {
      same = true;
      entry = { ...known, key };
    } else {
      page = Buffer.from(segments.join(''));
      same = previousFolders.has(id) && (readIfThere(file)?.equals(page) ?? false);
    }
    if (!same) {
      if (!previousFolders.has(id)) mkdirSync(dirname(file), { recursive: true });
      writeFileInPlace(file, page ?? segments.join(''));
      written += 1;
    }
    if (!entry) {
      const stats = statSync(file);
      entry = { digest, size: stats.size, mtimeMs: stats.mtimeMs, key };
    }
    record(relative, entry);
    onPage?.(relative, !same);
  }
  return { written, unchanged: source.ids.length - written };
}

/** Whether the file's size and time are the recorded ones, a time the record trusts (it is the file the record describes). */
function sameFileAsRecorded(file: string, known: PageEntry): boolean {
  if (known.mtimeMs < 0) return false;
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats !== undefined && stats.size === known.size && stats.mtimeMs === known.mtimeMs;
}

export default function paperPages(): AstroIntegration {
  return {
    name: 'research-digest-paper-pages',
    hooks: {
      'astro:build:start': () => startPaperPageBuild(process.env.RESEARCH_DIGEST_PAPER_PAGES !== 'astro'),
      'astro:build:done': ({ dir, logger }) => {
        if (!paperPagesFromShell()) return;
        try {
          const source = publishedPaperPages();
          if (!source)
            throw new Error(
              '[research-digest-paper-pages] src/pages/papers/[id].astro published no paper pages to write from its shell',
            );
          const started = performance.now();
          // Each page on a line, as Astro lists its pages, in a verbose log (src/integrations/build-log.mjs).
          const listPage = listEveryPage()
            ? (file: string, written: boolean) => logger.info(`  ├─ /${file} (${written ? 'written' : 'unchanged'})`)
            : undefined;
          const { written, unchanged } = writePaperPages(
            fileURLToPath(dir),
            source,
            listPage,
            { previous: recordedPages(), record: recordPage },
            // Kept with the routes' shells for a rebuild without Astro (src/integrations/shell-pages.ts).
            (html) => keepPaperPageShell(html.toString('utf8')),
          );
          logger.info(
            `Paper pages: ${written} written, ${unchanged} unchanged, from the shell in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          finishPaperPageBuild();
        }
      },
    },
  };
}
