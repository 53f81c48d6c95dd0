/**
 * Merges the search shards (each a Pagefind index of consecutive papers, compacted by
 * src/integrations/search-index-compact.ts) into ONE Pagefind index, the one a reader's browser
 * loads: one metadata file, one index chunk per query word, relevance computed over every paper.
 * Indexing stays in shards (a Pagefind process's memory is bounded by the shard, and a rebuild
 * indexes only the shards that changed); this merge is cheap by comparison: it reads each shard's
 * files once, in word order, and rewrites only what numbers a page.
 *
 * Pagefind 1.6's files (CBOR, see src/integrations/pagefind-cbor.ts), as its writer makes them
 * (pagefind/src/index/mod.rs: `build_indexes`, `chunk_index`, `chunk_meta`, `get_prefixes`):
 * - metadata: [version, [[fragment, word count, ""] per page], [[from, to, chunk] per index
 *   chunk], [[filter, file] per filter, by name], [[sort, pages]…], [meta field…]]. Pages are
 *   numbered by their place in that list, so shard k's page n is page n + (pages of the shards
 *   before k) of the merged index; fragment names are the shards' own (each shard has its prefix),
 *   so fragments are moved, never rewritten, and a result's id still names its shard and page
 *   (src/lib/search-values.ts).
 * - index chunks: src/integrations/search-index-words.ts.
 * - filter: [filter, [[value, [page…]] per value, in byte order]], page numbers absolute.
 * The tests check that the merge of the seeds indexed in shards equals, file content for file
 * content, Pagefind's own single index of the same records (tests/search/search-index-merge.test.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeIndexFile, encodeCbor, indexFileBytes, indexFileBytesLater, type Cbor } from './pagefind-cbor.ts';
import { chunkRangeCut, mergedChunks } from './search-index-words.ts';
import { FRAGMENT_PREFIX_LENGTH } from '../lib/search-values.ts';
import { writePageList } from './search-page-list.ts';
import { patchPagefindScript } from './pagefind-script.ts';

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string; page_count: number }>;
}

interface ShardIndex {
  folder: string;
  entry: Entry;
  language: string;
  meta: Cbor[];
  /** Pages of the shards before this one: the number of this shard's first page in the merged index. */
  offset: number;
}

function readShard(folder: string, offset: number): ShardIndex {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as Entry;
  const languages = Object.entries(entry.languages);
  if (languages.length !== 1) throw new Error(`${folder}: expected one language, found ${languages.length}`);
  const [language, { hash, page_count: pageCount }] = languages[0]!;
  const meta = decodeIndexFile(join(folder, `pagefind.${hash}.pf_meta`));
  if (!Array.isArray(meta) || meta.length !== 6 || !meta.slice(1, 5).every(Array.isArray))
    throw new Error(`${folder}: metadata not in Pagefind 1.6's layout`);
  if ((meta[1] as Cbor[]).length !== pageCount) throw new Error(`${folder}: page count differs from its entry`);
  if ((meta[4] as Cbor[]).length > 0) throw new Error(`${folder}: sort keys in the index (the build keeps them out)`);
  return { folder, entry, language, meta, offset };
}

/** Byte order of UTF-8, which is Rust's order of strings (not JavaScript's, by UTF-16 units). */
const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Every shard's filters as one: each value's pages, numbered in the merged index. */
function mergedFilters(shards: readonly ShardIndex[]): Cbor[][] {
  const filters = new Map<string, Map<string, number[]>>();
  for (const shard of shards)
    for (const [name, file] of shard.meta[3] as string[][]) {
      const decoded = decodeIndexFile(join(shard.folder, 'filter', `${file!}.pf_filter`)) as [
        string,
        [string, number[]][],
      ];
      if (decoded[0] !== name) throw new Error(`${shard.folder}: filter file ${file!} is not filter ${name!}`);
      const values = filters.get(name!) ?? new Map<string, number[]>();
      filters.set(name!, values);
      for (const [value, pages] of decoded[1]) {
        const merged = values.get(value) ?? [];
        values.set(value, merged);
        for (const page of pages) merged.push(page + shard.offset);
      }
    }
  return [...filters.keys()]
    .sort(byBytes)
    .map((name) => [
      name,
      [...filters.get(name)!.keys()].sort(byBytes).map((value) => [value, filters.get(name)!.get(value)!]),
    ]);
}

const shortHash = (bytes: Uint8Array | string, length: number): string =>
  createHash('sha256').update(bytes).digest('hex').slice(0, length);

/** Index chunks being compressed at once (libuv runs four at a time). */
const CHUNKS_IN_FLIGHT = 4;

/** What makes an index: the files Pagefind wrote for one shard (the rest of a shard's folder is Pagefind's script and WebAssembly). */
export const INDEX_FILE = /^(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index|fragment|filter)$/;

/**
 * Merges the shards in `shardFolders` (in page order; the first also holds Pagefind's script and
 * WebAssembly) into one index written in `outputPath`, and removes the shard folders: their
 * fragments and Pagefind's files are moved, not copied. `chunkSize` is the postings per index
 * chunk the shards were indexed with.
 */
export async function mergeShardIndexes(
  shardFolders: readonly string[],
  outputPath: string,
  chunkSize: number,
): Promise<void> {
  if (shardFolders.length === 0) throw new Error('no search shard to merge');
  const shards: ShardIndex[] = [];
  let pages = 0;
  for (const folder of shardFolders) {
    const shard = readShard(folder, pages);
    pages += (shard.meta[1] as Cbor[]).length;
    shards.push(shard);
  }
  const [first] = shards;
  for (const shard of shards)
    if (
      shard.language !== first!.language ||
      shard.entry.version !== first!.entry.version ||
      JSON.stringify([shard.meta[0], shard.meta[5]]) !== JSON.stringify([first!.meta[0], first!.meta[5]])
    )
      throw new Error(`${shard.folder}: indexed by another Pagefind or with other fields than ${first!.folder}`);
  const language = first!.language;
  mkdirSync(join(outputPath, 'index'), { recursive: true });
  mkdirSync(join(outputPath, 'filter'), { recursive: true });
  mkdirSync(join(outputPath, 'fragment'), { recursive: true });

  // Chunk names carry a hash of every chunk (known once all are written): a name stands for one content.
  const chunks: Cbor[][] = [];
  const chunkHash = createHash('sha256');
  const wordShards = shards.map(({ folder, meta, offset }) => ({
    folder,
    chunks: (meta[2] as string[][]).map((chunk) => chunk[2]!),
    offset,
  }));
  // Compressed a few at a time on libuv's threads while the next chunks are merged.
  const writing = new Set<Promise<void>>();
  for (const chunk of mergedChunks(wordShards, chunkSize)) {
    const previous = chunks.at(-1);
    if (previous) [previous[1], chunk.from] = chunkRangeCut(previous[1] as string, chunk.from);
    chunkHash.update(chunk.cbor);
    const file = join(outputPath, 'index', `pending-${chunks.length}.pf_index`);
    const written = indexFileBytesLater(chunk.cbor).then((bytes) => writeFile(file, bytes));
    writing.add(written);
    // Settled ones leave the set; a failure is thrown by Promise.all below.
    written.then(
      () => writing.delete(written),
      () => {},
    );
    if (writing.size >= CHUNKS_IN_FLIGHT) await Promise.race(writing);
    chunks.push([chunk.from, chunk.to, '']);
  }
  await Promise.all(writing);
  const chunkPrefix = chunkHash.digest('hex').slice(0, FRAGMENT_PREFIX_LENGTH);
  chunks.forEach((chunk, number) => {
    chunk[2] = `${chunkPrefix}${number.toString(36)}`;
    renameSync(
      join(outputPath, 'index', `pending-${number}.pf_index`),
      join(outputPath, 'index', `${chunk[2]}.pf_index`),
    );
  });

  const filters = mergedFilters(shards).map((filter) => {
    const cbor = encodeCbor(filter);
    const name = `${language}_${shortHash(cbor, 7)}`;
    writeFileSync(join(outputPath, 'filter', `${name}.pf_filter`), indexFileBytes(cbor));
    return [filter[0]!, name];
  });

  const meta: Cbor[] = [
    first!.meta[0]!,
    shards.flatMap((shard) => shard.meta[1] as Cbor[]),
    chunks,
    filters,
    [],
    first!.meta[5]!,
  ];
  const metaBytes = indexFileBytes(encodeCbor(meta));
  const metaHash = `${language}_${shortHash(metaBytes, 10)}`;
  writeFileSync(join(outputPath, `pagefind.${metaHash}.pf_meta`), metaBytes);
  const pageListShards = shards.map(({ meta: shardMeta }) => ({
    prefix: ((shardMeta[1] as string[][])[0]![0] as string).slice(0, FRAGMENT_PREFIX_LENGTH),
    pages: (shardMeta[1] as Cbor[]).length,
  }));
  writePageList(outputPath, metaHash, meta, pageListShards, chunkPrefix);
  const entry = first!.entry;
  entry.languages[language] = { ...entry.languages[language]!, hash: metaHash, page_count: pages };

  // A shard's fragments are moved if it has them (those of the build's shard cache are published
  // from the cache: src/integrations/search-index-publish.ts).
  let moved = 0;
  for (const shard of shards) {
    const fragments = join(shard.folder, 'fragment');
    if (existsSync(fragments))
      for (const fragment of readdirSync(fragments)) {
        renameSync(join(fragments, fragment), join(outputPath, 'fragment', fragment));
        moved += 1;
      }
    if (shard === first)
      for (const name of readdirSync(shard.folder))
        if (!INDEX_FILE.test(name)) renameSync(join(shard.folder, name), join(outputPath, name));
    rmSync(shard.folder, { recursive: true, force: true });
  }
  // Two shards' fragments of one name would have replaced one another.
  const fragmentNames = new Set((meta[1] as string[][]).map(([fragment]) => fragment));
  if (fragmentNames.size !== pages || readdirSync(join(outputPath, 'fragment')).length !== moved)
    throw new Error(`${outputPath}: not one fragment a page after merging the search shards`);
  writeFileSync(join(outputPath, 'pagefind-entry.json'), JSON.stringify(entry));
  patchPagefindScript(outputPath);
}
