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
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { writeFileAside } from './write-aside.ts';
import {
  decodeMergeState,
  encodeMergeState,
  newMergeState,
  type MergeState,
  type ParsedDump,
} from '../ingest/index.ts';

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

/** The file: the header's length (u32) and the header (JSON), then the same for each part of the state. */
class CheckpointReader {
  private position = 0;
  private readonly fd: number;
  constructor(fd: number) {
    this.fd = fd;
  }

  /** The next part's bytes, into a buffer of their own (a typed array of the numbers can view it). */
  part(): ArrayBuffer {
    const length = new Uint32Array(1);
    this.read(new Uint8Array(length.buffer));
    const bytes = new Uint8Array(length[0]!);
    this.read(bytes);
    return bytes.buffer;
  }

  private read(into: Uint8Array): void {
    for (let done = 0; done < into.length;) {
      const read = readSync(this.fd, into, done, into.length - done, this.position);
      if (read === 0) throw new Error('the checkpoint ends early');
      done += read;
      this.position += read;
    }
  }
}

function writePart(fd: number, bytes: Uint8Array): void {
  writeSync(fd, new Uint8Array(new Uint32Array([bytes.byteLength]).buffer));
  writeSync(fd, bytes);
}

/** The checkpoint's state when it holds the first of `dumpKeys` under this code, else null. */
function restore(
  file: string,
  code: string,
  dumpKeys: readonly string[],
  dumps: readonly ParsedDump[],
): MergeState | null {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const reader = new CheckpointReader(fd);
    const header = JSON.parse(new TextDecoder().decode(reader.part())) as CheckpointHeader;
    const fits =
      header.code === code &&
      header.dumps.length <= dumpKeys.length &&
      header.dumps.every((key, index) => dumpKeys[index] === key);
    if (!fits) return null;
    const json = new Uint8Array(reader.part());
    const numbers = new Uint32Array(reader.part());
    const state = decodeMergeState({ json, numbers }, dumps);
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
 * or written, since a change to the merge could not be told). `dumpKeys` and `dumps`: every dump's
 * parse-cache key and parse, in arrival order (the checkpoint takes the abstracts from the parses).
 */
export function mergeCheckpoint(
  file: string,
  code: string | null,
  dumpKeys: readonly string[],
  dumps: readonly ParsedDump[],
): MergeCheckpoint {
  const restored = code === null ? null : restore(file, code, dumpKeys, dumps);
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
        const header = new TextEncoder().encode(
          JSON.stringify({ code, dumps: dumpKeys.slice(0, state.merged.length) } satisfies CheckpointHeader),
        );
        const { json, numbers } = encodeMergeState(state, dumps);
        writeFileAside(file, (pending) => {
          const fd = openSync(pending, 'w');
          try {
            for (const part of [header, json, new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength)])
              writePart(fd, part);
          } finally {
            closeSync(fd);
          }
        });
      } catch {
        // A read-only checkout still builds; it only merges every dump each time.
      }
    },
  };
}
