/**
 * A hash of every file under a folder (paths relative to it, and contents), for cache keys that a
 * change to code must invalidate: the redirect pages' keys (src/lib/paper-page-key.ts, `src/`), and
 * the classification cache and the merge checkpoint (src/loaders/digest-corpus.ts, `src/ingest/`);
 * or of some files of it, for a cache that only they decide (src/lib/reading-aids-cache.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The hash of `files` (paths relative to `directory`, in the order given), or null when one cannot be read. */
export function filesHash(directory: string, files: readonly string[]): string | null {
  const hash = createHash('sha256');
  try {
    for (const file of files)
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(join(directory, file)))
        .update('\0');
  } catch {
    return null;
  }
  return hash.digest('hex');
}

/** The folder's hash, or null when there is no such folder. */
export function treeHash(directory: string): string | null {
  if (!existsSync(directory)) return null;
  const files = readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)))
    .sort();
  return filesHash(directory, files);
}
