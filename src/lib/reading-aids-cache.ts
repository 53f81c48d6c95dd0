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
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { writeFileAside } from '../loaders/write-aside.ts';
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
/** The modules whose rules decide what is derived from a paper's texts. */
const DERIVING_CODE = [
  'text-terms.ts',
  'word-stream.ts',
  'term-counts.ts',
  'phrase-keys.ts',
  'text-derivations.ts',
  'reading-aids-cache.ts',
];
const HASH_BYTES = 16;

/** The per-paper key: a hash of the title and abstract (as bytes: a string of 16 Latin-1 chars). */
function textHash(paper: ReadingAidPaper): Buffer {
  return createHash('sha1').update(paper.title).update('\0').update(paper.abstract).digest().subarray(0, HASH_BYTES);
}

interface CacheContents {
  hashes: Buffer;
  terms: TermTables;
  keys: KeyTables;
}

const joinStrings = (strings: readonly string[]) => Buffer.from(strings.join('\n'), 'utf8');
const splitStrings = (bytes: Buffer) => (bytes.length === 0 ? [] : bytes.toString('utf8').split('\n'));
const bytesOf = (array: Int32Array | Uint32Array | Uint8Array) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength);

function encode(code: string, contents: CacheContents): Buffer[] {
  const { hashes, terms, keys } = contents;
  const header = Buffer.from(JSON.stringify({ code, papers: hashes.length / HASH_BYTES }));
  const parts = [
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
  ];
  const chunks: Buffer[] = [Buffer.from(MAGIC)];
  for (const part of parts) chunks.push(bytesOf(new Uint32Array([part.length])), part);
  let checksum = 0;
  for (const chunk of chunks) checksum = crc32(chunk, checksum);
  chunks.push(bytesOf(new Uint32Array([checksum])));
  return chunks;
}

/** A copy with its own aligned buffer, for a typed array of 32-bit numbers. */
const aligned = (bytes: Buffer) => new Uint8Array(bytes).buffer;

/** The file's contents when it is whole and written by this code for `papers` papers' worth, else null. */
function decode(file: Buffer, code: string): CacheContents | null {
  const magic = Buffer.from(MAGIC);
  if (file.length < magic.length + 4 || !file.subarray(0, magic.length).equals(magic)) return null;
  const body = file.length - 4;
  if (crc32(file.subarray(0, body)) !== file.readUInt32LE(body)) return null;
  const parts: Buffer[] = [];
  for (let at = magic.length; at < body;) {
    const length = file.readUInt32LE(at);
    if (at + 4 + length > body) return null;
    parts.push(file.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  if (parts.length !== 11) return null;
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
    hashes.length === papers * HASH_BYTES &&
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
  try {
    return decode(readFileSync(file), code);
  } catch {
    // Not written yet, or unreadable: every paper is read.
    return null;
  }
}

function write(file: string, chunks: readonly Buffer[]): void {
  try {
    writeFileAside(file, (pending) => {
      const fd = openSync(pending, 'w');
      try {
        for (const chunk of chunks) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
    });
  } catch {
    // A read-only checkout still builds; it only reads every paper each time.
  }
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
  const hashes = Buffer.concat(papers.map(textHash));
  const priorIndexOf = new Map<string, number>();
  if (prior)
    for (let index = 0; index < prior.hashes.length / HASH_BYTES; index++)
      priorIndexOf.set(prior.hashes.toString('latin1', index * HASH_BYTES, (index + 1) * HASH_BYTES), index);
  const priorIndex = Int32Array.from(
    papers,
    (_, index) => priorIndexOf.get(hashes.toString('latin1', index * HASH_BYTES, (index + 1) * HASH_BYTES)) ?? -1,
  );
  const memo: ReadingAidsMemo = {
    terms: { prior: prior?.terms ?? null, priorIndex },
    keys: { prior: prior?.keys ?? null, priorIndex },
  };
  return {
    memo,
    finish: (aids) => {
      const unchanged =
        prior !== null && prior.hashes.length === hashes.length && priorIndex.every((index) => index >= 0);
      if (!unchanged) write(cache.file, encode(code, { hashes, terms: memo.terms.made!, keys: memo.keys.made! }));
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
