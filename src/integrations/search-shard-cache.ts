/**
 * The written files of each search shard, kept between builds in
 * `node_modules/.cache/research-digest/search-shards/<key>/`. The key is a hash of everything that
 * decides the shard's files: its records (URL and HTML, in arrival order: the order they are
 * indexed in is a function of them, kept with the shard), the Pagefind version, the
 * index chunk size and this code's version. A shard whose key is cached is hard-linked, not indexed
 * again. Deleting the folder only costs time.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchRecord } from '../pages/papers/_search-record.ts';

/** Raise when the way a shard is indexed changes (its records aside, which the key holds). */
const SHARD_CODE_VERSION = '4';

export function shardCacheKey(records: readonly SearchRecord[], pagefindVersion: string, chunkSize: string): string {
  const hash = createHash('sha256').update(`${SHARD_CODE_VERSION}\0${pagefindVersion}\0${chunkSize}\0`);
  for (const record of records) hash.update(record.url).update('\0').update(record.content).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * Recreates the folders of `from` in `to` with a hard link to each file (a copy where links fail,
 * across devices say), less the folders of `skip` (names at the top).
 */
function linkTree(from: string, to: string, skip: ReadonlySet<string> = new Set()): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
  }
}

export class ShardCache {
  // Not a parameter property: the indexing thread runs this file with Node's type stripping.
  private readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  /** The cached shard's folder (its files as Pagefind wrote and the build compacted them). */
  entry(key: string): string {
    return join(this.directory, key);
  }

  /**
   * Puts the cached shard's files into `target` (merged with what is there), its fragments only
   * with `fragments`; false when not cached. Hard links, not copies (thousands of files a shard: copying them was most of a
   * rebuild's indexing time at 50,000 papers): the build only adds, renames and deletes files in
   * `target`, never writes into one, so the cached files stay as they were. The same holds for the
   * fragments published into `dist/pagefind/fragment/` (src/integrations/search-index-publish.ts):
   * they are the cache's files, so nothing may edit one in place.
   */
  restore(key: string, target: string, options: { fragments: boolean } = { fragments: true }): boolean {
    if (!existsSync(this.entry(key))) return false;
    linkTree(this.entry(key), target, options.fragments ? undefined : new Set(['fragment']));
    return true;
  }

  /** The cached shard's fragments (src/integrations/search-index-publish.ts links them into the site). */
  fragmentFolder(key: string): string {
    return join(this.entry(key), 'fragment');
  }

  /** Writes a shard with `write(folder)` and keeps it; a build stopped midway leaves no entry. */
  async store(key: string, write: (folder: string) => Promise<void>): Promise<void> {
    const pending = join(this.directory, `${key}.pending-${process.pid}`);
    rmSync(pending, { recursive: true, force: true });
    mkdirSync(this.directory, { recursive: true });
    await write(pending);
    rmSync(this.entry(key), { recursive: true, force: true });
    renameSync(pending, this.entry(key));
  }

  /** Removes every entry but `keep` (the shards of the latest build), so the cache stays one index big. */
  prune(keep: ReadonlySet<string>): void {
    if (!existsSync(this.directory)) return;
    for (const name of readdirSync(this.directory))
      if (!keep.has(name)) rmSync(join(this.directory, name), { recursive: true, force: true });
  }
}
