/**
 * Writes a file over its old bytes instead of truncating it first. On ext4 (the file system of this
 * project's machines), a file truncated to nothing and written again is flushed to disk when it is
 * closed (the `auto_da_alloc` safeguard for programs that replace a file that way), and its old
 * blocks are freed and discarded: 1.6 ms for each 40 KB page of a rebuild, 2.3 s for the 1,362 pages
 * one dump changes at 10,000 papers, against 0.05 s written in place. The file's bytes afterwards are
 * the same either way; only a crash half way leaves a mixed file instead of a short one, which the
 * next build mends as it mends a short one (the file's time is not the one recorded for it, so the
 * page is compared with what it would write). Never used on the search index's files, which are
 * hard links to the shard cache's (src/integrations/search-shard-cache.ts): written in place or
 * truncated alike, a link's file is the cache's.
 */
import { closeSync, ftruncateSync, openSync, writeFileSync, writeSync } from 'node:fs';

/** Writes `bytes` to `file`, over what the file held (created when it does not exist). */
export function writeFileInPlace(file: string, bytes: Uint8Array | string): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  let fd: number;
  try {
    fd = openSync(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    writeFileSync(file, data);
    return;
  }
  try {
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written, written);
    ftruncateSync(fd, data.length);
  } finally {
    closeSync(fd);
  }
}
