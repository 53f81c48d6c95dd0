/** Lists and reads the dumps of a folder (`seeds/`), never failing on one unreadable file. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareDumpNames } from './build-corpus.ts';
import type { DumpInput } from './types.ts';

export const DUMP_FILE_PATTERN = /\.txt$/i;

export function listDumpFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => DUMP_FILE_PATTERN.test(name))
    .sort(compareDumpNames);
}

export function readDumpFile(directory: string, name: string): DumpInput {
  const path = join(directory, name);
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { name, bytes: null, problem: 'it is a directory, not a regular file' };
    // Reading a named pipe would wait for a writer forever.
    if (!stats.isFile())
      return { name, bytes: null, problem: 'it is not a regular file but a named pipe, socket or device' };
    return { name, bytes: readFileSync(path) };
  } catch (error) {
    return { name, bytes: null, problem: unreadableReason(error) };
  }
}

function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'it is a broken symbolic link or vanished while reading';
    case 'ELOOP':
      return 'it is a symbolic link that leads back to itself';
    case 'EACCES':
    case 'EPERM':
      return 'you have no permission to read it';
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'it is too large to read (over 2 GB)';
    default:
      return `it cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

export function readDumpFolder(directory: string): DumpInput[] {
  return listDumpFiles(directory).map((name) => readDumpFile(directory, name));
}
