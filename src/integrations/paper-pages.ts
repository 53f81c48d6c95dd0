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
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  finishPaperPageBuild,
  paperPagesFromShell,
  publishedPaperPages,
  startPaperPageBuild,
  type PaperPageSource,
} from './paper-page-channel.ts';
import { claimOutput } from './stale-output.ts';
import { listEveryPage } from './build-log.mjs';
import { fillPaperPageShell, SHELL_PAPER_ID, splitPaperPageShell } from '../lib/paper-page-shell.ts';
import { paperUrl } from '../lib/format.ts';

/** The file of a page at `url` (`/papers/x/`) in `dist/`, relative to it. */
const pageFile = (url: string): string => `${url.slice(1)}index.html`;

function readIfThere(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export interface WrittenPaperPages {
  /** Each page, as a path relative to `dist/`, and whether it was written (or already held those bytes). */
  pages: { file: string; written: boolean }[];
  written: number;
}

/** Fills the shell at `dist/papers/<shell>/` for every page of `source`, then removes the shell. */
export function writePaperPages(outDir: string, source: PaperPageSource): WrittenPaperPages {
  const shellFile = join(outDir, pageFile(paperUrl(SHELL_PAPER_ID)));
  const shellHtml = readIfThere(shellFile);
  if (!shellHtml) throw new Error(`no paper page shell at ${shellFile}: src/pages/papers/[id].astro did not render it`);
  const shell = splitPaperPageShell(shellHtml.toString('utf8'));
  rmSync(dirname(shellFile), { recursive: true, force: true });
  const pages: WrittenPaperPages['pages'] = [];
  for (const id of source.ids) {
    const relative = pageFile(paperUrl(id));
    const file = join(outDir, relative);
    let page: Buffer;
    try {
      page = Buffer.from(fillPaperPageShell(shell, source.parts(id)));
    } catch (error) {
      throw new Error(`the paper page ${relative} could not be made: ${(error as Error).message}`, { cause: error });
    }
    claimOutput(relative);
    const same = readIfThere(file)?.equals(page) ?? false;
    if (!same) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, page);
    }
    pages.push({ file: relative, written: !same });
  }
  return { pages, written: pages.filter((page) => page.written).length };
}

export default function paperPages(): AstroIntegration {
  return {
    name: 'research-digest-paper-pages',
    hooks: {
      'astro:build:start': () => startPaperPageBuild(process.env.RESEARCH_DIGEST_PAPER_PAGES !== 'astro'),
      'astro:build:done': ({ dir, logger }) => {
        if (!paperPagesFromShell()) return;
        let pageCount: number | null = null;
        try {
          const source = publishedPaperPages();
          if (!source)
            throw new Error(
              '[research-digest-paper-pages] src/pages/papers/[id].astro published no paper pages to write from its shell',
            );
          const started = performance.now();
          const result = writePaperPages(fileURLToPath(dir), source);
          const { pages } = result;
          pageCount = pages.length;
          // Each page on a line, as Astro lists its pages, in a verbose log (src/integrations/build-log.mjs).
          if (listEveryPage())
            for (const page of pages) logger.info(`  ├─ /${page.file} (${page.written ? 'written' : 'unchanged'})`);
          logger.info(
            `Paper pages: ${result.written} written, ${pages.length - result.written} unchanged, from the shell in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          finishPaperPageBuild(pageCount);
        }
      },
    },
  };
}
