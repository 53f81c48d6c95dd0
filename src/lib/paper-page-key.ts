/**
 * The `cacheKey` of a retired paper id's page (a paper merged into another keeps its old URL, which
 * redirects to the paper it became) for Astro's incremental build (`experimental.incrementalBuild`).
 * Astro checks the code of the page's own module graph and the config, but not what other pages put
 * in every page: with `security.csp`, each page's Content-Security-Policy lists the hashes of the
 * scripts and styles of the whole site, so a change to the search page's script must render these
 * pages again. The key therefore holds a hash of every file under `src/`. The paper pages
 * themselves have no key: they are written from a shell rendered in every build
 * (src/integrations/paper-pages.ts), each only when its bytes changed.
 */
import { join } from 'node:path';
import { treeHash } from './tree-hash.ts';

let sources: string | null = null;

/** A hash of the project's `src/` (the build runs in the project folder), made once per build. */
function sourceVersion(): string {
  // Not in the project folder: nothing to compare, so no page is ever taken from a previous build.
  sources ??= treeHash(join(process.cwd(), 'src')) ?? `unknown ${Date.now()} ${Math.random()}`;
  return sources;
}

/** The key of the page at a retired id, which redirects to `target`. */
export const redirectPageKey = (target: string): string => `redirect ${target} ${sourceVersion()}`;
