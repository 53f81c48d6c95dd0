/** Reading a Pagefind index in the tests of the search index merge (tests/search/search-index-*.test.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { decodeIndexFile, readIndexFile, type Cbor } from '../../src/integrations/pagefind-cbor.ts';

export interface Index {
  meta: Cbor[];
  folder: string;
}

export function readIndex(folder: string): Index {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
    languages: { en: { hash: string; page_count: number } };
  };
  const meta = decodeIndexFile(join(folder, `pagefind.${entry.languages.en.hash}.pf_meta`)) as Cbor[];
  expect((meta[1] as Cbor[]).length).toBe(entry.languages.en.page_count);
  return { meta, folder };
}

export const chunks = (index: Index) => index.meta[2] as string[][];
export const filters = (index: Index) => index.meta[3] as string[][];
export const pages = (index: Index) => index.meta[1] as [string, number, string][];
export const filterBytes = (index: Index, name: string) =>
  readIndexFile(join(index.folder, 'filter', `${name}.pf_filter`));

export type Postings = [number, number[], number[]][];
/** Every chunk's words, in order, with their postings decoded. */
export const chunkWords = (index: Index) =>
  chunks(index).map(([, , name]) =>
    (decodeIndexFile(join(index.folder, 'index', `${name!}.pf_index`)) as [string, Postings, []][][])[0]!.map(
      ([word, postings]) => [word, postings] as const,
    ),
  );
export const indexWords = (index: Index) => chunkWords(index).flat();
/** What Pagefind counts to cut chunks: a page and each position and meta position. */
export const postingsSize = (postings: Postings) =>
  postings.reduce((size, [, positions, metaPositions]) => size + 1 + positions.length + metaPositions.length, 0);
export const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
/** Rust's order of strings: their UTF-8 bytes'. */
export const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const inRange = (term: string, from: string, to: string) => byBytes(term, from) >= 0 && byBytes(term, to) <= 0;
export const firstChars = (text: string, count: number) => Array.from(text).slice(0, count).join('');
/** The chunks whose range holds `term`. */
export const holding = (ranges: readonly (readonly [string, string])[], term: string) =>
  ranges.flatMap(([from, to], at) => (inRange(term, from, to) ? [at] : []));

/**
 * The chunks Pagefind 1.6's browser code loads for one term (pagefind_web/src/lib.rs,
 * `request_indexes`): the chunks whose range holds it; if none does, those whose range holds it
 * cut, on each side, to as many characters as the range's end has.
 */
export function chunksForTerm(ranges: readonly (readonly [string, string])[], term: string): number[] {
  const strict = holding(ranges, term);
  if (strict.length > 0) return strict;
  const length = Array.from(term).length;
  return ranges.flatMap(([from, to], at) => {
    const fromLength = Math.min(length, Array.from(from).length);
    const toLength = Math.min(length, Array.from(to).length);
    return byBytes(firstChars(term, fromLength), firstChars(from, fromLength)) >= 0 &&
      byBytes(firstChars(term, toLength), firstChars(to, toLength)) <= 0
      ? [at]
      : [];
  });
}
