/** The inverted index's hash table: every shingle finds its own list, however many there are. */
import { describe, expect, it } from 'vitest';
import { PostingTable } from '../../src/ingest/posting-table.ts';

describe('PostingTable', () => {
  it('finds each list under its shingle and nothing under others, across growth', () => {
    const table = new PostingTable();
    // Multiples of four and of 2^20 collide in the low and high bits: the table must keep them apart.
    const shingles = [
      0,
      1,
      4,
      0xffffffff,
      ...Array.from({ length: 20_000 }, (_, index) => ((index * 4) ^ (index << 20)) >>> 0),
    ];
    const unique = [...new Set(shingles)];
    unique.forEach((shingle, index) => table.add(shingle, [index]));
    unique.forEach((shingle, index) => expect(table.get(shingle)).toEqual([index]));
    expect(table.get(2)).toBeUndefined();
    expect(table.get(0xfffffffe)).toBeUndefined();
  });

  it('hands back the list itself, so that ids can be added to it', () => {
    const table = new PostingTable();
    table.add(42, [1]);
    table.get(42)!.push(2);
    expect(table.get(42)).toEqual([1, 2]);
  });
});
