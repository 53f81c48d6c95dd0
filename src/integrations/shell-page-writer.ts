/**
 * Writes the pages of the routes of src/lib/shell-routes.ts from their shells into an output folder:
 * in a build, from the shells Astro just rendered (src/integrations/shell-pages.ts), and in a
 * rebuild without Astro, from those the last build kept (src/integrations/saved-shells.ts). A page
 * is written only when the file does not already hold its very bytes, and every page is claimed as
 * this build's output (src/integrations/stale-output.ts), under its route (the build log counts it
 * there) unless it is the shell's own file, which Astro already counts. No Astro in here.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { routeShellSegments, splitRouteShell } from '../lib/route-shell.ts';
import { writeFileInPlace } from '../lib/write-in-place.ts';
import type { RoutePages } from '../lib/shell-routes.ts';
import type { SavedRouteShell } from './saved-shells.ts';
import { claimOutput } from './stale-output.ts';

/** The file of the page at `path` (`/topics/x/2/`), relative to the output folder. */
export const pageFile = (path: string): string => `${path.slice(1)}index.html`;

export interface WrittenRoute {
  route: string;
  written: number;
  unchanged: number;
}

/** The file's bytes, or null when there is no such file. */
export function readIfThere(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes `bytes` to `file` unless it holds them already; whether it wrote. */
export function writeIfChanged(file: string, bytes: Buffer): boolean {
  // A file whose size changed is written without reading it first (most pages of a rebuild).
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === bytes.length && (readIfThere(file)?.equals(bytes) ?? false)) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileInPlace(file, bytes);
  return true;
}

/**
 * Fills each route's shell (one of `shells`, rendered with the site `site`) for each of its pages
 * in `routePages` and writes them under `outDir`; `onPage` hears of each page (its file relative
 * to `outDir`) and whether it was written.
 */
export function writeShellRoutePages(
  outDir: string,
  site: string,
  shells: readonly SavedRouteShell[],
  routePages: readonly RoutePages[],
  onPage?: (file: string, written: boolean) => void,
): WrittenRoute[] {
  const files = new Set<string>();
  return routePages.map(({ route, pages }) => {
    const saved = shells.find((shell) => shell.route === route);
    if (!saved) throw new Error(`no shell of the route ${route} to write its pages from`);
    const shell = splitRouteShell(saved.html, { path: saved.shellPath, site });
    let written = 0;
    for (const page of pages) {
      const relative = pageFile(page.path);
      if (files.has(relative)) throw new Error(`two pages at ${page.path} (the second of ${route})`);
      files.add(relative);
      let html: Buffer;
      try {
        html = Buffer.from(routeShellSegments(shell, page).join(''));
      } catch (error) {
        throw new Error(`the page ${relative} of ${route} could not be made: ${(error as Error).message}`, {
          cause: error,
        });
      }
      claimOutput(relative, page.path === saved.shellPath ? undefined : route);
      const changed = writeIfChanged(join(outDir, relative), html);
      if (changed) written += 1;
      onPage?.(relative, changed);
    }
    return { route, written, unchanged: pages.length - written };
  });
}
