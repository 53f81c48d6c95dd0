/**
 * What the last build left in its `dist/`, kept in `node_modules/.cache/research-digest/
 * output-record.json`, so that a rebuild need not read or walk all of `dist/`: the folders (each
 * one's time and entries; src/integrations/output-listing.ts) and the paper pages (each one's
 * digest, size, time and the key of its data; src/integrations/paper-pages.ts). A file or folder whose time is not the
 * recorded one was changed behind the build's back and is read again; a record that is missing,
 * unreadable, of another version or of another output folder is not used at all (`dist/` is then
 * walked, and each paper page compared with its file, as without a record). Deleting it only costs
 * time.
 *
 * The record is taken away when a build starts and written when it is done, so a build that stops
 * half way leaves none. A time within `RACY_MS` of the writing is kept as unknown (−1): a change
 * made within the file system's time resolution of the build's own write would not change it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFileAside } from '../loaders/write-aside.ts';

/** A new layout or meaning of the record: records of another version are not read. */
const RECORD_VERSION = 2;

/**
 * File times are at best as fine as the kernel's clock tick (a few ms); on FAT they are 2 s apart.
 * A time this close to when the record is written could hide a change made right after it.
 */
const RACY_MS = 2_000;

/** A paper page as the last build wrote it (or found it already right). */
export interface PageEntry {
  /** src/integrations/paper-page-digest.ts */
  digest: string;
  size: number;
  /** The file's modification time, ms since the epoch; −1 when it cannot be trusted. */
  mtimeMs: number;
  /** The key of the data it was made of (src/lib/paper-page-key.ts `paperPageDataKey`), '' when none was made. */
  key: string;
}

/** A folder of `dist/` as the last build left it. */
export interface FolderEntry {
  /** The folder's modification time; −1 when it cannot be trusted. */
  mtimeMs: number;
  files: string[];
  folders: string[];
}

export interface OutputRecord {
  /** By path relative to `dist/`, folders ending in `/` (`dist/` itself is ''), not those claimed whole. */
  folders: Map<string, FolderEntry>;
  /** By path relative to `dist/`. */
  pages: Map<string, PageEntry>;
}

interface RecordFile {
  version: number;
  outDir: string;
  folders: Record<string, [number, string[], string[]]>;
  pages: Record<string, [string, number, number, string]>;
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The record of `outDir` in `file`, or null when there is none that fits. */
export function readOutputRecord(file: string, outDir: string): OutputRecord | null {
  let data: RecordFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as RecordFile;
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || data.version !== RECORD_VERSION || data.outDir !== outDir)
    return null;
  if (
    typeof data.folders !== 'object' ||
    data.folders === null ||
    typeof data.pages !== 'object' ||
    data.pages === null
  )
    return null;
  const folders = new Map<string, FolderEntry>();
  for (const [path, entry] of Object.entries(data.folders)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'number' || !isStrings(entry[1]) || !isStrings(entry[2]))
      return null;
    folders.set(path, { mtimeMs: entry[0], files: entry[1], folders: entry[2] });
  }
  const pages = new Map<string, PageEntry>();
  for (const [path, entry] of Object.entries(data.pages)) {
    if (
      !Array.isArray(entry) ||
      typeof entry[0] !== 'string' ||
      typeof entry[1] !== 'number' ||
      typeof entry[2] !== 'number' ||
      typeof entry[3] !== 'string'
    )
      return null;
    pages.set(path, { digest: entry[0], size: entry[1], mtimeMs: entry[2], key: entry[3] });
  }
  return { folders, pages };
}

/**
 * Takes the record away (a build starts: until it is done, `dist/` may differ from any record). In
 * a read-only checkout the record stays as it was, which is still safe: what this build changes in
 * `dist/` gets other times than those recorded.
 */
export function removeOutputRecord(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Read-only: see above.
  }
}

/** Writes the record of `outDir`, times close to `now` kept as unknown. */
export function writeOutputRecord(file: string, outDir: string, record: OutputRecord, now = Date.now()): void {
  const trusted = (mtimeMs: number) => (mtimeMs >= now - RACY_MS ? -1 : mtimeMs);
  const data: RecordFile = { version: RECORD_VERSION, outDir, folders: {}, pages: {} };
  for (const [path, entry] of record.folders) data.folders[path] = [trusted(entry.mtimeMs), entry.files, entry.folders];
  for (const [path, entry] of record.pages)
    data.pages[path] = [entry.digest, entry.size, trusted(entry.mtimeMs), entry.key];
  writeFileAside(file, (pending) => writeFileSync(pending, JSON.stringify(data)));
}
