/**
 * The vocabulary file (src/lib/search-vocabulary.ts) and the suggestions computed from it
 * (src/scripts/search-suggestions.ts), on the seeds and on a worst case for its size.
 */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { ingestDumps, readDumpFolder, readTopicDefinitions, type PaperRecord } from '../../src/ingest/index.ts';
import { buildVocabulary, MAX_GZIP_BYTES } from '../../src/lib/search-vocabulary.ts';
import { editDistance, indexVocabulary, suggestSpellings as suggest } from '../../src/scripts/search-suggestions.ts';
import { STOP_WORDS } from '../../src/scripts/search-terms.ts';
import { vocabularyWords } from '../../src/lib/vocabulary-text.ts';
import { PROJECT_ROOT, SEEDS_DIR } from '../ingest/helpers.ts';

const topics = readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'));
const { papers } = ingestDumps(readDumpFolder(SEEDS_DIR), topics);
const topicNames = new Map(topics.map((topic) => [topic.id, topic.name]));
const vocabulary = buildVocabulary(papers, topicNames);
const index = indexVocabulary(vocabulary);
const suggestSpellings = (query: string, vocabularyIndex: typeof index) =>
  suggest(vocabularyWords(query), vocabularyIndex, STOP_WORDS);

describe('edit distance', () => {
  test.each([
    ['expers', 'experts', 1],
    ['mixtral', 'mixture', 3],
    ['tranformer', 'transformer', 1],
    ['teh', 'the', 1],
    ['lora', 'lora', 0],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b, 5)).toBe(distance);
  });
  test('stops past its limit', () => {
    expect(editDistance('alignment', 'quantization', 2)).toBe(3);
  });
});

describe('suggestions on the seeds', () => {
  test('"mixtral of expers" suggests "mixture of experts" first', () => {
    expect(suggestSpellings('mixtral of expers', index)[0]).toBe('mixture of experts');
  });
  test('a misspelt word is replaced by a word the papers use', () => {
    expect(suggestSpellings('reinforcment learning', index)).toContain('reinforcement learning');
    expect(suggestSpellings('quantisation', index)).toContain('quantization');
  });
  test('words the papers use are not corrected', () => {
    for (const query of ['mixture of experts', 'LoRA', 'Liquid AI', 'reward model', 'Mixture-of-Experts'])
      expect(suggestSpellings(query, index)).toEqual([]);
  });
  test('topic and organisation names are phrases', () => {
    expect(vocabulary.phrases).toEqual(
      expect.arrayContaining(['mixture of experts', 'parameter efficient fine tuning', 'liquid ai']),
    );
  });
});

describe('size', () => {
  test(`the seeds' vocabulary is well under ${MAX_GZIP_BYTES} bytes gzipped`, () => {
    const bytes = gzipSync(JSON.stringify(vocabulary)).length;
    expect(bytes).toBeGreaterThan(5_000);
    expect(bytes).toBeLessThan(MAX_GZIP_BYTES / 2);
  });

  test('a corpus of 10,000 papers with far more distinct words than real text still fits the budget', () => {
    // Random words (English letter frequencies) compress much worse than a real vocabulary.
    const letters =
      'eeeeeeeeeeeetttttttttaaaaaaaaooooooooiiiiiiinnnnnnnssssssrrrrrrhhhhhlllldddcccuuummmwwffggyyppbbvk';
    const word = () => Array.from({ length: 4 + randomInt(8) }, () => letters[randomInt(letters.length)]).join('');
    const template = papers[0]!;
    const synthetic: PaperRecord[] = Array.from({ length: 10_000 }, (_, at) => ({
      ...template,
      id: `p${at}`,
      title: Array.from({ length: 6 }, word).join(' '),
      abstract: Array.from({ length: 60 }, word).join(' '),
    }));
    const built = buildVocabulary(synthetic, topicNames);
    expect(gzipSync(JSON.stringify(built)).length).toBeLessThanOrEqual(MAX_GZIP_BYTES);
    expect(built.words.flat().length).toBeGreaterThan(5_000);
  }, 60_000);
});
