/**
 * What a rebuild without Astro writes of the routes that depend on the papers (src/rebuild/site-routes.ts),
 * in place of Astro's render: the paper pages' shell for src/integrations/paper-pages.ts to fill,
 * the retired papers' redirect pages, the route shells' pages and the endpoints' files, each claimed
 * as this build's output (src/integrations/stale-output.ts) as in a build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { claimOutput } from '../integrations/stale-output.ts';
import { PAPER_PAGE_ROUTE, paperPageSource, publishPaperPages } from '../integrations/paper-page-channel.ts';
import { paperUrl } from '../lib/format.ts';
import { siteFeedXml, topicFeedXml } from '../lib/feeds.ts';
import { papersBibtex, readingListRedirectsJson } from '../lib/site-files.ts';
import type { SiteData, SiteDataBeforeAids } from '../lib/site-data.ts';
import { writePapersJson } from '../integrations/papers-json.ts';
import { astroRedirectPage } from './astro-redirect-page.ts';
import type { SiteState } from './site-state.ts';
import { loadSavedShells, savedShellsFolder, type SavedShells } from '../integrations/saved-shells.ts';
import { pageFile, writeIfChanged, writeShellRoutePages } from '../integrations/shell-page-writer.ts';
import { SHELL_ROUTES, shellRoutePages } from '../lib/shell-routes.ts';
import { SHELL_PAPER_ID } from '../lib/paper-page-shell.ts';
import { keepPublishedStrings } from '../lib/kept-strings.ts';

/**
 * The shells the last full build kept for `state` (the paper page's and every route's), or what is
 * wrong with them.
 */
export function readKeptShells(root: string, state: SiteState): SavedShells | string {
  const saved = loadSavedShells(savedShellsFolder(root));
  if (!saved) return 'none are kept';
  if (saved.site !== state.site) return `they were made for ${saved.site}`;
  const missing = SHELL_ROUTES.find(({ route }) => !saved.routes.some((shell) => shell.route === route));
  return missing ? `the route ${missing.route}’s is missing` : saved;
}

/** Writes `content` to `file` of `outDir` unless it holds it already; claims it for `route`. */
function writeOutputFile(outDir: string, file: string, content: string, route?: string): void {
  writeIfChanged(join(outDir, file), Buffer.from(content));
  claimOutput(file, route);
}

/** The redirect page of each retired paper id, as the paper route has Astro write them. */
function writeRetiredPaperPages(outDir: string, site: string, siteData: SiteData): void {
  for (const paper of siteData.papers)
    for (const id of paper.formerIds)
      writeOutputFile(
        outDir,
        pageFile(paperUrl(id)),
        astroRedirectPage(paperUrl(id), paperUrl(paper.id), site),
        PAPER_PAGE_ROUTE,
      );
}

/**
 * What needs no related papers or themes, written while their thread works: the endpoints' files
 * (the feeds, papers.bib, the reading list's redirects) and papers.json.
 */
export async function writeFilesBeforeAids(outDir: string, site: string, siteData: SiteDataBeforeAids): Promise<void> {
  await writePapersJson(outDir);
  const siteUrl = new URL(site);
  writeOutputFile(outDir, 'feed.xml', await siteFeedXml(siteData, siteUrl), '/feed.xml');
  for (const { id } of siteData.topicSummaries)
    writeOutputFile(
      outDir,
      `topics/${id}/feed.xml`,
      await topicFeedXml(siteData, id, siteUrl),
      '/topics/[topic]/feed.xml',
    );
  writeOutputFile(outDir, 'papers.bib', papersBibtex(siteData), '/papers.bib');
  writeOutputFile(
    outDir,
    'reading-list/redirects.json',
    readingListRedirectsJson(siteData),
    '/reading-list/redirects.json',
  );
}

/**
 * The pages: the paper pages' shell where Astro renders it and what the pages are made of
 * (src/integrations/paper-pages.ts fills it when the build is done), the retired papers' redirects,
 * every route's pages from its shell.
 */
export function writeRebuiltPages(state: SiteState, shells: SavedShells, siteData: SiteData): void {
  const { outDir, site } = state;
  const paperShellFile = join(outDir, pageFile(paperUrl(SHELL_PAPER_ID)));
  mkdirSync(dirname(paperShellFile), { recursive: true });
  writeFileSync(paperShellFile, shells.paperPageShell);
  // The code and the shell are the last full build's (src/rebuild/rebuild-site.ts `planRebuild`).
  publishPaperPages(
    paperPageSource(
      siteData,
      siteData.papers.map((paper) => paper.id),
      true,
    ),
  );
  writeRetiredPaperPages(outDir, site, siteData);
  writeShellRoutePages(outDir, site, shells.routes, shellRoutePages(siteData, shells));
  keepPublishedStrings(console.warn);
}
