/**
 * The files and folders of `dist/` at the end of a build, for src/integrations/stale-output.ts.
 * Listing every folder costs ~0.5 s at 10,000 papers (~11,000 folders, one a paper page); with the
 * last build's record (src/integrations/output-record.ts) a folder whose modification time is the
 * recorded one holds the entries recorded, as adding, removing or renaming an entry changes its
 * folder's time: a stat instead of a listing. A folder whose time differs (this build or someone
 * else added or removed something in it), that the record does not know, or whose recorded time
 * was not to be trusted, is listed again.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FolderEntry } from './output-record.ts';

/** Folders by path relative to `dist/` ('' for `dist/`, others ending in `/`). */
export type OutputListing = Map<string, FolderEntry>;

/** The folder's time, or null when it is no longer there (or is not a folder any more). */
function folderTime(path: string): number | null {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isDirectory() ? stats.mtimeMs : null;
  } catch {
    return null;
  }
}

/**
 * Every folder under `outDir` with its entries, less the folders in `skip` (relative paths ending
 * in `/`, claimed whole by the build), which are named in their parent but not looked into.
 * `recorded`: the last build's folders, trusted where their time has not changed.
 */
export function listOutput(
  outDir: string,
  skip: ReadonlySet<string>,
  recorded: ReadonlyMap<string, FolderEntry> | null,
): OutputListing {
  const listing: OutputListing = new Map();
  /** Whether the folder is there. */
  const visit = (folder: string): boolean => {
    const mtimeMs = folderTime(join(outDir, folder));
    if (mtimeMs === null) return false;
    const known = recorded?.get(folder);
    let entry: FolderEntry;
    if (known && known.mtimeMs >= 0 && known.mtimeMs === mtimeMs) {
      entry = { mtimeMs, files: [...known.files], folders: [...known.folders] };
    } else {
      entry = { mtimeMs, files: [], folders: [] };
      for (const dirent of readdirSync(join(outDir, folder), { withFileTypes: true }))
        (dirent.isDirectory() ? entry.folders : entry.files).push(dirent.name);
    }
    listing.set(folder, entry);
    entry.folders = entry.folders.filter((name) => {
      const path = `${folder}${name}/`;
      return skip.has(path) || visit(path);
    });
    return true;
  };
  visit('');
  return listing;
}
