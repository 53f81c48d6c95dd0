/**
 * Keeps what the reading aids derive from each paper's title and abstract alone
 * (src/lib/text-derivations.ts) in `node_modules/.cache/research-digest/reading-aids.bin`, keyed
 * per paper by a hash of its title and abstract, so that a rebuild after a new dump reads only the
 * new and changed papers' texts word by word. The aids are the same with or without the file.
 *
 * The file holds the papers of the last build only (it is written again when the papers changed),
 * under a hash of the code that derives (a change to the word rules makes it foreign), with a
 * checksum: a file that is foreign, truncated or corrupt is ignored without a word, as the other
 * caches are, and written anew; deleting it only costs time. It is binary (a string table and
 * variable-length integers, ~1 KB a paper): JSON would be several times larger and slower to read.
 */
import {
  aligned,
  bytesOf,
  decodeCacheFile,
  decodeOrNull,
  encodeCacheFile,
  holdsExactly,
  joinStrings,
  paperTextHash,
  priorIndexes,
  readCacheFile,
  splitStrings,
  TEXT_HASH_BYTES,
  writeCacheFile,
} from './cache-file.ts';
import { filesHash } from './tree-hash.ts';
import {
  readingAids,
  readingAidsWithHelper,
  type ReadingAidPaper,
  type ReadingAids,
  type ReadingAidsMemo,
} from './reading-aids.ts';
import type { KeyTables, PackedLists, TermTables } from './text-derivations.ts';

export interface ReadingAidsCache {
  /** The cache file. */
  file: string;
  /** src/lib/ of the project, whose derivation code keys the file. */
  codeDirectory: string;
}

const MAGIC = 'research-digest reading aids 1\n';
/** The modules whose rules decide what is derived from a paper's texts, and the file's format. */
const DERIVING_CODE = [
  'text-terms.ts',
  'word-stream.ts',
  'term-counts.ts',
  'phrase-keys.ts',
  'text-derivations.ts',
  'reading-aids-cache.ts',
  'cache-file.ts',
];

interface CacheContents {
  hashes: Buffer;
  terms: TermTables;
  keys: KeyTables;
}

function encode(code: string, contents: CacheContents): Buffer[] {
  const { hashes, terms, keys } = contents;
  const header = Buffer.from(JSON.stringify({ code, papers: hashes.length / TEXT_HASH_BYTES }));
  return encodeCacheFile(MAGIC, [
    header,
    hashes,
    joinStrings(terms.words),
    bytesOf(terms.termWords),
    bytesOf(terms.papers.starts),
    bytesOf(terms.papers.bytes),
    joinStrings(keys.parts),
    bytesOf(keys.nodeParents),
    bytesOf(keys.nodeParts),
    bytesOf(keys.papers.starts),
    bytesOf(keys.papers.bytes),
  ]);
}

/** The file's contents when it is whole and written by this code, else null. */
function decode(file: Buffer, code: string): CacheContents | null {
  const parts = decodeCacheFile(file, MAGIC, 11);
  if (!parts) return null;
  const header = JSON.parse(parts[0]!.toString('utf8')) as { code: string; papers: number };
  if (header.code !== code) return null;
  const lists = (starts: Buffer, bytes: Buffer): PackedLists => ({
    starts: new Uint32Array(aligned(starts)),
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
  const contents: CacheContents = {
    hashes: parts[1]!,
    terms: {
      words: splitStrings(parts[2]!),
      termWords: new Int32Array(aligned(parts[3]!)),
      papers: lists(parts[4]!, parts[5]!),
    },
    keys: {
      parts: splitStrings(parts[6]!),
      nodeParents: new Int32Array(aligned(parts[7]!)),
      nodeParts: new Int32Array(aligned(parts[8]!)),
      papers: lists(parts[9]!, parts[10]!),
    },
  };
  return consistent(contents, header.papers) ? contents : null;
}

/** Whether the tables' numbers point where they may (the checksum aside, a replay must not loop or read beyond them). */
function consistent({ hashes, terms, keys }: CacheContents, papers: number): boolean {
  const listsFit = ({ starts, bytes }: PackedLists) =>
    starts.length === papers + 1 &&
    starts[0] === 0 &&
    starts[papers] === bytes.length &&
    starts.every((start, index) => index === 0 || start >= starts[index - 1]!);
  const nodes = keys.nodeParents.length;
  return (
    hashes.length === papers * TEXT_HASH_BYTES &&
    listsFit(terms.papers) &&
    listsFit(keys.papers) &&
    terms.termWords.every(
      (word, index) => word < terms.words.length && (word >= 0 || (index % 2 === 1 && word === -1)),
    ) &&
    keys.nodeParts.length === nodes &&
    keys.nodeParents.every((parent, node) => node === 0 || (parent >= 0 && parent < node)) &&
    keys.nodeParts.every((part, node) => node === 0 || (part >= 0 && part < keys.parts.length))
  );
}

function read(file: string, code: string): CacheContents | null {
  const bytes = readCacheFile(file);
  return bytes && decodeOrNull(() => decode(bytes, code));
}

export interface CachedReadingAids {
  aids: ReadingAids;
  /** Papers whose derivations came from the cache (their texts were not read). */
  replayed: number;
  /** Whether the cache was written (not when it held exactly these papers). */
  written: boolean;
}

/** `readingAids`, reading only the papers the cache does not hold, and leaving this build's papers in it. */
export function readingAidsCached(
  papers: readonly ReadingAidPaper[],
  topicIds: readonly string[],
  cache: ReadingAidsCache,
): CachedReadingAids {
  const opened = openCache(papers, cache);
  return opened.finish(readingAids(papers, topicIds, opened.memo));
}

/** `readingAidsCached` with a second thread for the related papers (`readingAidsWithHelper`). */
export async function readingAidsCachedWithHelper(
  papers: readonly ReadingAidPaper[],
  topicIds: readonly string[],
  cache: ReadingAidsCache,
  helperFile: string,
): Promise<CachedReadingAids> {
  const opened = openCache(papers, cache);
  return opened.finish(await readingAidsWithHelper(papers, topicIds, opened.memo, helperFile));
}

/** What the cache holds of `papers` (`memo`), and how to keep this build's derivations once the aids are made. */
function openCache(
  papers: readonly ReadingAidPaper[],
  cache: ReadingAidsCache,
): { memo: ReadingAidsMemo | undefined; finish: (aids: ReadingAids) => CachedReadingAids } {
  const code = filesHash(cache.codeDirectory, DERIVING_CODE);
  if (code === null) return { memo: undefined, finish: (aids) => ({ aids, replayed: 0, written: false }) };
  const prior = read(cache.file, code);
  const hashes = Buffer.concat(papers.map(paperTextHash));
  const priorIndex = priorIndexes(hashes, prior?.hashes ?? null);
  const memo: ReadingAidsMemo = {
    terms: { prior: prior?.terms ?? null, priorIndex },
    keys: { prior: prior?.keys ?? null, priorIndex },
  };
  return {
    memo,
    finish: (aids) => {
      const unchanged = holdsExactly(prior?.hashes ?? null, priorIndex);
      if (!unchanged)
        writeCacheFile(cache.file, encode(code, { hashes, terms: memo.terms.made!, keys: memo.keys.made! }));
      return { aids, replayed: priorIndex.filter((index) => index >= 0).length, written: !unchanged };
    },
  };
}

/**
 * The reading aids, through the cache when there is one (`cache` undefined: none kept), with a
 * second thread for the related papers when `helperFile` (src/lib/related-scoring-worker.ts) is given.
 */
export function readingAidsWithCache(
  papers: readonly ReadingAidPaper[],
  topicIds: readonly string[],
  cache: ReadingAidsCache | undefined,
  helperFile?: string,
): ReadingAids | Promise<ReadingAids> {
  if (helperFile === undefined)
    return cache ? readingAidsCached(papers, topicIds, cache).aids : readingAids(papers, topicIds);
  if (cache) return readingAidsCachedWithHelper(papers, topicIds, cache, helperFile).then(({ aids }) => aids);
  return readingAidsWithHelper(papers, topicIds, undefined, helperFile);
}
