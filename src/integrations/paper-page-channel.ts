/**
 * The hand-off between the paper page route (src/pages/papers/[id].astro) and the integration that
 * writes the paper pages from its shell (src/integrations/paper-pages.ts). The integration says,
 * when a build starts, that it will write them; the route then has Astro render the shell only and
 * publishes what each page needs. Without the integration (`astro dev`, or a config without it),
 * the route has Astro render every paper page itself.
 *
 * It travels through `globalThis`, as src/integrations/corpus-channel.ts does, for the same reason:
 * the route runs in the build's bundle, the integration with the config.
 */
import type { PaperPageParts } from '../lib/paper-page-shell.ts';
import { paperPageParts, type PaperPageData } from '../lib/paper-page-html.ts';
import { paperPageDataKey } from '../lib/paper-page-key.ts';

export interface PaperPageSource {
  /** The papers whose pages this build writes (in a build of one shard, that shard's), by id. */
  ids: readonly string[];
  /** One page's parts, made when it is written. */
  parts: (id: string) => PaperPageParts;
  /** The key of the data one page is made of (src/lib/paper-page-key.ts `paperPageDataKey`), kept in the output record. */
  key: (id: string) => string;
  /**
   * Whether a page whose key and file are the recorded ones is left without making its parts: only
   * in a rebuild without Astro, whose code and shell are those that made the recorded pages
   * (src/rebuild/); a build through Astro may have other code, and makes and compares every page.
   */
  reuseByKey: boolean;
}

/**
 * The pages of `ids` made from the site data: the full build's route and a rebuild without Astro
 * publish the same parts and keys, so that a key the one records means the same to the other.
 */
export function paperPageSource(data: PaperPageData, ids: readonly string[], reuseByKey: boolean): PaperPageSource {
  return {
    ids,
    parts: (id) => paperPageParts(data, data.byId.get(id)!),
    key: (id) => paperPageDataKey(data, data.byId.get(id)!),
    reuseByKey,
  };
}

const WRITER = Symbol.for('research-digest.paper-page-writer');
const SOURCE = Symbol.for('research-digest.paper-page-source');
type Channel = { [WRITER]?: true; [SOURCE]?: PaperPageSource };

/** Called by the integration when a build starts: whether it will write the paper pages from the shell. */
export function startPaperPageBuild(fromShell: boolean): void {
  const channel = globalThis as Channel;
  delete channel[SOURCE];
  if (fromShell) channel[WRITER] = true;
  else delete channel[WRITER];
}

/** Called by the integration when it has written the paper pages (or could not). */
export function finishPaperPageBuild(): void {
  const channel = globalThis as Channel;
  delete channel[WRITER];
  delete channel[SOURCE];
}

/** Whether this build's paper pages are written from the shell, not rendered by Astro one by one. */
export const paperPagesFromShell = (): boolean => (globalThis as Channel)[WRITER] === true;

/** Called by the route in a build whose paper pages are written from the shell. */
export function publishPaperPages(source: PaperPageSource): void {
  (globalThis as Channel)[SOURCE] = source;
}

export const publishedPaperPages = (): PaperPageSource | null => (globalThis as Channel)[SOURCE] ?? null;

/** The route whose pages are written from its shell, as Astro names it (the build log counts them under it). */
export const PAPER_PAGE_ROUTE = '/papers/[id]';
