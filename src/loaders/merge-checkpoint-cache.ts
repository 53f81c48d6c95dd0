/**
 * Keeps the merge's state after the last build's dumps in
 * `node_modules/.cache/research-digest/merge-checkpoint.bin` (src/ingest/merge-checkpoint.ts), so
 * that a rebuild after a new dump merges only that dump. Merging is a left fold over the dumps in
 * arrival order, so the state is of use only while the dumps it holds are still the first ones,
 * unchanged: it is keyed by each dump's parse-cache key (name, bytes, parser version) in order and
 * by a hash of the ingest code. A dump changed, removed, renamed or arriving before the last one,
 * a new parser or merge code: the checkpoint does not fit, and every dump is merged again.
 * Deleting the file only costs time.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeMergeState, encodeMergeState, newMergeState, type MergeState } from '../ingest/index.ts';

interface CheckpointHeader {
  /** Hash of the ingest code (src/ingest/) that wrote the state. */
  code: string;
  /** Parse-cache keys (src/loaders/parsed-dump-cache.ts) of the dumps merged, in arrival order. */
  dumps: string[];
}

/**
 * The checkpoint is written again once the dumps merged beyond it hold this share of the entries
 * it holds. Writing costs about what reading costs, far more than merging one more dump (at 50,000
 * papers a dump of 100 entries merges in ~20 ms): a rebuild after a dump reads the checkpoint and
 * merges what it lacks, and writes it only when that lag would cost about as much as writing.
 */
const REWRITE_SHARE = 0.05;

export interface MergeCheckpoint {
  /** The merge to continue: the checkpoint's state when it fits, else a new one. */
  state: MergeState;
  /** How many of the dumps the checkpoint held (0 when none fit). */
  restored: number;
  /**
   * Writes the state as it is now when no checkpoint fitted, or when the dumps merged beyond the
   * checkpoint are many (`REWRITE_SHARE`).
   */
  save(): void;
}

function readHeader(fd: number): { header: CheckpointHeader; stateStart: number } {
  const length = Buffer.alloc(4);
  readSync(fd, length, 0, 4, 0);
  const header = Buffer.alloc(length.readUInt32LE(0));
  readSync(fd, header, 0, header.length, 4);
  return { header: JSON.parse(header.toString('utf8')) as CheckpointHeader, stateStart: 4 + header.length };
}

function readFrom(fd: number, start: number): Buffer {
  const chunks: Buffer[] = [];
  for (let position = start; ;) {
    const chunk = Buffer.allocUnsafe(16 * 1024 * 1024);
    const read = readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    position += read;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** The checkpoint's state when it holds the first of `dumpKeys` under this code, else null. */
function restore(file: string, code: string, dumpKeys: readonly string[]): MergeState | null {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { header, stateStart } = readHeader(fd);
    const fits =
      header.code === code &&
      header.dumps.length <= dumpKeys.length &&
      header.dumps.every((key, index) => dumpKeys[index] === key);
    if (!fits) return null;
    const state = decodeMergeState(readFrom(fd, stateStart));
    return state.merged.length === header.dumps.length ? state : null;
  } catch {
    // Not written yet, or unreadable: merge every dump.
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * `code`: the hash of the ingest code (null outside the project folder: then no checkpoint is read
 * or written, since a change to the merge could not be told). `dumpKeys`: the parse-cache keys of
 * every dump, in arrival order.
 */
export function mergeCheckpoint(file: string, code: string | null, dumpKeys: readonly string[]): MergeCheckpoint {
  const restored = code === null ? null : restore(file, code, dumpKeys);
  const state = restored ?? newMergeState();
  const restoredCount = state.merged.length;
  return {
    state,
    restored: restoredCount,
    save: () => {
      if (code === null) return;
      if (restored !== null) {
        const entries = (files: string[]) =>
          files.reduce((sum, f) => sum + state.counts.get(f)!.newPapers + state.counts.get(f)!.mergedEntries, 0);
        const behind = entries(state.merged.slice(restoredCount));
        if (behind === 0 || behind < entries(state.merged.slice(0, restoredCount)) * REWRITE_SHARE) return;
      }
      try {
        const header = Buffer.from(
          JSON.stringify({ code, dumps: dumpKeys.slice(0, state.merged.length) } satisfies CheckpointHeader),
        );
        const length = Buffer.alloc(4);
        length.writeUInt32LE(header.length, 0);
        const bytes = encodeMergeState(state);
        mkdirSync(dirname(file), { recursive: true });
        // Written aside and renamed: a build reading it meanwhile sees the old file or the new one.
        const pending = `${file}.pending-${process.pid}`;
        const fd = openSync(pending, 'w');
        try {
          for (const part of [length, header, bytes]) writeSync(fd, part);
        } finally {
          closeSync(fd);
        }
        renameSync(pending, file);
      } catch {
        // A read-only checkout still builds; it only merges every dump each time.
      }
    },
  };
}
