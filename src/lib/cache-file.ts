/**
 * The binary files in which a build keeps what it read of each paper for the next one (the reading
 * aids' src/lib/reading-aids-cache.ts, the search vocabulary's src/lib/search-vocabulary-cache.ts):
 * a line naming the format, then parts each preceded by its length, then a CRC-32 of all before it.
 * A file that is foreign, truncated or corrupt reads as nothing, and is written anew; deleting one
 * only costs time. Plain erasable TypeScript: the worker threads that keep these files run it as it is.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { writeFileAside } from '../loaders/write-aside.ts';

/** Bytes of a paper's text hash (`paperTextHash`). */
export const TEXT_HASH_BYTES = 16;

/** The per-paper key of these caches: a hash of the title and abstract (the first 16 bytes of a SHA-1). */
export function paperTextHash(paper: { title: string; abstract: string }): Buffer {
  return createHash('sha1')
    .update(paper.title)
    .update('\0')
    .update(paper.abstract)
    .digest()
    .subarray(0, TEXT_HASH_BYTES);
}

/** For each paper of `hashes` (this build's, concatenated), its index among `priorHashes`' papers, or -1. */
export function priorIndexes(hashes: Buffer, priorHashes: Buffer | null): Int32Array {
  const indexOf = new Map<string, number>();
  if (priorHashes)
    for (let index = 0; index < priorHashes.length / TEXT_HASH_BYTES; index++)
      indexOf.set(priorHashes.toString('latin1', index * TEXT_HASH_BYTES, (index + 1) * TEXT_HASH_BYTES), index);
  return Int32Array.from(
    { length: hashes.length / TEXT_HASH_BYTES },
    (_, index) => indexOf.get(hashes.toString('latin1', index * TEXT_HASH_BYTES, (index + 1) * TEXT_HASH_BYTES)) ?? -1,
  );
}

/** Whether the file (its papers' `priorIndex`) holds exactly this build's papers: then it need not be written again. */
export const holdsExactly = (priorHashes: Buffer | null, priorIndex: Int32Array): boolean =>
  priorHashes !== null &&
  priorHashes.length === priorIndex.length * TEXT_HASH_BYTES &&
  priorIndex.every((index) => index >= 0);

/** The bytes of a typed array, without a copy. */
export const bytesOf = (array: Int32Array | Uint32Array | Uint8Array) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/** A copy with its own aligned buffer, for a typed array of 32-bit numbers. */
export const aligned = (bytes: Buffer) => new Uint8Array(bytes).buffer;

/** Strings without a line break, as one part. */
export const joinStrings = (strings: readonly string[]) => Buffer.from(strings.join('\n'), 'utf8');
export const splitStrings = (bytes: Buffer) => (bytes.length === 0 ? [] : bytes.toString('utf8').split('\n'));

/** The file's chunks: `magic` (a line naming the format and its version), the parts, the checksum. */
export function encodeCacheFile(magic: string, parts: readonly Buffer[]): Buffer[] {
  const chunks: Buffer[] = [Buffer.from(magic)];
  for (const part of parts) chunks.push(bytesOf(new Uint32Array([part.length])), part);
  let checksum = 0;
  for (const chunk of chunks) checksum = crc32(chunk, checksum);
  chunks.push(bytesOf(new Uint32Array([checksum])));
  return chunks;
}

/** The parts of a whole file of the format `magic` with `count` parts, else null. */
export function decodeCacheFile(file: Buffer, magic: string, count: number): Buffer[] | null {
  const magicBytes = Buffer.from(magic);
  if (file.length < magicBytes.length + 4 || !file.subarray(0, magicBytes.length).equals(magicBytes)) return null;
  const body = file.length - 4;
  if (crc32(file.subarray(0, body)) !== file.readUInt32LE(body)) return null;
  const parts: Buffer[] = [];
  for (let at = magicBytes.length; at < body;) {
    const length = file.readUInt32LE(at);
    if (at + 4 + length > body) return null;
    parts.push(file.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return parts.length === count ? parts : null;
}

/**
 * What `decode` makes of a file, or null when it throws: a file whose checksum holds may still not
 * be what this code wrote (a header that is not JSON, a table of 32-bit numbers not a multiple of
 * four bytes long), and a cache must never fail a build.
 */
export function decodeOrNull<T>(decode: () => T | null): T | null {
  try {
    return decode();
  } catch {
    return null;
  }
}

/** The file's bytes, or null when it is not there or cannot be read (every paper is then read). */
export function readCacheFile(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Writes the chunks aside and renames them over `file`; a read-only checkout keeps no file. */
export function writeCacheFile(file: string, chunks: readonly Buffer[]): void {
  try {
    writeFileAside(file, (pending) => {
      const fd = openSync(pending, 'w');
      try {
        for (const chunk of chunks) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
    });
  } catch {
    // A read-only checkout still builds; it only reads every paper each time.
  }
}
