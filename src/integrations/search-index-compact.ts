/**
 * Makes a shard's Pagefind metadata (`pagefind.*.pf_meta`, which every first search loads whole)
 * smaller without changing what any search finds. Pagefind names each page's fragment by a hash of
 * its content ("en_9a5aba7") and lists that name for every page in the metadata: ten random
 * characters a page, which gzip cannot shrink (about 3.5 bytes a page, a third of the file), and
 * so for each index chunk. Here the fragments are renamed `<prefix><page number in base 36>` (and
 * the index chunks `<prefix><chunk number in base 36>`), the prefix being taken from
 * Pagefind's own hash of the metadata (which covers every fragment's hash, hence content), so a name
 * still stands for one content and a changed shard gets new names; the metadata is rewritten with
 * those names and compressed at gzip's highest level, and renamed by a hash of what it now holds
 * (the entry file names it). The page number in a result's id also lets the search page find the
 * page's sort values (src/lib/search-values.ts) without loading its fragment.
 *
 * The metadata is CBOR (pagefind_web/src/metadata.rs): [version, [[fragment, word count, …] per
 * page], [[from, to, chunk] per index chunk], [[filter, chunk] …], [[sort, [page …]] …], [meta
 * field …]]. Only definite arrays, text strings and unsigned integers occur; anything else stops
 * the build rather than guess.
 */
import { createHash } from 'node:crypto';
import { opendirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeIndexFile, encodeCbor, indexFileBytes, type Cbor } from './pagefind-cbor.ts';
// Hexadecimal digits of Pagefind's metadata hash; the search page reads a result's shard off its id.
import { FRAGMENT_PREFIX_LENGTH } from '../lib/search-values.ts';

const readMeta = (file: string): Cbor[] => {
  const meta = decodeIndexFile(file);
  if (!Array.isArray(meta) || !Array.isArray(meta[1])) throw new Error(`${file}: unexpected metadata`);
  return meta;
};

/** The fragment name of a shard's page (or index chunk): its prefix, then its number in base 36. */
const fragmentName = (prefix: string, page: number): string => `${prefix}${page.toString(36)}`;

/** Renames the files `<folder>/<name><extension>` named in `entries[…][field]` by their place in `entries`. */
function renameByNumber(entries: Cbor[][], field: number, prefix: string, folder: string, extension: string): void {
  const renamed = new Map<string, string>();
  entries.forEach((entry, number) => {
    const old = entry[field] as string;
    let name = renamed.get(old);
    if (name === undefined) {
      name = fragmentName(prefix, number);
      renameSync(join(folder, `${old}${extension}`), join(folder, `${name}${extension}`));
      renamed.set(old, name);
    }
    entry[field] = name;
  });
  if (readdirSync(folder).length !== renamed.size) throw new Error(`${folder}: files that the metadata does not name`);
}

interface Entry {
  languages: Record<string, { hash: string; page_count: number }>;
}

/**
 * Compacts the index in `folder` (one shard, as Pagefind wrote it) in place (`compactedShardPrefix`
 * reads back the prefix of its fragment names). The folder must hold one language (the digest is English).
 */
export function compactShardIndex(folder: string): void {
  const entryFile = join(folder, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as Entry;
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) throw new Error(`${folder}: expected one language, found ${languages.length}`);
  const language = languages[0]!;
  const metaFile = join(folder, `pagefind.${language.hash}.pf_meta`);
  const meta = readMeta(metaFile);
  const pages = meta[1] as Cbor[][];
  if (pages.length !== language.page_count)
    throw new Error(`${folder}: ${pages.length} pages listed, ${language.page_count} counted`);
  const prefix = createHash('sha256').update(language.hash).digest('hex').slice(0, FRAGMENT_PREFIX_LENGTH);
  // A result's id is its fragment's name, so a page's name must be its own.
  if (new Set(pages.map((page) => page[0])).size !== pages.length)
    throw new Error(`${folder}: two pages share a fragment`);
  renameByNumber(pages, 0, prefix, join(folder, 'fragment'), '.pf_fragment');
  renameByNumber(meta[2] as Cbor[][], 2, prefix, join(folder, 'index'), '.pf_index');
  const compressed = indexFileBytes(encodeCbor(meta));
  const hash = `${language.hash.split('_')[0]}_${createHash('sha256').update(compressed).digest('hex').slice(0, 10)}`;
  rmSync(metaFile);
  writeFileSync(join(folder, `pagefind.${hash}.pf_meta`), compressed);
  language.hash = hash;
  // Nothing else names a fragment or an index chunk: index and filter chunks refer to pages by number.
  writeFileSync(entryFile, JSON.stringify(entry));
}

/** The prefix of the fragment names of a shard that `compactShardIndex` compacted (read off one of them). */
export function compactedShardPrefix(folder: string): string {
  const fragments = opendirSync(join(folder, 'fragment'));
  try {
    const first = fragments.readSync();
    if (!first) throw new Error(`${folder}: no fragment`);
    return first.name.slice(0, FRAGMENT_PREFIX_LENGTH);
  } finally {
    fragments.closeSync();
  }
}
