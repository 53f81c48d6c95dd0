/**
 * The word index of the merged search index (src/integrations/search-index-merge.ts): every
 * shard's index chunks read in word order, one chunk at a time, and written again as Pagefind
 * writes one index of every page. Only the page numbers change; positions and weights are copied
 * as bytes.
 *
 * A chunk is [[[word, [[page delta, [positions], [meta positions]] per page], []] per word]]: words
 * in byte order (Rust's order of strings), each word's pages ascending, each page written as its
 * difference from the word's previous page (the first from 0). Merged, a word's pages are the
 * shards' in shard order, and only the first page each shard contributes gets a new difference.
 * Chunks are cut as Pagefind's `chunk_index` cuts them (pagefind/src/index/mod.rs), after the word
 * that brings the chunk's count to the chunk size, counting one a page and one a position (meta
 * positions included), and also, unlike Pagefind, BEFORE a word that fills a chunk on its own. A
 * search loads, for each query word (as typed and as stemmed), the whole chunk whose range holds
 * it: with Pagefind's cut a rare word that shares a chunk with a common one loads the common one's
 * postings too ("mixtur", 32.9 KB at 50,000 papers, behind the small words of "mixa".."mixtur").
 * Every word, with its postings, is Pagefind's; only which words share a chunk differs, and with
 * it the words a query word's prefix matching finds among the chunks loaded. The ranges differ too
 * (`chunkRangeCut`): each holds every string up to the next one's start. Measured with Pagefind
 * 1.6's own search code on 44 queries at 50,000 papers: 182.8 → 152.5 KB of chunks a first search,
 * for 1,673 → 2,517 chunks (their list in the metadata 15.0 → 22.9 KB gzipped).
 */
import { join } from 'node:path';
import { CborReader, cborHead, readIndexFile } from './pagefind-cbor.ts';
import { rangeEndBefore } from '../pagefind/expand-page-list.js';

/** A shard's index chunks, in order, and the number of its first page in the merged index. */
export interface WordShard {
  folder: string;
  chunks: readonly string[];
  offset: number;
}

/** One word of one shard's index chunk, its postings kept as bytes. */
interface ShardWord {
  text: Uint8Array;
  postings: number;
  /** Pages, positions and meta positions: what Pagefind counts to cut chunks. */
  size: number;
  firstPage: number;
  lastPage: number;
  /** The first posting after its page number, and every later posting, as they are. */
  firstRest: Uint8Array;
  laterPostings: Uint8Array;
}

/** Every word of a shard's index, in order, one chunk read at a time. */
function* shardWords(shard: WordShard): Generator<ShardWord> {
  for (const chunk of shard.chunks) {
    const reader = new CborReader(readIndexFile(join(shard.folder, 'index', `${chunk}.pf_index`)));
    if (reader.array() !== 1) throw new Error(`${shard.folder}: index chunk not in Pagefind 1.6's layout`);
    const words = reader.array();
    for (let word = 0; word < words; word += 1) {
      if (reader.array() !== 3) throw new Error(`${shard.folder}: word not in Pagefind 1.6's layout`);
      const text = reader.textBytes();
      const postings = reader.array();
      let page = 0;
      let firstPage = 0;
      let size = 0;
      let firstRestStart = 0;
      let laterStart = 0;
      for (let posting = 0; posting < postings; posting += 1) {
        if (posting === 1) laterStart = reader.at;
        if (reader.array() !== 3) throw new Error(`${shard.folder}: posting not in Pagefind 1.6's layout`);
        page += reader.unsigned();
        if (posting === 0) [firstPage, firstRestStart] = [page, reader.at];
        size += reader.skipIntegers() + 1;
        size += reader.skipIntegers();
      }
      const end = reader.at;
      // What a word's third field holds is not known here; Pagefind 1.6 writes it empty.
      if (reader.array() !== 0) throw new Error(`${shard.folder}: word with data this merge does not know`);
      yield {
        text,
        postings,
        size,
        firstPage,
        lastPage: page,
        firstRest: reader.bytes.subarray(firstRestStart, postings > 1 ? laterStart : end),
        laterPostings: postings > 1 ? reader.bytes.subarray(laterStart, end) : new Uint8Array(),
      };
    }
    if (reader.at !== reader.bytes.length) throw new Error(`${shard.folder}: bytes after an index chunk`);
  }
}

/** Pagefind's `get_prefixes`: each word cut to one character (not byte) more than the two share. */
export function chunkBoundary(last: string, next: string): [string, string] {
  const a = Array.from(last);
  const b = Array.from(next);
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared += 1;
  return [a.slice(0, shared + 1).join(''), b.slice(0, shared + 1).join('')];
}

/**
 * The end of a chunk's range and the start of the next one's, such that every string between the
 * chunk's first word and the next chunk's last lies in exactly one of the two ranges: the next
 * chunk starts at the next word cut by `chunkBoundary` (as Pagefind starts it), and this chunk ends
 * just before that: that cut with its last character one lower, then the highest character.
 * Pagefind ends the range at the last word cut the same way instead, which leaves out of every
 * range the strings after that cut and before the next start: the last word itself when it is
 * longer ("across" in "achieve".."acr" before "act"), and a query word typed or stemmed there
 * ("adaptation" between "adapta" and "adapte"). For such a word Pagefind's browser code loads
 * every chunk whose range its cut prefixes match ("a".."a", 628 KB at 100,000 papers, for
 * "adaptation"), where these ranges load one chunk.
 */
export function chunkRangeCut(last: string, next: string): [string, string] {
  const [, nextFrom] = chunkBoundary(last, next);
  // The page list (src/pagefind/expand-page-list.js) leaves out an end made by the same rule.
  const end = rangeEndBefore(nextFrom);
  // None below U+0000 (no word has it): the boundary as Pagefind cuts it.
  return end === '' ? chunkBoundary(last, next) : [end, nextFrom];
}

export interface WrittenChunk {
  from: string;
  to: string;
  cbor: Buffer;
}

/**
 * The merged index chunks, cut every `chunkSize` postings as Pagefind cuts them and before a word
 * of `chunkSize` postings or more (see above), in word order:
 * the words of every shard, merged in byte order (Rust's order of strings), a word of several
 * shards getting their pages in shard order.
 */
export function* mergedChunks(shards: readonly WordShard[], chunkSize: number): Generator<WrittenChunk> {
  const cursors = shards.map((shard) => shardWords(shard));
  const heads = cursors.map((cursor) => cursor.next().value ?? null);
  let parts: Uint8Array[] = [];
  let words = 0;
  let size = 0;
  let first = '';
  let last = '';
  const decoder = new TextDecoder();
  const flush = (): WrittenChunk => {
    const chunk = { from: first, to: last, cbor: Buffer.concat([cborHead(4, 1), cborHead(4, words), ...parts]) };
    [parts, words, size] = [[], 0, 0];
    return chunk;
  };
  for (;;) {
    let lowest: Uint8Array | null = null;
    for (const head of heads)
      if (head && (lowest === null || Buffer.compare(head.text, lowest) < 0)) lowest = head.text;
    if (lowest === null) break;
    const text = lowest;
    const from: ShardWord[] = [];
    const offsets: number[] = [];
    heads.forEach((head, shard) => {
      if (head && Buffer.compare(head.text, text) === 0) {
        from.push(head);
        offsets.push(shards[shard]!.offset);
        heads[shard] = cursors[shard]!.next().value ?? null;
      }
    });
    const wordSize = from.reduce((sum, part) => sum + part.size, 0);
    if (wordSize >= chunkSize && words > 0) yield flush();
    const word = decoder.decode(text);
    if (words === 0) first = word;
    last = word;
    words += 1;
    parts.push(cborHead(4, 3), cborHead(3, text.length), text);
    parts.push(
      cborHead(
        4,
        from.reduce((sum, part) => sum + part.postings, 0),
      ),
    );
    let previous = 0;
    from.forEach((part, at) => {
      const page = offsets[at]! + part.firstPage;
      parts.push(cborHead(4, 3), cborHead(0, page - previous), part.firstRest, part.laterPostings);
      previous = offsets[at]! + part.lastPage;
    });
    parts.push(cborHead(4, 0));
    size += wordSize;
    if (size >= chunkSize) yield flush();
  }
  if (words > 0) yield flush();
}
