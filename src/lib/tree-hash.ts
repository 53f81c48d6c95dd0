/**
 * A hash of every file under a folder (paths relative to it, and contents), for cache keys that a
 * change to code must invalidate: the redirect pages' keys (src/lib/paper-page-key.ts, `src/`), and
 * the classification cache and the merge checkpoint (src/loaders/digest-corpus.ts, `src/ingest/`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The folder's hash, or null when there is no such folder. */
export function treeHash(directory: string): string | null {
  if (!existsSync(directory)) return null;
  const hash = createHash('sha256');
  const files = readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(relative(directory, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
