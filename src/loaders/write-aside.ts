/**
 * A cache file written aside and renamed over the old one: a build reading it meanwhile sees the
 * old file or the new one, never half of one. Errors are the caller's (a read-only checkout).
 */
import { mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

/** Calls `write` with a path beside `file` to write, then puts that file in `file`'s place. */
export function writeFileAside(file: string, write: (pending: string) => void): void {
  mkdirSync(dirname(file), { recursive: true });
  const pending = `${file}.pending-${process.pid}`;
  write(pending);
  renameSync(pending, file);
}
