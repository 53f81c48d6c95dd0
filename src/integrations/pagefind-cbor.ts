/**
 * Pagefind 1.6's index files, read and written by the build (src/integrations/search-index-compact.ts,
 * search-index-merge.ts). Each file is gzip of `pagefind_dcd` followed by one CBOR value, as
 * minicbor writes it: definite arrays, text strings, integers, each head in its shortest form.
 * Anything else stops the build rather than guess.
 */
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';

export type Cbor = number | string | Cbor[];

const SIGNATURE = Buffer.from('pagefind_dcd');
const UTF8 = new TextDecoder();

/** Reads CBOR heads off `bytes` from `at` on (the merge walks index chunks without decoding their positions). */
export class CborReader {
  at = 0;
  readonly bytes: Uint8Array;
  private readonly view: DataView;

  // Not a parameter property: the search merge's worker thread runs this file with Node's type stripping.
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The next head: its major type and its argument (a length or a number). */
  head(): { major: number; value: number } {
    const initial = this.bytes[this.at++];
    if (initial === undefined) throw new Error('CBOR ends early');
    const major = initial >> 5;
    const info = initial & 31;
    let value: number;
    if (info < 24) value = info;
    else if (info === 24) value = this.bytes[this.at++]!;
    else if (info === 25) {
      value = this.view.getUint16(this.at);
      this.at += 2;
    } else if (info === 26) {
      value = this.view.getUint32(this.at);
      this.at += 4;
    } else throw new Error(`unexpected CBOR length ${info} at byte ${this.at - 1}`);
    return { major, value };
  }

  private expect(major: number, what: string): number {
    const head = this.head();
    if (head.major !== major) throw new Error(`expected ${what} at byte ${this.at - 1}, found CBOR type ${head.major}`);
    return head.value;
  }

  array(): number {
    return this.expect(4, 'an array');
  }

  unsigned(): number {
    return this.expect(0, 'an unsigned integer');
  }

  /** The bytes of a text string (UTF-8), without decoding them. */
  textBytes(): Uint8Array {
    const length = this.expect(3, 'a text string');
    const text = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return text;
  }

  /** An array of integers, skipped; returns its length. */
  skipIntegers(): number {
    const length = this.array();
    for (let item = 0; item < length; item += 1) {
      const { major } = this.head();
      if (major !== 0 && major !== 1) throw new Error(`expected an integer at byte ${this.at - 1}`);
    }
    return length;
  }

  value(): Cbor {
    const { major, value } = this.head();
    if (major === 0) return value;
    if (major === 1) return -1 - value;
    if (major === 3) {
      const text = UTF8.decode(this.bytes.subarray(this.at, this.at + value));
      this.at += value;
      return text;
    }
    if (major === 4) return Array.from({ length: value }, () => this.value());
    throw new Error(`unexpected CBOR type ${major} at byte ${this.at - 1}`);
  }
}

/** The shortest head of `major` with `argument` (minicbor's). */
export function cborHead(major: number, argument: number): Uint8Array {
  if (argument < 24) return Uint8Array.of((major << 5) | argument);
  if (argument < 0x100) return Uint8Array.of((major << 5) | 24, argument);
  if (argument < 0x10000) return Uint8Array.of((major << 5) | 25, argument >> 8, argument & 0xff);
  if (argument <= 0xffffffff) {
    const bytes = new Uint8Array(5);
    bytes[0] = (major << 5) | 26;
    new DataView(bytes.buffer).setUint32(1, argument);
    return bytes;
  }
  throw new Error(`${argument} is too large for the index`);
}

export function encodeCbor(value: Cbor): Buffer {
  const parts: Uint8Array[] = [];
  const write = (item: Cbor) => {
    if (typeof item === 'number') {
      if (!Number.isInteger(item)) throw new Error(`not an integer: ${item}`);
      parts.push(item < 0 ? cborHead(1, -1 - item) : cborHead(0, item));
    } else if (typeof item === 'string') {
      const text = Buffer.from(item);
      parts.push(cborHead(3, text.length), text);
    } else {
      parts.push(cborHead(4, item.length));
      item.forEach(write);
    }
  };
  write(value);
  return Buffer.concat(parts);
}

/** The CBOR bytes of one of Pagefind's files (gzip, signature). */
export function readIndexFile(file: string): Buffer {
  const raw = gunzipSync(readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind index file`);
  return raw.subarray(SIGNATURE.length);
}

export function decodeIndexFile(file: string): Cbor {
  const reader = new CborReader(readIndexFile(file));
  const value = reader.value();
  if (reader.at !== reader.bytes.length)
    throw new Error(`${file}: ${reader.bytes.length - reader.at} bytes after the CBOR value`);
  return value;
}

/** A file as Pagefind reads it, from CBOR bytes (gzip's highest level: these files are fetched by readers). */
export function indexFileBytes(cbor: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, cbor]), { level: 9 });
}

const gzipLater = promisify(gzip);

/**
 * The same, compressed on libuv's threads (beside the build's other work), at gzip's default level:
 * for the many index chunks, the highest level costs twice the time for 1% fewer bytes.
 */
export const indexFileBytesLater = (cbor: Uint8Array): Promise<Buffer> => gzipLater(Buffer.concat([SIGNATURE, cbor]));
