/**
 * Keeps what the search vocabulary reads of each paper (src/lib/vocabulary-terms.ts) in
 * `node_modules/.cache/research-digest/search-vocabulary.bin`, keyed per paper by a hash of its
 * title and abstract, so that a rebuild after a new dump reads only the new and changed papers'
 * texts (reading all 10,000 papers' words was ~5 s of a thread's CPU in a rebuild, beside the
 * related papers on the same two cores). The vocabulary is the same with or without the file.
 *
 * As the reading aids' cache (src/lib/reading-aids-cache.ts): the papers of the last build only,
 * under a hash of the code that reads them and of Node's version (its Unicode tables decide what a
 * letter is), in the format of src/lib/cache-file.ts. Plain erasable TypeScript: the vocabulary's
 * worker thread runs it as it is.
 */
import {
  aligned,
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
  bytesOf,
} from './cache-file.ts';
import { buildVocabulary, vocabularyOfTerms } from './search-vocabulary.ts';
import { PackedListsReader } from './text-derivations.ts';
import { filesHash } from './tree-hash.ts';
import type { Vocabulary } from './vocabulary-text.ts';
import {
  VocabularyTermsWriter,
  wellFormedTermTables,
  type VocabularyPaper,
  type VocabularyTermTables,
} from './vocabulary-terms.ts';

export interface SearchVocabularyCache {
  /** The cache file. */
  file: string;
  /** src/lib/ of the project, whose reading code keys the file. */
  codeDirectory: string;
}

const MAGIC = 'research-digest search vocabulary 1\n';
/** The modules (relative to src/lib/) whose rules decide what is read of a paper, and the file's format. */
export const READING_CODE = [
  'vocabulary-terms.ts',
  'vocabulary-text.ts',
  '../ingest/ascii.ts',
  '../scripts/search-terms.ts',
  'text-derivations.ts',
  'search-vocabulary-cache.ts',
  'cache-file.ts',
];

interface CacheContents {
  hashes: Buffer;
  terms: VocabularyTermTables;
}

function encode(code: string, { hashes, terms }: CacheContents): Buffer[] {
  const header = Buffer.from(JSON.stringify({ code, papers: hashes.length / TEXT_HASH_BYTES }));
  return encodeCacheFile(MAGIC, [
    header,
    hashes,
    joinStrings(terms.strings),
    bytesOf(terms.papers.starts),
    bytesOf(terms.papers.bytes),
  ]);
}

function read(file: string, code: string): CacheContents | null {
  const bytes = readCacheFile(file);
  return bytes && decodeOrNull(() => decode(bytes, code));
}

function decode(bytes: Buffer, code: string): CacheContents | null {
  const parts = decodeCacheFile(bytes, MAGIC, 5);
  if (!parts) return null;
  const header = JSON.parse(parts[0]!.toString('utf8')) as { code: string; papers: number };
  if (header.code !== code || parts[1]!.length !== header.papers * TEXT_HASH_BYTES || parts[3]!.length % 4 !== 0)
    return null;
  const terms: VocabularyTermTables = {
    strings: splitStrings(parts[2]!),
    papers: {
      starts: new Uint32Array(aligned(parts[3]!)),
      bytes: new Uint8Array(parts[4]!.buffer, parts[4]!.byteOffset, parts[4]!.byteLength),
    },
  };
  return wellFormedTermTables(terms, header.papers) ? { hashes: parts[1]!, terms } : null;
}

export interface CachedVocabulary {
  vocabulary: Vocabulary;
  /** Papers whose words came from the file (their texts were not read). */
  replayed: number;
  /** Whether the file was written (not when it held exactly these papers). */
  written: boolean;
}

/** `buildVocabulary`, reading only the papers the file does not hold, and leaving this build's papers in it. */
export function buildVocabularyCached(
  papers: readonly VocabularyPaper[],
  topicNames: ReadonlyMap<string, string>,
  cache: SearchVocabularyCache,
): CachedVocabulary {
  const codeHash = filesHash(cache.codeDirectory, READING_CODE);
  const code = codeHash && `${codeHash} node ${process.version}`;
  const prior = code ? read(cache.file, code) : null;
  const hashes = Buffer.concat(papers.map(paperTextHash));
  const priorIndex = priorIndexes(hashes, prior?.hashes ?? null);
  const writer = new VocabularyTermsWriter();
  // Without a file every paper is read (every `priorIndex` is -1).
  const reader = new PackedListsReader(prior?.terms.papers ?? { bytes: new Uint8Array(0), starts: new Uint32Array(1) });
  const remap = new Int32Array(prior?.terms.strings.length ?? 0).fill(-1);
  let replayed = 0;
  papers.forEach((paper, index) => {
    const at = priorIndex[index]!;
    if (at < 0) writer.read(paper);
    else {
      writer.replay(prior!.terms, reader, at, remap);
      replayed += 1;
    }
  });
  const terms = writer.finish();
  const unchanged = holdsExactly(prior?.hashes ?? null, priorIndex);
  if (code && !unchanged) writeCacheFile(cache.file, encode(code, { hashes, terms }));
  return { vocabulary: vocabularyOfTerms(terms, papers, topicNames), replayed, written: code !== null && !unchanged };
}

/** The vocabulary, through the cache when there is one (`cache` undefined: none kept). */
export function vocabularyWithCache(
  papers: readonly VocabularyPaper[],
  topicNames: ReadonlyMap<string, string>,
  cache: SearchVocabularyCache | undefined,
): Vocabulary {
  return cache ? buildVocabularyCached(papers, topicNames, cache).vocabulary : buildVocabulary(papers, topicNames);
}
