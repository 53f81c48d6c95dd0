/**
 * Words Pagefind matched only loosely (src/scripts/search-loose-words.ts): which words count as
 * loose, and the order the results take from the other words. The words matched are the ones
 * Pagefind reported on the seeds for "mixtral experts" (it found "mix", "mixed", "mixing" for
 * "mixtral"), written out here by hand.
 */
import { describe, expect, test } from 'vitest';
import type { PagefindResult } from '../../src/scripts/pagefind-types.ts';
import {
  checkedWords,
  isCloseMatch,
  looseWords,
  matchedWords,
  orderLike,
} from '../../src/scripts/search-loose-words.ts';

describe('isCloseMatch', () => {
  test.each([
    ['experts', 'expert'],
    ['experts', 'experts'],
    ['model', 'models'],
    ['alignmnt', 'alignment'],
    ['expers', 'experiments'],
    ['studies', 'study'],
  ])('%s ~ %s', (word, found) => expect(isCloseMatch(word, found)).toBe(true));
  test.each([
    ['mixtral', 'mixing'],
    ['mixtral', 'mix'],
    ['mixtral', 'mixed'],
    ['transformer', 'trans'],
    ['lora', 'low'],
  ])('%s is not %s', (word, found) => expect(isCloseMatch(word, found)).toBe(false));
});

test('checkedWords leaves out stop words and words under three letters, and splits hyphens', () => {
  expect(checkedWords('Mixture-of-Experts in a VL model')).toEqual(['mixture', 'experts', 'model']);
});

test('matchedWords reads the words at the match locations as Pagefind numbers them', () => {
  const content = 'Omni-SMoLA: Boosting Generalist Multimodal Models. Abstract. Soft mixing of experts.';
  // Pagefind numbers words split at white space: 0 "Omni-SMoLA:", … 7 "mixing", 9 "experts."
  expect(matchedWords({ content, locations: [7, 9] })).toEqual(['mixing', 'experts']);
});

describe('looseWords', () => {
  test('a word every sampled result matched only through a shorter start is loose', () => {
    const sampled = [
      ['experts', 'mix', 'experts'],
      ['expert', 'mixed'],
      ['experts', 'mixing'],
    ];
    expect(looseWords(checkedWords('mixtral experts'), sampled)).toEqual(['mixtral']);
  });
  test('one sampled result with the word itself makes it close', () => {
    expect(
      looseWords(checkedWords('mixtral experts'), [
        ['experts', 'mix'],
        ['mixtral', 'experts'],
      ]),
    ).toEqual([]);
  });
  test('stop words are never loose', () => {
    expect(looseWords(checkedWords('mixture of experts'), [['mixture', 'experts']])).toEqual([]);
  });
});

describe('orderLike', () => {
  const result = (id: string): PagefindResult => ({
    id,
    score: 0,
    data: () => Promise.reject(new Error('not fetched')),
  });
  test('results take the ranking order; those missing from it keep their order, after the others', () => {
    const results = ['a', 'b', 'c', 'd', 'e'].map(result);
    const ranking = ['x', 'd', 'b', 'y', 'a'].map(result);
    expect(orderLike(results, ranking).map((found) => found.id)).toEqual(['d', 'b', 'a', 'c', 'e']);
  });
});
