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
import { gunzipSync, gzipSync } from 'node:zlib';

type Cbor = number | string | Cbor[];

const SIGNATURE = 'pagefind_dcd';

function decode(bytes: Uint8Array): Cbor {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = (): Cbor => {
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const info = initial & 31;
    let value: number;
    if (info < 24) value = info;
    else if (info === 24) value = bytes[at++]!;
    else if (info === 25) {
      value = view.getUint16(at);
      at += 2;
    } else if (info === 26) {
      value = view.getUint32(at);
      at += 4;
    } else throw new Error(`unexpected CBOR length ${info} at byte ${at - 1}`);
    if (major === 0) return value;
    if (major === 3) {
      const text = new TextDecoder().decode(bytes.subarray(at, at + value));
      at += value;
      return text;
    }
    if (major === 4) return Array.from({ length: value }, read);
    throw new Error(`unexpected CBOR type ${major} at byte ${at - 1}`);
  };
  const value = read();
  if (at !== bytes.length) throw new Error(`${bytes.length - at} bytes after the CBOR value`);
  return value;
}

function encode(value: Cbor): Buffer {
  const parts: Uint8Array[] = [];
  const head = (major: number, length: number) => {
    if (length < 24) parts.push(Uint8Array.of((major << 5) | length));
    else if (length < 0x100) parts.push(Uint8Array.of((major << 5) | 24, length));
    else if (length < 0x10000) parts.push(Uint8Array.of((major << 5) | 25, length >> 8, length & 0xff));
    else {
      const bytes = new Uint8Array(5);
      bytes[0] = (major << 5) | 26;
      new DataView(bytes.buffer).setUint32(1, length);
      parts.push(bytes);
    }
  };
  const write = (item: Cbor) => {
    if (typeof item === 'number') return head(0, item);
    if (typeof item === 'string') {
      const text = new TextEncoder().encode(item);
      head(3, text.length);
      return parts.push(text);
    }
    head(4, item.length);
    item.forEach(write);
  };
  write(value);
  return Buffer.concat(parts);
}

const readMeta = (file: string): Cbor[] => {
  const raw = gunzipSync(readFileSync(file));
  if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${file}: not Pagefind metadata`);
  const meta = decode(raw.subarray(SIGNATURE.length));
  if (!Array.isArray(meta) || !Array.isArray(meta[1])) throw new Error(`${file}: unexpected metadata`);
  return meta;
};

/** Length of the prefix of every fragment name (hexadecimal digits of Pagefind's metadata hash). */
const FRAGMENT_PREFIX_LENGTH = 6;

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
  const compressed = gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encode(meta)]), { level: 9 });
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
