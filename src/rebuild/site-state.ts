/**
 * What a full build leaves for the next rebuild without Astro, beside the page shells
 * (node_modules/.cache/research-digest/site-state.json): which inputs it was built from, where it
 * wrote the site, the pages Astro made that do not depend on the papers (kept as they are), and how
 * the editorial content's paper citations resolved (a rebuild whose dumps would resolve one
 * differently needs Astro to compile that content again).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAside } from '../loaders/write-aside.ts';

export interface SiteState {
  format: 1;
  /** src/rebuild/site-inputs.ts `siteInputsKey` of the build. */
  inputsKey: string;
  /** The output folder, absolute. */
  outDir: string;
  /** Astro's `site`, for absolute addresses (canonical links, feeds). */
  site: string;
  /** Route → the files (relative to `outDir`, `/`-joined) of the routes whose pages do not depend on the papers. */
  keptRoutes: Record<string, string[]>;
  /** Each `paper:` reference of the editorial content and what it resolved to (JSON), in the order met. */
  citations: [reference: string, resolved: string][];
}

const siteStateFile = (root: string): string =>
  join(root, 'node_modules', '.cache', 'research-digest', 'site-state.json');

export function writeSiteState(root: string, state: SiteState): void {
  writeFileAside(siteStateFile(root), (pending) => writeFileSync(pending, JSON.stringify(state)));
}

/** Forgets the last build's state (a build has started: until it is done, `dist/` may be anything). */
export function removeSiteState(root: string): void {
  rmSync(siteStateFile(root), { force: true });
}

export function readSiteState(root: string): SiteState | null {
  let state: SiteState;
  try {
    state = JSON.parse(readFileSync(siteStateFile(root), 'utf8')) as SiteState;
  } catch {
    return null;
  }
  const valid =
    state !== null &&
    typeof state === 'object' &&
    state.format === 1 &&
    typeof state.inputsKey === 'string' &&
    typeof state.outDir === 'string' &&
    typeof state.site === 'string' &&
    typeof state.keptRoutes === 'object' &&
    state.keptRoutes !== null &&
    Object.values(state.keptRoutes).every(
      (files) => Array.isArray(files) && files.every((f) => typeof f === 'string'),
    ) &&
    Array.isArray(state.citations) &&
    state.citations.every(
      (pair) => Array.isArray(pair) && pair.length === 2 && pair.every((s) => typeof s === 'string'),
    );
  return valid ? state : null;
}
