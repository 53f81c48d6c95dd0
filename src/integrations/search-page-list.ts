/**
 * The page list: what a reader's browser fetches instead of Pagefind's metadata
 * (`pagefind.<hash>.pf_meta`, which every first search loads whole: 394 KB at 100,000 papers).
 * Most of the metadata is a list of every page's fragment name and word count (3.9 bytes a page,
 * gzipped). Here the names are not written (they follow from the shard's prefix and the page's
 * number, src/integrations/search-index-compact.ts), nor the index chunks' (their prefix and number),
 * nor the end of a chunk's range where it follows from the next one's start, and each word count
 * is written as its difference from the previous page's: a shard's pages are indexed in order of
 * their length (src/integrations/search-shard-index.ts), so the differences are
 * nearly all 0 or 1. Pagefind's script, patched at build (src/integrations/pagefind-script.ts),
 * makes the metadata again from it in the browser (src/pagefind/expand-page-list.js), byte for byte.
 * The metadata file stays beside it, for tools and as the script's fallback.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_LIST_FORMAT, rangeEndBefore } from '../pagefind/expand-page-list.js';
import { encodeCbor, indexFileBytes, type Cbor } from './pagefind-cbor.ts';

/** A shard of the merged index: the prefix of its fragments' names and its number of pages. */
export interface PageListShard {
  prefix: string;
  pages: number;
}

/**
 * The page list's file name for the metadata named `pagefind.<hash>.pf_meta`, with the list's format
 * (the service worker keeps a file whose name it knows: a new format must come under a new name).
 */
export const pageListFile = (metaHash: string): string => `pagefind.${metaHash}.v${PAGE_LIST_FORMAT}.pf_pages`;

const zigzag = (delta: number): number => (delta >= 0 ? 2 * delta : -2 * delta - 1);

/**
 * The page list (CBOR) of the merged metadata `meta`, whose pages are `shards`' in order and whose
 * index chunks are named `<chunkPrefix><number in base 36>`. Throws if a name does not follow from
 * those: the browser would then load other fragments than the metadata names.
 */
export function pageListOf(meta: readonly Cbor[], shards: readonly PageListShard[], chunkPrefix: string): Cbor {
  const pages = meta[1] as [string, number, string][];
  const chunks = meta[2] as [string, string, string][];
  const list: Cbor[] = [];
  let page = 0;
  for (const { prefix, pages: count } of shards) {
    const deltas: number[] = [];
    let previous = 0;
    for (let number = 0; number < count; number += 1, page += 1) {
      const [fragment, words, group] = pages[page] ?? [];
      if (fragment !== `${prefix}${number.toString(36)}` || group !== '' || words === undefined)
        throw new Error(
          `search page list: page ${page} (${String(fragment)}) is not page ${number} of shard ${prefix}`,
        );
      deltas.push(zigzag(words - previous));
      previous = words;
    }
    list.push([prefix, deltas]);
  }
  if (page !== pages.length) throw new Error(`search page list: ${pages.length} pages, the shards hold ${page}`);
  const ranges: string[] = [];
  chunks.forEach(([from, to, name], number) => {
    if (name !== `${chunkPrefix}${number.toString(36)}`)
      throw new Error(`search page list: index chunk ${number} is named ${name}`);
    // '' stands for an end that follows from the next start: no real end may be ''.
    if (to === '') throw new Error(`search page list: index chunk ${number} has an empty range end`);
    const next = chunks[number + 1];
    ranges.push(from, next && to === rangeEndBefore(next[0]) ? '' : to);
  });
  return [PAGE_LIST_FORMAT, meta[0]!, list, chunkPrefix, ranges, meta[3]!, meta[4]!, meta[5]!];
}

/** Writes the page list of the metadata named `metaHash` into `outputPath`. */
export function writePageList(
  outputPath: string,
  metaHash: string,
  meta: readonly Cbor[],
  shards: readonly PageListShard[],
  chunkPrefix: string,
): void {
  writeFileSync(
    join(outputPath, pageListFile(metaHash)),
    indexFileBytes(encodeCbor(pageListOf(meta, shards, chunkPrefix))),
  );
}
