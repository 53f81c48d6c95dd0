/**
 * Abstract shingles: the word 3-grams of an abstract's comparable words, hashed (FNV-1a over each
 * word followed by a space), and the similarity of two abstracts with its early-stopping variant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/ingest/index.ts';
import { comparableWordsOfNormal } from '../../src/ingest/normalize-text.ts';
import { abstractShingles, abstractSimilarity, similarityAtLeast } from '../../src/ingest/shingles.ts';

/**
 * The definition: FNV-1a of the three words of the normalised text (TeX as written), each followed
 * by a space (all words when fewer than three).
 */
function referenceShingles(text: string): number[] {
  const words = comparableWordsOfNormal(normalizeText(text));
  const size = Math.min(3, words.length);
  const hashes = new Set<number>();
  for (let start = 0; start + size <= words.length && size > 0; start++) {
    let hash = 0x811c9dc5;
    for (const char of words
      .slice(start, start + size)
      .map((word) => `${word} `)
      .join(''))
      hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
    hashes.add(hash >>> 0);
    if (size < 3) break;
  }
  return [...hashes].sort((a, b) => a - b);
}

const word = fc.constantFrom(
  'Low-Rank',
  'adapters',
  'LoRA',
  'fine',
  'tuning',
  'of',
  'the',
  'Mixture',
  'experts',
  'naïve',
  'Über',
  'S$^{2}$FT',
  '42',
  'x',
);
const text = fc.array(word, { maxLength: 30 }).map((words) => words.join(' '));

describe('abstractShingles', () => {
  it('hashes every three consecutive comparable words, ASCII or not', () => {
    fc.assert(
      fc.property(text, (abstract) => {
        expect([...abstractShingles(abstract).sorted]).toEqual(referenceShingles(abstract));
      }),
      { numRuns: 300 },
    );
  });

  it('ignores case and punctuation, as comparable words do', () => {
    expect(abstractShingles('Low-rank adapters, for all.').sorted).toEqual(
      abstractShingles('low rank ADAPTERS for all').sorted,
    );
  });

  it('samples the shingles the modulus picks, in text order, then the smallest', () => {
    const { sorted, sample } = abstractShingles(
      'one two three four five six seven eight nine ten eleven twelve thirteen',
    );
    const picked = sample.filter((hash) => hash % 4 === 0);
    expect(sample.slice(0, picked.length)).toEqual(picked);
    for (const hash of sorted.slice(0, 4)) expect(sample).toContain(hash);
    expect(new Set(sample).size).toBe(sample.length);
  });
});

describe('similarityAtLeast', () => {
  it('is the similarity when that reaches the floor, and -1 when it does not', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom(0.1, 0.4, 0.5, 0.9, 1), (first, second, floor) => {
        const a = abstractShingles(first);
        const b = abstractShingles(second);
        const similarity = abstractSimilarity(a, b);
        expect(similarityAtLeast(a, b, floor)).toBe(similarity >= floor ? similarity : -1);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a truncated abstract inside the complete one', () => {
    const complete = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    const truncated = complete.split(' ').slice(0, 30).join(' ');
    expect(similarityAtLeast(abstractShingles(truncated), abstractShingles(complete), 0.4)).toBe(1);
  });
});
