/**
 * The shells of the last build, kept for a rebuild without Astro: the paper page's, every route's of
 * src/lib/shell-routes.ts and what only Astro renders that the pages put in (the topic
 * introductions), in `node_modules/.cache/research-digest/page-shells/`:
 *
 * - `manifest.json`: `{ version, site, routes: [{ route, shellPath, file }], topicIntros: file, paperPageShell: file }`
 * - one `.html` file a shell, as Astro rendered it (markers and all), and `topic-intros.json`
 *   (topic id → the introduction's HTML).
 *
 * The set is deleted when a build starts and written whole when it is done (into a folder beside it,
 * renamed into place), so a build that fails leaves none, never half of one; deleting it only costs
 * a rebuild its shortcut. No Astro in here: the rebuild imports it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedByAstro } from '../lib/shell-routes.ts';

const VERSION = 3;

/** The folder of the saved shells of the project at `root`. */
export const savedShellsFolder = (root: string): string =>
  join(root, 'node_modules', '.cache', 'research-digest', 'page-shells');

/** A route's shell as Astro rendered it, and where. */
export interface SavedRouteShell {
  route: string;
  /** The address it was rendered at (src/lib/shell-routes.ts `shellPath`). */
  shellPath: string;
  html: string;
}

export interface SavedShells extends RenderedByAstro {
  /** `Astro.site` of the build: the shells' absolute addresses are made with it. */
  site: string;
  routes: SavedRouteShell[];
  /** The paper page's shell (src/lib/paper-page-shell.ts). */
  paperPageShell: string;
}

interface Manifest {
  version: number;
  site: string;
  routes: { route: string; shellPath: string; file: string }[];
  topicIntros: string;
  paperPageShell: string;
}

const INTROS_FILE = 'topic-intros.json';
const PAPER_PAGE_FILE = 'paper-page.html';

/** Writes the set whole into `folder`, replacing any there. */
export function saveShells(folder: string, saved: SavedShells): void {
  const staging = `${folder}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const manifest: Manifest = {
      version: VERSION,
      site: saved.site,
      routes: saved.routes.map(({ route, shellPath }, at) => ({ route, shellPath, file: `route-${at}.html` })),
      topicIntros: INTROS_FILE,
      paperPageShell: PAPER_PAGE_FILE,
    };
    writeFileSync(join(staging, PAPER_PAGE_FILE), saved.paperPageShell);
    saved.routes.forEach(({ html }, at) => writeFileSync(join(staging, manifest.routes[at]!.file), html));
    writeFileSync(join(staging, INTROS_FILE), JSON.stringify(Object.fromEntries(saved.topicIntros)));
    // The manifest last: a folder without one is not a set.
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 1));
    rmSync(folder, { recursive: true, force: true });
    renameSync(staging, folder);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export function removeSavedShells(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/** The set the last build saved in `folder`, or null when there is none (or one of another version, or incomplete). */
export function loadSavedShells(folder: string): SavedShells | null {
  const manifestFile = join(folder, 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.version !== VERSION) return null;
    const read = (file: string) => readFileSync(join(folder, file), 'utf8');
    return {
      site: manifest.site,
      routes: manifest.routes.map(({ route, shellPath, file }) => ({ route, shellPath, html: read(file) })),
      topicIntros: new Map(Object.entries(JSON.parse(read(manifest.topicIntros)) as Record<string, string>)),
      paperPageShell: read(manifest.paperPageShell),
    };
  } catch {
    return null;
  }
}
