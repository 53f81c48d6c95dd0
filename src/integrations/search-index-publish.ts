/**
 * Puts a merged search index into the site's `pagefind/` folder. Its fragments, one file a paper
 * (50,000 at 50,000 papers), are the cached shards' files (src/integrations/search-shard-cache.ts)
 * and are not staged with the rest: each is hard-linked into `pagefind/fragment/` from its shard's
 * cache entry, unless the file there already is that very file (same inode: linked by an earlier
 * build), and the fragments of shards no longer in the index are deleted. A rebuild after a dump
 * thus touches the fragments of the shards it indexed again, where replacing the whole folder
 * linked, renamed and deleted every fragment of the site (~4 s at 50,000 papers on a busy machine).
 * Everything else of the index (metadata, index chunks, filters, Pagefind's script) is small, and
 * replaced whole from the staging folder.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';

const FRAGMENTS = 'fragment';

/** The file's identity (device and inode), '' for what is not a file, or null when there is nothing. */
function identity(file: string): string | null {
  try {
    const stat = lstatSync(file);
    return stat.isFile() ? `${stat.dev}:${stat.ino}` : '';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Renames `from` to `to`, or copies and removes it where a rename cannot cross devices. */
export function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Makes `target` the index staged in `staging` (which it removes) with the fragments of
 * `fragmentFolders` (each a cached shard's `fragment/` folder) and those a merge staged; returns how
 * many fragment files it wrote (linked or copied) and deleted. Fragments not one a page (`pages`:
 * a shard's cache entry missing one, or holding a stray file; two shards with a fragment of one
 * name) are an error, found before `target` is touched.
 */
export function publishSearchIndex(
  staging: string,
  target: string,
  fragmentFolders: readonly string[],
  pages: number,
): { written: number; deleted: number } {
  const sources = new Map<string, string>();
  const stagedFragments = join(staging, FRAGMENTS);
  const folders = existsSync(stagedFragments) ? [...fragmentFolders, stagedFragments] : fragmentFolders;
  for (const folder of folders)
    for (const name of readdirSync(folder)) {
      if (sources.has(name)) throw new Error(`two search shards have a fragment named ${name}`);
      sources.set(name, join(folder, name));
    }
  if (sources.size !== pages)
    throw new Error(`the search shards hold ${sources.size} fragments for ${pages} pages (${folders.join(', ')})`);
  if (existsSync(target) && !statSync(target).isDirectory()) rmSync(target, { force: true });
  mkdirSync(join(target, FRAGMENTS), { recursive: true });

  // Everything of the old index but its fragments goes: the merge rewrites all of it, under names
  // that change with any shard.
  for (const name of readdirSync(target)) if (name !== FRAGMENTS) rmSync(join(target, name), { recursive: true });
  for (const name of readdirSync(staging)) if (name !== FRAGMENTS) moveInto(join(staging, name), join(target, name));

  let deleted = 0;
  const fragments = join(target, FRAGMENTS);
  for (const name of readdirSync(fragments))
    if (!sources.has(name)) {
      rmSync(join(fragments, name), { recursive: true, force: true });
      deleted += 1;
    }
  let written = 0;
  for (const [name, source] of sources) {
    const file = join(fragments, name);
    const targetIdentity = identity(file);
    if (targetIdentity !== null && targetIdentity === identity(source)) continue;
    if (targetIdentity === '') rmSync(file, { recursive: true, force: true });
    else if (targetIdentity !== null) unlinkSync(file);
    try {
      linkSync(source, file);
    } catch {
      // Across devices, say: a copy, which the next build copies again (its inode differs).
      copyFileSync(source, file);
    }
    written += 1;
  }
  rmSync(staging, { recursive: true, force: true });
  return { written, deleted };
}
