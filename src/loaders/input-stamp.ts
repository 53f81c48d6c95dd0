/**
 * A stamp of the ingest's input files as the file system describes them (name, size, inode,
 * change time), to tell without reading them that they are the files an earlier ingest in this
 * process read. Change times have the kernel's clock tick as their grain, so a file written twice
 * within a tick, the same size, would keep its stamp: a stamp is given only when every file was
 * last changed well before now (as git does with its "racily clean" files); otherwise null, and
 * the caller reads and hashes the files.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listDumpFiles } from '../ingest/index.ts';
import { treeHash } from '../lib/tree-hash.ts';

/** Changes older than this are past any file system's timestamp grain. */
const SETTLED_NS = 2_000_000_000n;

export interface StampSources {
  seedsDirectory: string;
  topicsDirectory: string;
  ingestCodeDirectory: string;
}

/** The stamp of the dumps, the topic definitions and the ingest code; null when a file changed too recently or cannot be read. */
export function inputStamp(sources: StampSources, now: bigint = BigInt(Date.now()) * 1_000_000n): string | null {
  try {
    const files = [
      ...listDumpFiles(sources.seedsDirectory).map((name) => join(sources.seedsDirectory, name)),
      ...readdirSync(sources.topicsDirectory)
        .sort()
        .map((name) => join(sources.topicsDirectory, name)),
    ];
    const parts: string[] = [];
    for (const file of files) {
      const stats = statSync(file, { bigint: true });
      if (now - stats.ctimeNs < SETTLED_NS || now - stats.mtimeNs < SETTLED_NS) return null;
      parts.push(`${file}\0${stats.size}\0${stats.ino}\0${stats.ctimeNs}\0${stats.mtimeNs}`);
    }
    // The ingest code is small: its bytes, not its times (a test or a checkout may set those).
    parts.push(treeHash(sources.ingestCodeDirectory) ?? 'no ingest code');
    return parts.join('\n');
  } catch {
    return null;
  }
}
