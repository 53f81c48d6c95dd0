/**
 * The order in which a search shard's papers are given to Pagefind, which numbers its pages in that
 * order: by length, equal lengths in arrival order. Ranking, filters and sorts do not depend on it;
 * the page list does (src/integrations/search-page-list.ts: it writes each page's word count as its
 * difference from the previous page's, which in this order is nearly always 0 or 1; in arrival order
 * the word counts cost 1.3 bytes a page, gzipped, a third of what a first search fetched at 100,000
 * papers), and so does the order of papers that tie on the search page (src/pagefind/
 * expand-page-list.js `tieRanks`), which must be the order of Pagefind's own counts, then arrival,
 * for it not to depend on the shards. The build counts each record's words as Pagefind does; if
 * Pagefind counted otherwise, the shard is indexed again in the order of its counts. The order is
 * kept with the cached shard (`keepPageOrder`), so that a shard taken from the cache needs no count:
 * a miscount costs time, never an order.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paperUrl } from '../lib/format.ts';
import { paperSearchHtml, type SearchPaper, type SearchRecord } from '../pages/papers/_search-record.ts';
import { decodeIndexFile, type Cbor } from './pagefind-cbor.ts';

/** Elements whose edges Pagefind's text has a break at; other tags join the text on either side. */
const BLOCK_TAG =
  /<\/?(?:article|h[1-6]|p|dl|dd|dt|div|li|ul|ol|br|section|body|table|tr|td|th|blockquote|pre|figure|figcaption)\b[^>]*>/g;

/** Words in a record as Pagefind counts them (its text split at white space), or close to it. */
function estimatedWords(html: string): number {
  const body = html.slice(html.indexOf('<body>'));
  const text = body.replace(BLOCK_TAG, ' ').replace(/<[^>]*>/g, '');
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** A paper of a shard, its record, and its place in the shard's order of arrival. */
export interface ShardPage {
  paper: SearchPaper;
  record: SearchRecord;
  arrival: number;
}

/** A shard's papers (in arrival order) with their records, in arrival order. */
export function arrivalPages(papers: readonly SearchPaper[], topicNames: ReadonlyMap<string, string>): ShardPage[] {
  return papers.map((paper, arrival) => ({
    paper,
    record: { url: paperUrl(paper.id), content: paperSearchHtml(paper, topicNames) },
    arrival,
  }));
}

/** The pages by length as the build counts it, then arrival: the order they are given to Pagefind in. */
export function lengthOrder(pages: readonly ShardPage[]): ShardPage[] {
  return pages
    .map((page) => ({ page, words: estimatedWords(page.record.content) }))
    .sort((a, b) => a.words - b.words || a.page.arrival - b.page.arrival)
    .map(({ page }) => page);
}

/**
 * The pages (their places in `pages`) in order of Pagefind's word counts (`counts`, in page order),
 * equal counts in arrival order; null when `pages` are in that order already.
 */
export function countedOrder(counts: readonly number[], pages: readonly Pick<ShardPage, 'arrival'>[]): number[] | null {
  if (counts.length !== pages.length) throw new Error(`${counts.length} pages indexed, ${pages.length} given`);
  const order = pages
    .map((_, at) => at)
    .sort((a, b) => counts[a]! - counts[b]! || pages[a]!.arrival - pages[b]!.arrival);
  return order.every((at, page) => at === page) ? null : order;
}

/** Pagefind's word count of each page of the index it wrote in `folder`, in page order. */
export function writtenWordCounts(folder: string): number[] {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const [language] = Object.values(entry.languages);
  if (!language) throw new Error(`${folder}: no index`);
  const meta = decodeIndexFile(join(folder, `pagefind.${language.hash}.pf_meta`)) as Cbor[];
  return (meta[1] as Cbor[][]).map((page) => page[1] as number);
}

/**
 * Beside a cached shard's index: the order its pages were given in, as their places in arrival
 * order, so that a shard taken from the cache needs no count of its records' words.
 */
const PAGE_ORDER_FILE = 'research-digest-page-order.json';

export function keepPageOrder(folder: string, arrivals: readonly number[]): void {
  writeFileSync(join(folder, PAGE_ORDER_FILE), JSON.stringify(arrivals));
}

/** Whether `folder` (a cached shard) holds the order its pages were given in. */
export const hasPageOrder = (folder: string): boolean => existsSync(join(folder, PAGE_ORDER_FILE));

/** The order kept with a shard put in `folder` (null when none was kept), removed from the folder. */
export function takePageOrder(folder: string): number[] | null {
  const file = join(folder, PAGE_ORDER_FILE);
  if (!existsSync(file)) return null;
  const order = JSON.parse(readFileSync(file, 'utf8')) as number[];
  rmSync(file);
  return order;
}
