/**
 * Writes the pages of the routes of src/lib/shell-routes.ts (the topic lists, themes,
 * organisations) from the one page Astro rendered for each route, its shell, as
 * src/integrations/paper-pages.ts does for the paper pages (src/lib/route-shell.ts says how). Each
 * route publishes the site data its pages are made from through
 * src/integrations/shell-page-channel.ts; when the build is done, each route's shell is read from
 * `dist/` (and removed, unless a page is written over it), and the pages are written by
 * src/integrations/shell-page-writer.ts, the writer a rebuild without Astro uses too. The shells
 * and the topic introductions are then kept for that rebuild (src/integrations/saved-shells.ts;
 * the paper page's shell, handed over by src/integrations/paper-pages.ts, with them).
 *
 * `RESEARCH_DIGEST_SHELL_PAGES=astro` has Astro render every page of these routes itself, as
 * `astro dev` does: slower, and byte for byte the same site (tests/site-build/route-shells.test.ts).
 */
import { readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { finishShellPageBuild, publishedShellBuild, startShellPageBuild } from './shell-page-channel.ts';
import { pageFile, writeShellRoutePages } from './shell-page-writer.ts';
import { removeSavedShells, saveShells, savedShellsFolder, type SavedRouteShell } from './saved-shells.ts';
import { listEveryPage } from './build-log.mjs';
import { keepPublishedStrings } from '../lib/kept-strings.ts';
import { SHELL_ROUTES, shellRoutePages } from '../lib/shell-routes.ts';
import type { SiteData } from '../lib/site-data.ts';

/** Removes the file of a shell no page is written over, and the folders it leaves empty. */
function removeShell(outDir: string, shellPath: string): void {
  const file = join(outDir, pageFile(shellPath));
  rmSync(file, { force: true });
  for (let folder = dirname(file); folder.startsWith(outDir) && folder !== outDir; folder = dirname(folder)) {
    if (readdirSync(folder).length > 0) break;
    rmdirSync(folder);
  }
}

export default function shellPages(): AstroIntegration {
  let site = '';
  let cacheFolder = '';
  return {
    name: 'research-digest-shell-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        cacheFolder = savedShellsFolder(fileURLToPath(config.root));
      },
      'astro:build:start': () => {
        // Until this build is done, the shells kept may not be those of the site in dist/.
        removeSavedShells(cacheFolder);
        startShellPageBuild(process.env.RESEARCH_DIGEST_SHELL_PAGES !== 'astro');
      },
      'astro:build:done': ({ dir, logger }) => {
        const build = publishedShellBuild();
        if (!build) return;
        try {
          const started = performance.now();
          const outDir = fileURLToPath(dir);
          let siteData: SiteData | null = null;
          const shells: SavedRouteShell[] = SHELL_ROUTES.map(({ route, shellPath }) => {
            const published = build.routes.get(route);
            if (!published)
              throw new Error(
                `[research-digest-shell-pages] the route ${route} published no pages to write from its shell`,
              );
            if (siteData && published !== siteData)
              throw new Error(
                `[research-digest-shell-pages] the routes published the pages of two different site data`,
              );
            siteData = published;
            const file = join(outDir, pageFile(shellPath));
            let html: string;
            try {
              html = readFileSync(file, 'utf8');
            } catch (error) {
              throw new Error(
                `[research-digest-shell-pages] no shell of ${route} at ${file}: did the route render it?`,
                {
                  cause: error,
                },
              );
            }
            return { route, shellPath, html };
          });
          if (!siteData) return;
          const routePages = shellRoutePages(siteData, { topicIntros: build.topicIntros });
          for (const { route, pages } of routePages) {
            const { shellPath } = shells.find((shell) => shell.route === route)!;
            if (!pages.some((page) => page.path === shellPath)) removeShell(outDir, shellPath);
          }
          // Each page on a line, as Astro lists its pages, in a verbose log (src/integrations/build-log.mjs).
          const listPage = listEveryPage()
            ? (file: string, written: boolean) => logger.info(`  ├─ /${file} (${written ? 'written' : 'unchanged'})`)
            : undefined;
          const counts = writeShellRoutePages(outDir, site, shells, routePages, listPage);
          keepPublishedStrings((message) => logger.warn(message));
          const written = counts.reduce((sum, route) => sum + route.written, 0);
          const unchanged = counts.reduce((sum, route) => sum + route.unchanged, 0);
          logger.info(
            `Pages of ${counts.length} routes: ${written} written, ${unchanged} unchanged, from their shells in ${Math.round(performance.now() - started)} ms`,
          );
          // The paper pages' integration, which runs first, hands its shell over unless Astro
          // rendered every paper page itself: then no set is kept, and a rebuild runs Astro.
          if (build.paperPageShell === null)
            logger.info('No paper page shell in this build: no shells kept for a rebuild without Astro.');
          else
            try {
              saveShells(cacheFolder, {
                site,
                routes: shells,
                topicIntros: build.topicIntros,
                paperPageShell: build.paperPageShell,
              });
            } catch (error) {
              // A read-only checkout still builds; a rebuild then runs Astro.
              logger.warn(`Could not keep the page shells in ${cacheFolder}: ${(error as Error).message}`);
            }
        } finally {
          finishShellPageBuild();
        }
      },
    },
  };
}
