/** Lists and reads the dumps of a folder (`seeds/`), never failing on one unreadable file. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareDumpNames } from './build-corpus.ts';
import type { DumpInput } from './types.ts';

export const DUMP_FILE_PATTERN = /\.txt$/i;

export function listDumpFiles(directory: string): string[] {
  return readdirSync(directory).filter((name) => DUMP_FILE_PATTERN.test(name)).sort(compareDumpNames);
}

export function readDumpFile(directory: string, name: string): DumpInput {
  const path = join(directory, name);
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return { name, bytes: null, problem: 'it is not a regular file (a directory or device)' };
    return { name, bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it is a broken symbolic link or vanished while reading' : `it cannot be read (${code ?? String(error)})`;
    return { name, bytes: null, problem: reason };
  }
}

export function readDumpFolder(directory: string): DumpInput[] {
  return listDumpFiles(directory).map((name) => readDumpFile(directory, name));
}
